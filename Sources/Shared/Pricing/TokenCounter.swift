import Synchronization

/// Counts the tokens of a text or a chat prompt for a model: exactly, with the model's BPE encoding when
/// its rank file is installed, else with `TokenEstimator`'s bytes approximation.
///
/// Cheap to make, since it keeps only the directory: tokenizers load on first use and stay for the life
/// of the process, shared by every counter and thread. A pre-forked handler therefore reads each rank
/// file at most once (20–50 ms in release), on its first estimate for a model of that encoding.
public struct TokenCounter: Sendable {
    /// The rank files' folder (`Settings.tokenizerDirectory`); nil counts approximately.
    public let directory: String?

    public init(directory: String?) {
        self.directory = directory
    }

    public init(settings: Settings) {
        self.init(directory: settings.tokenizerDirectory)
    }

    /// The tokenizer of the model's encoding, or nil when the model has none known or its rank file is
    /// missing or invalid.
    public func tokenizer(for model: String) -> BPETokenizer? {
        BPEEncoding.forModel(model).flatMap(tokenizer(encoding:))
    }

    /// The encoding's tokenizer, loaded on the process's first call; nil when its rank file is missing or
    /// invalid.
    public func tokenizer(encoding: BPEEncoding) -> BPETokenizer? {
        guard let directory else { return nil }
        return Self.loaded.withLock { loaded in
            let key = directory + "/" + encoding.fileName
            if let tokenizer = loaded[key] { return tokenizer }
            // A failure is kept too, so a broken file is not parsed again on every request; a file
            // installed after the process started is seen after a restart.
            let tokenizer = try? BPETokenizer.load(encoding: encoding, directory: directory)
            loaded[key] = .some(tokenizer)
            return tokenizer
        }
    }

    /// The tokens of `text` alone, without chat framing.
    public func count(_ text: String, model: String) -> TokenCount {
        guard let tokenizer = tokenizer(for: model) else {
            return TokenCount(tokens: TokenEstimator.estimate(text), encoding: nil)
        }
        return TokenCount(tokens: tokenizer.count(text), encoding: tokenizer.encoding)
    }

    /// The input tokens of a chat prompt as OpenAI bills it: each message's role and content plus 3
    /// tokens of framing, and 3 that prime the reply (the count in OpenAI's cookbook, exact for the
    /// GPT-4 and GPT-4o families).
    public func count(messages: [ChatMessage], model: String) -> TokenCount {
        guard let tokenizer = tokenizer(for: model) else {
            return TokenCount(tokens: TokenEstimator.estimate(messages), encoding: nil)
        }
        let tokens = messages.reduce(3) { $0 + 3 + tokenizer.count($1.role) + tokenizer.count($1.content) }
        return TokenCount(tokens: tokens, encoding: tokenizer.encoding)
    }

    /// The tokenizers this process has loaded, by rank file; nil records a file that failed to load.
    private static let loaded = Mutex<[String: BPETokenizer?]>([:])
}

/// A number of tokens and how it was counted.
public struct TokenCount: Sendable, Equatable {
    public var tokens: Int
    /// The encoding that counted, or nil for the bytes approximation.
    public var encoding: BPEEncoding?

    public init(tokens: Int, encoding: BPEEncoding?) {
        self.tokens = tokens
        self.encoding = encoding
    }

    public var isExact: Bool { encoding != nil }

    /// `bpe:o200k_base`, `bpe:cl100k_base` or `approximate`, as estimates report it.
    public var method: String { encoding.map { "bpe:" + $0.name } ?? "approximate" }
}
