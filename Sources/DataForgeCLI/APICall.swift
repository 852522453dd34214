import Shared
import ArgumentParser

/// JSON requests to a running service, for the commands that work over HTTP.
struct APICall {
    let baseURL: String
    let client = HTTPClient()

    /// Sends `body` (if any) as JSON and returns the JSON answer; any status outside `accepted` is an error.
    func json(
        _ method: String, _ path: String, body: JSONValue? = nil, accepted: Set<Int> = [200], timeoutSeconds: Double = 30
    ) throws -> JSONValue {
        let response = try client.send(
            method: method, url: baseURL + path, headers: [("Content-Type", "application/json")],
            body: body.map { Array($0.jsonText.utf8) }, timeoutSeconds: timeoutSeconds)
        let value = try JSONValue(parsing: response.body)
        guard accepted.contains(response.status) else { throw ValidationError("HTTP \(response.status): \(value.jsonText)") }
        return value
    }
}
