import Shared
import Testing

/// Arrays as PostgreSQL array literals: every element quoted, quotes and backslashes escaped, other text
/// (including non-ASCII) passed through unchanged.
@Suite struct SQLArrayLiteralTests {
    @Test func numbersAreQuotedElements() {
        #expect([Int64(-9_223_372_036_854_775_808), 0, 42].sqlText == #"{"-9223372036854775808","0","42"}"#)
        #expect([Int]().sqlText == "{}")
    }

    @Test func quotesAndBackslashesAreEscapedAndOtherTextKept() {
        #expect(["a\"b", #"c\d"#, "é ü 日本", ""].sqlText == #"{"a\"b","c\\d","é ü 日本",""}"#)
    }
}
