/// One event of a `text/event-stream` body, as both vendors stream their answers.
struct ServerSentEvent: Equatable {
    /// The `event:` field; nil when the event has none (OpenAI's chunks).
    var event: String?
    /// The `data:` lines joined by line feeds.
    var data: String

    /// The events of a whole stream body. A last event without its closing blank line (a cut stream) is still
    /// returned: the vendors' end markers (`[DONE]`, `message_stop`) tell whether the stream was complete.
    static func parse(_ body: [UInt8]) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        var event: String?
        var data: [String] = []
        func dispatch() {
            if !data.isEmpty { events.append(ServerSentEvent(event: event, data: data.joined(separator: "\n"))) }
            event = nil
            data = []
        }
        // Split on bytes: in a String, `\r\n` is one Character, and JSON may hold a raw U+2028, also a newline.
        for bytes in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = String(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes, as: UTF8.self)
            if line.isEmpty {
                dispatch()
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { continue }  // a comment
            var value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
            switch line[..<colon] {
            case "event": event = String(value)
            case "data": data.append(String(value))
            default: break
            }
        }
        dispatch()
        return events
    }
}

extension HTTPResponse {
    /// Whether the body is a stream of server-sent events rather than one JSON document.
    var isEventStream: Bool {
        headers["content-type"]?.lowercased().hasPrefix("text/event-stream") == true
    }
}
