#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A provider that writes seeded, deterministic prose locally, so the stack runs end to end without a network.
///
/// The text comes only from the request's `SampleSpec`, never from the prompt: the same spec always yields the
/// same text. Token counts are rough estimates (about four characters a token) so budgets still move.
public struct OfflineProvider: Provider {
    public let name = "offline"
    let model: String
    let latency: Duration

    /// - Parameters:
    ///   - model: The model name reported in every completion.
    ///   - latency: A simulated delay per call, slept on the calling thread, for demos and tests.
    public init(model: String = "offline-v1", latency: Duration = .zero) {
        self.model = model
        self.latency = latency
    }

    public func complete(_ request: CompletionRequest) throws(ProviderError) -> Completion {
        pause()
        let text = OfflineProse.text(for: request.sample)
        let prompt = request.messages.map(\.content).joined(separator: "\n")
        return Completion(
            text: text,
            inputTokens: Self.estimatedTokens(prompt),
            outputTokens: Self.estimatedTokens(text),
            model: model)
    }

    /// About four characters a token, and never less than one.
    static func estimatedTokens(_ text: String) -> Int {
        max(1, (text.count + 3) / 4)
    }

    private func pause() {
        guard latency > .zero else { return }
        let (seconds, attoseconds) = latency.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        // A signal can cut the sleep short; keep sleeping for what is left.
        while nanosleep(&request, &remaining) == -1, errno == EINTR {
            request = remaining
        }
    }
}
