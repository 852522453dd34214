#if canImport(Glibc)
import Glibc
#endif

/// Reads one kind of setting each from the environment, turning every malformed value into a `ConfigError`
/// that names the variable and what it accepts: a setting never traps and is never half-read.
///
/// An empty value counts as unset. Values are shown in messages, except secrets.
struct EnvironmentReader {
    let environment: [String: String]

    // MARK: - Text

    /// Any text without control characters (a newline in a path or connection string is always a mistake).
    func optionalString(_ name: String) throws(ConfigError) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ConfigError(variable: name, message: "expected text without control characters, got \(quoted(value))")
        }
        return value
    }

    /// `optionalString`, or `fallback` when unset.
    func string(_ name: String, default fallback: String) throws(ConfigError) -> String {
        try optionalString(name) ?? fallback
    }

    /// A unix socket path: absolute, and short enough for `sockaddr_un` (107 bytes).
    func socketPath(_ name: String) throws(ConfigError) -> String? {
        guard let path = try optionalString(name) else { return nil }
        guard path.hasPrefix("/"), path.utf8.count <= 107 else {
            throw ConfigError(variable: name, message: "expected an absolute path of at most 107 bytes, got \(quoted(path))")
        }
        return path
    }

    /// The path of a file this process can read.
    func readableFile(_ name: String) throws(ConfigError) -> String? {
        guard let path = try optionalString(name) else { return nil }
        guard access(path, R_OK) == 0 else {
            throw ConfigError(variable: name, message: "expected a readable file, got \(quoted(path))")
        }
        return path
    }

    /// An `http://` or `https://` URL with a host.
    func url(_ name: String) throws(ConfigError) -> String? {
        guard let text = try optionalString(name) else { return nil }
        let scheme = ["http://", "https://"].first { text.lowercased().hasPrefix($0) }
        let rest = scheme.map { text.dropFirst($0.count) } ?? ""
        guard scheme != nil, let host = rest.split(separator: "/").first, !host.isEmpty,
            !text.contains(where: \.isWhitespace)
        else {
            throw ConfigError(variable: name, message: "expected an http:// or https:// URL with a host, got \(quoted(text))")
        }
        return text
    }

    /// A key sent in a request header: printable ASCII without spaces. Never shown.
    func secret(_ name: String) throws(ConfigError) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw ConfigError(
                variable: name, message: "expected printable ASCII without spaces (it is sent in a header); not shown")
        }
        return text
    }

    /// A model name as `ModelName` accepts it.
    func modelName(_ name: String) throws(ConfigError) -> String? {
        guard let text = try optionalString(name) else { return nil }
        guard ModelName.isWellFormed(text) else {
            throw ConfigError(variable: name, message: "expected \(ModelName.rule), got \(quoted(text))")
        }
        return text
    }

    /// A comma-separated list of one or more names of letters, digits, `_` and `-`.
    func names(_ name: String, default fallback: [String]) throws(ConfigError) -> [String] {
        guard let text = try optionalString(name) else { return fallback }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        let isName = { (name: String) in
            !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic
                || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        }
        guard names.allSatisfy(isName) else {
            throw ConfigError(
                variable: name, message: "expected names of letters, digits, _ and -, separated by commas, got \(quoted(text))")
        }
        return names
    }

    // MARK: - Numbers and choices

    /// A whole number within `range`.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let text = try optionalString(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigError(
                variable: name,
                message: "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(quoted(text))")
        }
        return value
    }

    /// A whole number within `range`, or nil when unset.
    func optionalInt(_ name: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard try optionalString(name) != nil else { return nil }
        return try int(name, default: 0, in: range)
    }

    /// `true`/`false`, `1`/`0`, `yes`/`no` or `on`/`off`, in any case.
    func bool(_ name: String, default fallback: Bool) throws(ConfigError) -> Bool {
        guard let text = try optionalString(name) else { return fallback }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigError(variable: name, message: "expected true or false (1/0, yes/no, on/off), got \(quoted(text))")
        }
    }

    /// One of `choices`, in any case (answered in lower case).
    func choice(_ name: String, default fallback: String, among choices: [String]) throws(ConfigError) -> String {
        let value = try string(name, default: fallback).lowercased()
        guard choices.contains(value) else {
            throw ConfigError(
                variable: name, message: "expected one of \(choices.joined(separator: ", ")), got \(quoted(value))")
        }
        return value
    }

    /// A value in a syntax of its own; `parse` answers nil for text it rejects.
    func parsed<Value>(
        _ name: String, default fallback: Value, expected: String, _ parse: (String) -> Value?
    ) throws(ConfigError) -> Value {
        guard let text = try optionalString(name) else { return fallback }
        guard let value = parse(text) else {
            throw ConfigError(variable: name, message: "expected \(expected), got \(quoted(text))")
        }
        return value
    }

    /// `DATAFORGE_RATE_LIMITS`; the default provider+model's own variables are applied by `Settings`.
    func rateLimits() throws(ConfigError) -> RateLimitTable {
        switch RateLimitTable.parse(try string("DATAFORGE_RATE_LIMITS", default: "")) {
        case .success(let table): return table
        case .failure(let error): throw ConfigError(variable: "DATAFORGE_RATE_LIMITS", message: error.message)
        }
    }

    /// The value as a message shows it: quoted, control characters escaped.
    private func quoted(_ text: String) -> String {
        "'" + text.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }
            .joined() + "'"
    }
}
