/// A byte-level BPE tokenizer for one of OpenAI's encodings, giving the token ids tiktoken gives
/// (special tokens aside: their text is encoded as ordinary text).
///
/// Loading reads the encoding's rank file (see `scripts/install-deps.sh`); after that the tokenizer is
/// immutable, so one instance serves every thread of a process.
public final class BPETokenizer: Sendable {
    public let encoding: BPEEncoding
    let ranks: RankTable

    init(encoding: BPEEncoding, ranks: RankTable) {
        self.encoding = encoding
        self.ranks = ranks
    }

    /// Loads `<directory>/<encoding>.tiktoken`, e.g. `o200k_base.tiktoken`.
    public static func load(encoding: BPEEncoding, directory: String) throws(RankFileError) -> BPETokenizer {
        BPETokenizer(encoding: encoding, ranks: try RankTable.load(path: directory + "/" + encoding.fileName))
    }

    /// The token ids of `text`.
    public func encode(_ text: String) -> [Int] {
        var tokens: [Int] = []
        tokens.reserveCapacity(text.utf8.count / 4)
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// How many tokens `text` makes, without keeping them.
    public func count(_ text: String) -> Int {
        var count = 0
        forEachToken(in: text) { _ in count += 1 }
        return count
    }

    private func forEachToken(in text: String, _ body: (Int) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            let scanner = PieceScanner(utf8: utf8, encoding: encoding)
            var parts: [MergePart] = []
            scanner.forEachPiece { piece in
                ranks.forEachToken(in: UnsafeBufferPointer(rebasing: utf8[piece]), parts: &parts, body)
            }
        }
    }
}
