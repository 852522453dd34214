import Foundation
import Shared
import Testing

extension StackTests {
    /// Errors nginx answers itself, before any handler runs, are JSON like the API's own.
    @Suite
    struct NginxErrorTests {
        struct Case: Sendable, CustomTestStringConvertible {
            var name: String
            var request: String
            var status: Int
            var testDescription: String { name }
        }

        static let longPath = "/" + String(repeating: "a", count: 9_000)
        static let cases: [Case] = [
            Case(name: "NUL in the path", request: "GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", status: 400),
            Case(name: "no request line", request: "garbage\r\n\r\n", status: 400),
            Case(name: "TRACE", request: "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", status: 405),
            Case(name: "URI too long", request: "GET \(longPath) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", status: 414),
            Case(name: "header too large (494)", request: "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(longPath)\r\n\r\n",
                 status: 400),
            Case(name: "HTTP/2.0 in plain text", request: "GET / HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n", status: 505),
            Case(name: "body over the limit",
                 request: "POST /api/generate HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n", status: 413),
            Case(name: "nginx's internal error page", request: "GET /_error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", status: 404),
        ]

        @Test(arguments: cases)
        func nginxErrorIsJSONWithADetail(_ bad: Case) throws {
            let port = try #require(TestStack.environment["DATAFORGE_HTTP_PORT"].flatMap { UInt16($0) })
            let answer = try RawHTTP.exchange(port: port, Array(bad.request.utf8))
            #expect(answer.status == bad.status)
            #expect(answer.headers["content-type"] == "application/json")
            let body = try JSONValue(parsing: answer.body)
            #expect(body["detail"]?.stringValue?.isEmpty == false, "\(String(decoding: answer.body, as: UTF8.self))")
        }
    }
}
