/// An HTTP request to send; the transport (`HTTPClient`, `HTTPMulti`) adds nothing but framing.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    /// Sent in order; names as the vendor documents them.
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// The whole exchange, connection included.
    public var timeoutSeconds: Double
    public var connectTimeoutSeconds: Double

    public init(
        method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8] = [], timeoutSeconds: Double = 120,
        connectTimeoutSeconds: Double = 10
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
    }
}

public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP response, fully read.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names in lower case; the last value of a repeated header wins.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A failed transfer (no HTTP response): connection refused or reset, timeout, TLS failure.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var isTimeout: Bool

    public init(message: String, isTimeout: Bool) {
        self.message = message
        self.isTimeout = isTimeout
    }

    public var description: String { message }
}
