import Testing

@testable import Shared

@Suite struct ServerSentEventTests {
    @Test func eventsAreSplitOnBlankLinesWithTheirNames() {
        let body = "event: message_start\ndata: {\"a\":1}\n\n: a comment\ndata: [DONE]\n\n"
        #expect(
            ServerSentEvent.parse(Array(body.utf8)) == [
                ServerSentEvent(event: "message_start", data: #"{"a":1}"#), ServerSentEvent(event: nil, data: "[DONE]"),
            ])
    }

    @Test func crlfLinesAndMultiLineDataAreRead() {
        let body = "event: x\r\ndata: first\r\ndata:second\r\n\r\nid: 3\r\nretry: 10\r\n\r\n"
        #expect(ServerSentEvent.parse(Array(body.utf8)) == [ServerSentEvent(event: "x", data: "first\nsecond")])
    }

    @Test func aLineSeparatorInsideDataDoesNotEndTheLine() {
        let body = "data: {\"text\":\"one\u{2028}two\"}\n\n"
        #expect(
            ServerSentEvent.parse(Array(body.utf8)) == [
                ServerSentEvent(event: nil, data: "{\"text\":\"one\u{2028}two\"}")
            ])
    }

    @Test func aLastEventWithoutItsBlankLineIsKept() {
        #expect(ServerSentEvent.parse(Array("data: {\"cut".utf8)) == [ServerSentEvent(event: nil, data: "{\"cut")])
    }

    @Test func onlyEventStreamsAreStreams() {
        #expect(
            HTTPResponse(status: 200, headers: ["content-type": "text/event-stream; charset=utf-8"], body: [])
                .isEventStream)
        #expect(!HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: []).isEventStream)
        #expect(!HTTPResponse(status: 200, headers: [:], body: []).isEventStream)
    }
}
