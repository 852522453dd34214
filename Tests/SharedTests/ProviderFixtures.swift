@testable import Shared

/// Requests and answers shared by the provider suites.
enum ProviderFixtures {
    static let reviewSchema = ResponseSchema(
        name: "review",
        schema: [
            "type": "object", "properties": ["text": ["type": "string"]], "required": ["text"],
            "additionalProperties": false,
        ])

    static func request(
        model: String = "gpt-4o-mini", temperature: Double = 0.7, choices: Int = 1, seed: Int? = nil,
        schema: ResponseSchema? = nil,
        messages: [ChatMessage] = [
            ChatMessage(role: "system", content: "You write reviews."),
            ChatMessage(role: "user", content: "Write one."),
        ]
    ) -> CompletionRequest {
        CompletionRequest(
            model: model, messages: messages, temperature: temperature, maxOutputTokens: 300, choices: choices,
            seed: seed, responseSchema: schema)
    }

    static func response(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }

    static func eventStream(_ events: [String]) -> HTTPResponse {
        response(200, events.joined(separator: "\n\n") + "\n\n", headers: ["content-type": "text/event-stream"])
    }
}

extension ProviderCall {
    var httpRequest: HTTPRequest? {
        if case .http(let request) = self { return request }
        return nil
    }

    var localResult: Result<Completion, ProviderError>? {
        if case .local(let result, _) = self { return result }
        return nil
    }
}

extension HTTPRequest {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
