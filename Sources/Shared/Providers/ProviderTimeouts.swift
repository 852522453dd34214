/// How long one provider call may take: the whole exchange, and the connection alone.
public struct ProviderTimeouts: Sendable, Equatable {
    public var requestSeconds: Double
    public var connectSeconds: Double

    public init(requestSeconds: Double = 120, connectSeconds: Double = 10) {
        self.requestSeconds = requestSeconds
        self.connectSeconds = connectSeconds
    }
}

extension HTTPRequest {
    /// A POST of a JSON body, as every vendor API takes it.
    init(postingJSON body: JSONValue, to url: String, headers: [HTTPHeader], timeouts: ProviderTimeouts) {
        self.init(
            method: "POST", url: url, headers: [HTTPHeader("Content-Type", "application/json")] + headers,
            body: body.jsonBytes, timeoutSeconds: timeouts.requestSeconds,
            connectTimeoutSeconds: timeouts.connectSeconds)
    }
}
