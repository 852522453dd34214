import Shared
import Testing

@Suite struct JSONValueTests {
    // MARK: - Parsing: structure

    @Test func objectsKeepTheirKeysInTheOrderSent() throws {
        let value = try JSONValue(parsing: #"{"zeta":1,"alpha":2,"mid":3}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object, got \(value)")
            return
        }
        #expect(object.members.map(\.key) == ["zeta", "alpha", "mid"])
        #expect(value["alpha"] == .int(2))
    }

    @Test func nestedArraysAndObjectsParse() throws {
        let value = try JSONValue(parsing: #" [ [1, [2, []]], {"a": [true, false, null]}, {} ] "#)
        #expect(value == [[1, [2, []]], ["a": [true, false, nil]], .object(JSONObject())])
    }

    @Test func whitespaceAroundTokensIsIgnored() throws {
        let value = try JSONValue(parsing: "\t\r\n { \"a\" \n : \t 1 , \"b\" : [ ] } \n")
        #expect(value == ["a": 1, "b": []])
    }

    @Test(arguments: [
        ("0", JSONValue.int(0)),
        ("-0", .int(0)),
        ("42", .int(42)),
        ("-17", .int(-17)),
        ("9223372036854775807", .int(Int.max)),
        ("-9223372036854775808", .int(Int.min)),
        ("2.0", .double(2.0)),
        ("1e3", .double(1000)),
        ("1E+3", .double(1000)),
        ("25e-1", .double(2.5)),
        ("0.5", .double(0.5)),
        ("-0.25", .double(-0.25)),
        ("0e0", .double(0)),
    ])
    func numbersAreIntWithoutFractionOrExponentAndDoubleOtherwise(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test func minusZeroWithAFractionKeepsItsSign() throws {
        let value = try JSONValue(parsing: "-0.0")
        let double = try #require(value.doubleValue)
        #expect(double == 0 && double.sign == .minus)
        guard case .double = value else {
            Issue.record("expected a double, got \(value)")
            return
        }
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"])
    func integersBeyondInt64BecomeDoubles(text: String) throws {
        let value = try JSONValue(parsing: text)
        let expected = try #require(Double(text))
        #expect(value == .double(expected))
    }

    @Test(arguments: [
        (#""a\nb""#, "a\nb"),
        (#""say \"hi\"""#, "say \"hi\""),
        (#""back\\slash""#, "back\\slash"),
        (#""a\/b""#, "a/b"),
        (#""caf\u00e9""#, "café"),
        (#""caf\u00E9""#, "café"),
        (#""\b\f\r\t""#, "\u{08}\u{0C}\r\t"),
        (#""\ud83d\ude00""#, "😀"),
        (#""x\uD83D\uDE00y""#, "x😀y"),
        (#""\u0000""#, "\u{0}"),
        ("\"已经 écrit 😀\"", "已经 écrit 😀"),
    ])
    func stringEscapesAndUTF8AreDecoded(text: String, expected: String) throws {
        #expect(try JSONValue(parsing: text) == .string(expected))
    }

    @Test func literalsParse() throws {
        #expect(try JSONValue(parsing: "true") == .bool(true))
        #expect(try JSONValue(parsing: "false") == .bool(false))
        #expect(try JSONValue(parsing: "null") == .null)
    }

    // MARK: - Parsing: rejections

    @Test(arguments: [
        ("", "empty input"),
        ("   ", "only white space"),
        ("[1,2,]", "trailing comma in an array"),
        (#"{"a":1,}"#, "trailing comma in an object"),
        ("[,1]", "leading comma"),
        (#"{"a" 1}"#, "missing colon"),
        (#"{a:1}"#, "unquoted key"),
        (#"{"a":1 "b":2}"#, "missing comma"),
        ("[1 2]", "missing comma in an array"),
        ("01", "leading zero"),
        ("-01", "negative leading zero"),
        ("00", "double zero"),
        ("01.5", "leading zero with a fraction"),
        (".5", "bare leading dot"),
        ("-.5", "minus then dot"),
        ("1.", "trailing dot"),
        ("1.e3", "dot then exponent"),
        ("+1", "leading plus"),
        ("-", "lone minus"),
        ("1e", "exponent without digits"),
        ("1e+", "signed exponent without digits"),
        ("--1", "double minus"),
        ("1e400", "out of range double"),
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("0x10", "hexadecimal"),
        (#""abc"#, "unterminated string"),
        (#"["abc]"#, "unterminated string in an array"),
        ("\"a\u{01}b\"", "raw control character in a string"),
        ("\"a\nb\"", "raw newline in a string"),
        ("\"a\tb\"", "raw tab in a string"),
        (#""\x41""#, "unknown escape"),
        (#""\u12""#, "short unicode escape"),
        (#""\u12G4""#, "non-hex unicode escape"),
        (#""\ud83d""#, "lone high surrogate"),
        (#""\ud83dx""#, "high surrogate followed by text"),
        (#""\ud83d\u0041""#, "high surrogate followed by a non-surrogate"),
        (#""\ude00""#, "lone low surrogate"),
        (#""\ude00\ud83d""#, "surrogates in the wrong order"),
        ("tru", "truncated literal"),
        ("True", "capitalised literal"),
        ("nul", "truncated null"),
        ("{} x", "trailing garbage after an object"),
        ("1 2", "two values"),
        ("[] []", "two arrays"),
        ("null,", "trailing comma after a value"),
        ("'a'", "single quotes"),
        ("[1}", "mismatched brackets"),
        (#"{"a":1]"#, "mismatched braces"),
    ])
    func invalidDocumentsAreRejected(text: String, why: String) {
        #expect(throws: JSONParseError.self, "\(why): \(text.debugDescription)") {
            try JSONValue(parsing: text)
        }
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22] as [UInt8],
        [0x22, 0xC3, 0x22],
        [0x22, 0xC0, 0xAF, 0x22],
        [0x22, 0xED, 0xA0, 0x80, 0x22],
        [0x22, 0x61, 0x80, 0x22],
    ])
    func invalidUTF8InStringsIsRejected(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
    }

    @Test func invalidUTF8OutsideStringsIsRejected() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x5B, 0xFF, 0x5D]) }
    }

    @Test func nestingOf128LevelsIsAccepted() throws {
        let text = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        var value = try JSONValue(parsing: text)
        var depth = 0
        while case .array(let elements) = value, let first = elements.first {
            value = first
            depth += 1
        }
        #expect(depth == 127)
    }

    @Test(arguments: ["[", "{\"a\":"])
    func nestingDeeperThan128IsRejected(opener: String) {
        let closer = opener == "[" ? "]" : "}"
        let text = String(repeating: opener, count: 129) + "1" + String(repeating: closer, count: 129)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func hostileNestingFailsWithoutExhaustingTheStack() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func parseErrorsCarryTheOffsetWhereParsingStopped() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONValue(parsing: "[1, 2] x") }
        #expect(error.offset == 7)
    }

    // MARK: - Writing

    @Test(arguments: [
        (JSONValue.string("say \"hi\""), #""say \"hi\"""#),
        (.string("a\\b"), #""a\\b""#),
        (.string("line\nbreak\r\ttab"), #""line\nbreak\r\ttab""#),
        (.string("\u{0}"), #""\u0000""#),
        (.string("\u{01}\u{08}\u{0C}\u{1F}"), #""\u0001\u0008\u000c\u001f""#),
        (.string("café 😀"), "\"café 😀\""),
        (.string("a/b"), #""a/b""#),
        (.string("x\u{2028}y\u{2029}z"), #""x\u2028y\u2029z""#),
        (JSONValue.object(["k\"ey": "v"]), #"{"k\"ey":"v"}"#),
    ])
    func writingEscapesQuotesBackslashesAndControlCharacters(value: JSONValue, expected: String) {
        #expect(value.jsonText == expected)
    }

    @Test func writingIsCompactAndKeepsMemberOrder() {
        let value: JSONValue = ["b": 1, "a": [true, nil, 2.5], "c": ["x": "y"]]
        #expect(value.jsonText == #"{"b":1,"a":[true,null,2.5],"c":{"x":"y"}}"#)
    }

    @Test func nonFiniteDoublesAreWrittenAsNull() {
        #expect(JSONValue.double(.infinity).jsonText == "null")
        #expect(JSONValue.double(.nan).jsonText == "null")
    }

    @Test(arguments: [
        JSONValue.null,
        true,
        false,
        0,
        -1,
        .int(Int.max),
        .int(Int.min),
        2.0,
        -0.0,
        0.1,
        1e300,
        .double(.leastNonzeroMagnitude),
        -123.456,
        1e16,
        "",
        "plain",
        "quote \" backslash \\ slash / nl \n cr \r tab \t nul \u{0} bell \u{07} us \u{1F} del \u{7F}",
        "unicode é 无线 😀 \u{2028}\u{2029}",
        [],
        [1, "two", 3.5, [nil, [true]]],
        .object(JSONObject()),
        ["z": 1, "a": ["nested": [1, 2, ["deep": nil]]], "m": ""],
        ["": "empty key", "é\n": "escaped key"],
    ])
    func parsingWhatWasWrittenGivesTheSameValue(value: JSONValue) throws {
        #expect(try JSONValue(parsing: value.jsonText) == value)
    }

    // MARK: - Accessors

    @Test func accessorsReadTheMatchingCase() {
        #expect(JSONValue.int(3).intValue == 3)
        #expect(JSONValue.double(3.0).intValue == 3)
        #expect(JSONValue.double(3.5).intValue == nil)
        #expect(JSONValue.int(3).doubleValue == 3.0)
        #expect(JSONValue.string("3").intValue == nil)
        #expect(JSONValue.string("x").stringValue == "x")
        #expect(JSONValue.int(1).stringValue == nil)
        #expect(JSONValue.array([1]).arrayValue == [1])
        #expect(JSONValue.string("x")["key"] == nil)
    }

    @Test func settingAnObjectMemberReplacesInPlaceOrAppendsOrRemoves() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 10
        object["c"] = 3
        object["b"] = nil
        #expect(object.members.map(\.key) == ["a", "c"])
        #expect(object["a"] == 10)
    }
}
