/// The limits of one provider+model, per minute; nil is unlimited (or not known yet).
public struct RateLimits: Sendable, Equatable {
    public var requestsPerMinute: Int?
    /// Input and output together, as OpenAI counts them.
    public var tokensPerMinute: Int?
    /// Separately, as Anthropic counts them.
    public var inputTokensPerMinute: Int?
    public var outputTokensPerMinute: Int?
    public var maxInFlight: Int?

    public init(
        requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil, inputTokensPerMinute: Int? = nil,
        outputTokensPerMinute: Int? = nil, maxInFlight: Int? = nil
    ) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
        self.inputTokensPerMinute = inputTokensPerMinute
        self.outputTokensPerMinute = outputTokensPerMinute
        self.maxInFlight = maxInFlight
    }

    public var isEmpty: Bool { self == RateLimits() }

    /// The limits a provider reported in its headers, where it reported any.
    public init(learnedFrom snapshot: RateLimitSnapshot) {
        self.init(
            requestsPerMinute: snapshot.requestsLimit, tokensPerMinute: snapshot.tokensLimit,
            inputTokensPerMinute: snapshot.inputTokensLimit, outputTokensPerMinute: snapshot.outputTokensLimit)
    }

    /// These limits, with `other`'s wherever these have none.
    public func filling(from other: RateLimits) -> RateLimits {
        RateLimits(
            requestsPerMinute: requestsPerMinute ?? other.requestsPerMinute,
            tokensPerMinute: tokensPerMinute ?? other.tokensPerMinute,
            inputTokensPerMinute: inputTokensPerMinute ?? other.inputTokensPerMinute,
            outputTokensPerMinute: outputTokensPerMinute ?? other.outputTokensPerMinute,
            maxInFlight: maxInFlight ?? other.maxInFlight)
    }
}

/// Configured limits by provider and model: `DATAFORGE_RPM` / `DATAFORGE_TPM` / `DATAFORGE_MAX_IN_FLIGHT`
/// for the default provider and model, and `DATAFORGE_RATE_LIMITS` for any other, e.g.
/// `openai/gpt-4o-mini=rpm:500,tpm:200000;anthropic/claude-haiku-4-5=rpm:50,input_tpm:50000,output_tpm:10000`.
public struct RateLimitTable: Sendable, Equatable {
    public struct Target: Hashable, Sendable {
        public var provider: String
        public var model: String
    }

    public var entries: [Target: RateLimits]

    public init(entries: [Target: RateLimits] = [:]) {
        self.entries = entries
    }

    public func limits(provider: String, model: String) -> RateLimits {
        entries[Target(provider: provider, model: model)] ?? RateLimits()
    }

    /// Parses the `DATAFORGE_RATE_LIMITS` syntax; the error says which part is wrong.
    public static func parse(_ text: String) -> Result<RateLimitTable, RateLimitSyntaxError> {
        var table = RateLimitTable()
        for entry in text.split(separator: ";") where !entry.allSatisfy(\.isWhitespace) {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let target = parts[0].split(separator: "/", maxSplits: 1).map(\.trimmingSpaces)
            guard parts.count == 2, target.count == 2, !target[0].isEmpty, !target[1].isEmpty,
                !parts[1].allSatisfy(\.isWhitespace)
            else {
                return .failure(RateLimitSyntaxError(message: "expected provider/model=limits in '\(entry)'"))
            }
            var limits = RateLimits()
            for setting in parts[1].split(separator: ",") {
                let pair = setting.split(separator: ":", maxSplits: 1)
                guard pair.count == 2, let value = Int(pair[1].trimmingSpaces), value > 0 else {
                    return .failure(RateLimitSyntaxError(message: "expected name:positive-number in '\(setting)'"))
                }
                switch pair[0].trimmingSpaces {
                case "rpm": limits.requestsPerMinute = value
                case "tpm": limits.tokensPerMinute = value
                case "input_tpm": limits.inputTokensPerMinute = value
                case "output_tpm": limits.outputTokensPerMinute = value
                case "in_flight": limits.maxInFlight = value
                default:
                    return .failure(RateLimitSyntaxError(
                        message: "unknown limit '\(pair[0])' (rpm, tpm, input_tpm, output_tpm, in_flight)"))
                }
            }
            table.entries[Target(provider: target[0], model: target[1])] = limits
        }
        return .success(table)
    }
}

public struct RateLimitSyntaxError: Error, Sendable, Equatable {
    public var message: String
}
