@testable import Handlers
import Shared
import Testing

@Suite struct RequestTests {
    private static func pairs(_ query: String) -> [String] {
        Request.parseQuery(query).map { "\($0.name)=\($0.value)" }
    }

    private static func request(query: String) -> Request {
        Request(method: "GET", path: "/", queryString: query, parameters: [:], body: [], requestID: "test")
    }

    @Test(arguments: [
        ("a=1&b=2", ["a=1", "b=2"]),
        ("", []),
        ("&&a=1&", ["a=1"]),
        ("flag", ["flag="]),
        ("a=", ["a="]),
        ("=v", ["=v"]),
        ("a=b=c", ["a=b=c"]),
    ])
    func queryIsSplitIntoPairsInOrder(query: String, expected: [String]) {
        #expect(Self.pairs(query) == expected)
    }

    @Test(arguments: [
        ("q=hello%20world", "hello world"),
        ("q=hello+world", "hello world"),
        ("q=a%2Bb", "a+b"),
        ("q=a%2bb", "a+b"),
        ("q=%26%3D%25", "&=%"),
        ("q=caf%C3%A9", "café"),
        ("q=%E6%97%A0%E7%BA%BF", "无线"),
    ])
    func valuesArePercentAndPlusDecoded(query: String, value: String) {
        #expect(Request.parseQuery(query).map(\.value) == [value])
    }

    @Test func namesAreDecodedToo() {
        #expect(Self.pairs("min%5Fquality+score=0.7") == ["min_quality score=0.7"])
    }

    @Test(arguments: [
        ("q=100%zz", "100%zz"),
        ("q=%", "%"),
        ("q=50%", "50%"),
        ("q=%4", "%4"),
        ("q=%g1", "%g1"),
        // The "%" stays; the "+" after it is still a space, as in form encoding.
        ("q=%+1", "% 1"),
        ("q=%-0", "%-0"),
        ("q=% 1", "% 1"),
    ])
    func malformedEscapesAreKeptAsTheyAre(query: String, value: String) {
        #expect(Request.parseQuery(query).map(\.value) == [value])
    }

    @Test func invalidUTF8IsRepairedNotDropped() {
        #expect(Request.parseQuery("q=a%FFb").map(\.value) == ["a\u{FFFD}b"])
    }

    @Test func repeatedNamesKeepEveryValueInOrder() {
        let request = Self.request(query: "augmentation_strategies=CDA&tone=calm&augmentation_strategies=ADA")
        #expect(request.queryValues("augmentation_strategies") == ["CDA", "ADA"])
        #expect(request.queryValues("tone") == ["calm"])
        #expect(request.queryValues("absent") == [])
    }

    @Test func queryFieldsTakeTheLastValueOfARepeatedName() {
        let fields = Self.request(query: "limit=5&status=pending&limit=7").queryFields
        #expect(fields["limit"] == "7")
        #expect(fields["status"] == "pending")
        #expect(fields.members.count == 2)
    }
}
