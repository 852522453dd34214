/// The shape a model name must have before it is stored or sent to a provider: 1 to 128 ASCII letters,
/// digits and `. _ - : / @ +`, starting with a letter or digit.
///
/// That covers the vendors' names (`gpt-4o-2024-08-06`, `claude-haiku-4-5`), Hugging Face paths
/// (`meta-llama/Llama-3.1-8B-Instruct`), Ollama tags (`llama3.1:8b`) and Vertex versions (`…@20240229`);
/// quotes, spaces, control characters and the like are never part of a model's name.
public enum ModelName {
    public static let maxLength = 128
    static let punctuation: Set<Unicode.Scalar> = [".", "_", "-", ":", "/", "@", "+"]

    /// The rule, as a client reads it in a 422.
    public static let rule = "1 to \(maxLength) letters, digits and . _ - : / @ +, starting with a letter or digit"

    /// Whether `name` follows the rule.
    public static func isWellFormed(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard let first = scalars.first, scalars.count <= maxLength, isAlphanumeric(first) else { return false }
        return scalars.allSatisfy { isAlphanumeric($0) || punctuation.contains($0) }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}
