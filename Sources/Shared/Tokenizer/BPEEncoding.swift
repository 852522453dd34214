/// One of OpenAI's byte-level BPE encodings: its rank file and its rules for splitting text into pieces.
public enum BPEEncoding: String, Sendable, CaseIterable {
    /// GPT-4 and GPT-3.5 models.
    case cl100kBase = "cl100k_base"
    /// GPT-4o, GPT-4.1, GPT-5 and the o-series models.
    case o200kBase = "o200k_base"

    /// The encoding's name as tiktoken spells it, e.g. `o200k_base`.
    public var name: String { rawValue }

    /// The rank file's name inside the tokenizer directory (what `scripts/install-deps.sh` writes).
    public var fileName: String { rawValue + ".tiktoken" }

    /// The encoding of an OpenAI model, or nil for models of other vendors (and unknown ones).
    ///
    /// Prefixes follow tiktoken's model table, fine-tuned `ft:` names included. The o200k families are
    /// tested first because `gpt-4o`, `gpt-4.1` and `gpt-4.5` also start with `gpt-4`.
    public static func forModel(_ model: String) -> BPEEncoding? {
        let name = model.hasPrefix("ft:") ? model.dropFirst(3) : Substring(model)
        let o200k = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "chatgpt-4o", "o1", "o3", "o4"]
        if o200k.contains(where: { name.hasPrefix($0) }) { return .o200kBase }
        if name.hasPrefix("gpt-4") || name.hasPrefix("gpt-3.5") { return .cl100kBase }
        return nil
    }
}
