import Shared
import Testing

/// CSV records as RFC 4180 writes them.
@Suite struct CSVRecordTests {
    @Test func plainFieldsAreWrittenAsTheyAreAndTheRecordEndsWithCRLF() {
        #expect(CSVRecord.line(["a", "b c", "ü☕"]) == "a,b c,ü☕\r\n")
    }

    @Test func fieldsWithACommaQuoteOrLineBreakAreQuotedWithQuotesDoubled() {
        #expect(CSVRecord.line(["a,b"]) == "\"a,b\"\r\n")
        #expect(CSVRecord.line(["say \"hi\""]) == "\"say \"\"hi\"\"\"\r\n")
        #expect(CSVRecord.line(["one\ntwo", "cr\rlf"]) == "\"one\ntwo\",\"cr\rlf\"\r\n")
        #expect(CSVRecord.line(["{\"k\": 1}"]) == "\"{\"\"k\"\": 1}\"\r\n")
    }

    @Test func nullAndEmptyAreEmptyFields() {
        #expect(CSVRecord.line([nil, "", "x"]) == ",,x\r\n")
    }
}
