/// The key a client sends: `dfk_<id>_<secret>`. The id is public (it names the key in lists and audit rows);
/// only the sha256 of the secret is stored.
public struct APIKeyToken: Sendable, Equatable {
    public static let prefix = "dfk_"
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
    static let idLength = 12
    static let secretLength = 40

    public var id: String
    public var secret: String

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// A fresh random key (about 206 bits of secret).
    public static func generate() -> APIKeyToken {
        var generator = SystemRandomNumberGenerator()
        func random(_ count: Int) -> String {
            String(decoding: (0..<count).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
        }
        return APIKeyToken(id: random(idLength), secret: random(secretLength))
    }

    /// Parses a client's key; nil when it is not shaped like one (answered as an unknown key).
    public init?(text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let parts = text.dropFirst(Self.prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].utf8.count <= 32,
            parts[1].utf8.count <= 128, parts.allSatisfy({ $0.utf8.allSatisfy(Self.alphabet.contains) })
        else { return nil }
        self.init(id: String(parts[0]), secret: String(parts[1]))
    }

    public var text: String { Self.prefix + id + "_" + secret }

    /// What the database stores and looks the key up by.
    public var secretHash: String { SHA256.hex(of: Array(secret.utf8)) }
}
