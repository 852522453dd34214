/// The one classification of failed provider calls that every HTTP provider uses, so the same answer means the
/// same thing whichever vendor sent it.
///
/// Messages are written for a user: the vendor's own explanation where it helps, with anything that looks like a
/// key removed and the length capped, never a stack trace or a raw body.
public enum ProviderErrors {
    /// The longest vendor explanation quoted in a message.
    static let maximumVendorMessage = 300

    /// A 2xx answer whose body is not what the vendor documents: malformed, truncated, or without choices.
    public static let malformedResponse = ProviderError(
        .retryable(retryAfter: nil), httpStatus: 200, message: "The provider sent a malformed response")

    /// Classifies an answer that is not a success; nil for a 2xx.
    ///
    /// - Parameter model: The model asked for, named when the vendor does not know it.
    public static func classify(status: Int, headers: [String: String], body: [UInt8], model: String)
        -> ProviderError?
    {
        guard !(200..<300).contains(status) else { return nil }
        let vendor = VendorError(body: body)
        let retryAfter = RateLimitHeaders.retryAfterSeconds(headers)
        func error(_ kind: ProviderError.Kind, _ text: String, quoting: Bool = true) -> ProviderError {
            let quote = quoting ? vendor.message.map { ": \($0)" } ?? "" : ""
            return ProviderError(kind, httpStatus: status, message: "\(text) (HTTP \(status))\(quote)")
        }
        switch status {
        case 429 where vendor.code == "insufficient_quota":
            return error(.fatal, "The provider account has no quota left")
        case 429:
            return error(.rateLimited(retryAfter: retryAfter), "The provider's rate limit was reached")
        case 529:
            return error(.rateLimited(retryAfter: retryAfter), "The provider is overloaded")
        case 408, 409, 425, 500...599:
            return error(.retryable(retryAfter: retryAfter), "The provider failed to answer")
        case 401, 403:
            return error(.fatal, "The provider rejected the API key", quoting: false)
        case 404 where vendor.isAboutTheModel:
            return error(.fatal, "The provider does not know the model '\(sanitised(model))'", quoting: false)
        case 404:
            return error(.fatal, "The provider has no such endpoint; check the base URL")
        case 400...499:
            return error(.fatal, "The provider rejected the request")
        default:
            return error(.fatal, "The provider sent an unexpected answer; check the base URL", quoting: false)
        }
    }

    /// Classifies an error event inside a stream (HTTP 200), given the status the vendor uses for that error
    /// outside a stream.
    public static func streamed(_ data: String, status: Int, model: String) -> ProviderError {
        classify(status: status, headers: [:], body: Array(data.utf8), model: model) ?? malformedResponse
    }

    /// Classifies a transfer that got no HTTP answer: always worth retrying.
    public static func transport(_ error: HTTPTransportError, timeoutSeconds: Double) -> ProviderError {
        let message =
            error.isTimeout
            ? "The provider did not answer within \(seconds(timeoutSeconds)) s"
            : "Could not reach the provider: \(sanitised(error.message))"
        return ProviderError(.retryable(retryAfter: nil), message: message)
    }

    /// Text from outside (a vendor's message, a library's error) made fit for a user: white space collapsed,
    /// anything that looks like a key replaced by `[redacted]`, at most `maximumVendorMessage` characters.
    public static func sanitised(_ text: String) -> String {
        var clean = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        clean = clean.replacing(#/(?i)bearer\s+\S+/#, with: "Bearer [redacted]")
        clean = clean.replacing(#/\bsk-[A-Za-z0-9_\-*.]+/#, with: "[redacted]")
        // Long runs of letters and digits are keys or tokens of some other kind (OpenAI project keys, Anthropic's
        // `sk-ant-…`, provider-specific secrets); words and ids without digits are left alone.
        clean = clean.replacing(#/[A-Za-z0-9_\-]{32,}/#) { match in
            match.output.contains(where: \.isNumber) ? "[redacted]" : match.output
        }
        guard clean.count > maximumVendorMessage else { return clean }
        return String(clean.prefix(maximumVendorMessage)) + "…"
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// What a vendor's error body says, in the shapes vendors use: OpenAI's `{"error":{"message","code"}}`,
/// Anthropic's `{"type":"error","error":{"type","message"}}`, and the compatible servers' `{"message"}`,
/// `{"error":"…"}` or `{"detail":"…"}`.
private struct VendorError {
    /// Sanitised; nil when the body explains nothing (empty, HTML, unknown JSON).
    var message: String?
    var code: String?

    init(body: [UInt8]) {
        let json = try? JSONValue(parsing: body)
        let error = json?["error"]
        let text =
            error?["message"]?.stringValue ?? error?.stringValue ?? json?["message"]?.stringValue
            ?? json?["detail"]?.stringValue
        code = error?["code"]?.stringValue ?? error?["type"]?.stringValue
        if let text, !text.isEmpty {
            message = ProviderErrors.sanitised(text)
        } else if json == nil, let plain = String(validating: body, as: UTF8.self), !plain.isEmpty,
            !plain.trimmingSpaces.hasPrefix("<")
        {
            message = ProviderErrors.sanitised(plain)
        }
    }

    /// Whether a 404 is about the model rather than the URL.
    var isAboutTheModel: Bool {
        code == "model_not_found" || message?.lowercased().contains("model") == true
    }
}
