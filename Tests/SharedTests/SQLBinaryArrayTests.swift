import Shared
import Testing

/// `bigint[]` in `array_recv`'s binary format.
@Suite struct SQLBinaryArrayTests {
    @Test func bigintsAreOneDimensionWithoutNullsOfInt8BigEndian() {
        let header: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 2, 0, 0, 0, 1]
        let one: [UInt8] = [0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1]
        let minusTwo: [UInt8] = [0, 0, 0, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]
        #expect([Int64(1), -2].sqlBinary == header + one + minusTwo)
    }

    @Test func anEmptyArrayHasNoDimension() {
        #expect([Int64]().sqlBinary == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20])
    }
}
