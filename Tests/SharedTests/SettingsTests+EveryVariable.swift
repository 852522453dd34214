import Foundation
import Shared
import Testing

extension SettingsTests {
    /// A malformed value of every variable `Settings` reads.
    static let malformedValues: [(variable: String, value: String)] = [
        ("DATAFORGE_DATABASE_URL", "dbname=x\nhost=y"),
        ("DATAFORGE_API_DATABASE_URL", "dbname=x\u{1}"),
        ("DATAFORGE_CONSUMER_DATABASE_URL", "dbname=x\ruser=y"),
        ("DATAFORGE_MAX_SAMPLES_PER_REQUEST", "many"),
        ("DATAFORGE_MAX_BODY_BYTES", "1e6"),
        ("DATAFORGE_HOME", "/srv/dataforge\n"),
        ("DATAFORGE_TOKENIZER_DIR", "/opt/\u{1}ranks"),
        ("DATAFORGE_FCGI_SOCKET", "relative.sock"),
        ("DATAFORGE_FCGI_WORKERS", "two"),
        ("DATAFORGE_FCGI_THREADS", "0"),
        ("DATAFORGE_PROVIDER", "openia"),
        ("DATAFORGE_MODEL", "'; DROP TABLE jobs; --"),
        ("DATAFORGE_COMPAT_MODEL", "llama 3"),
        ("DATAFORGE_OFFLINE_LATENCY_MS", "-1"),
        ("DATAFORGE_LEASE_SECONDS", "30s"),
        ("DATAFORGE_MAINTENANCE_INTERVAL_SECONDS", "0"),
        ("DATAFORGE_CONSUMER_SLOTS", "x"),
        ("DATAFORGE_CONSUMER_QUEUES", "generation,,maintenance"),
        ("DATAFORGE_MAX_ATTEMPTS", "0"),
        ("DATAFORGE_CONSUMER_MAX_IN_FLIGHT", "0"),
        ("DATAFORGE_JOB_MAX_IN_FLIGHT", "lots"),
        ("DATAFORGE_RESPONSE_CACHE", "sometimes"),
        ("DATAFORGE_PII", "mask"),
        ("DATAFORGE_QUALITY_WEIGHTS", "grammar=-1"),
        ("DATAFORGE_SAMPLES_PER_CALL", "0"),
        ("DATAFORGE_COHERENCE_JUDGE", "always"),
        ("DATAFORGE_RATE_LIMITS", "="),
        ("DATAFORGE_RATE_UTILISATION_PERCENT", "101"),
        ("DATAFORGE_LOG_LEVEL", "loud"),
        ("OPENAI_BASE_URL", "api.openai.com/v1"),
        ("OPENAI_API_KEY", "sk-abc def"),
        ("ANTHROPIC_BASE_URL", "ftp://api.anthropic.com"),
        ("ANTHROPIC_API_KEY", "sk-ant\r\nX-Injected: 1"),
        ("DATAFORGE_COMPAT_BASE_URL", "http://"),
        ("DATAFORGE_COMPAT_API_KEY", "ключ"),
        ("DATAFORGE_COMPAT_QUIRKS", "no-seed,turbo"),
        ("DATAFORGE_OPENAI_QUIRKS", "fast"),
        ("DATAFORGE_PROVIDER_TIMEOUT_SECONDS", "0"),
        ("DATAFORGE_CA_FILE", "/nonexistent/ca.pem"),
        ("DATAFORGE_CONNECT_TIMEOUT_SECONDS", "601"),
        ("DATAFORGE_PRICES", "gpt-4o"),
        ("DATAFORGE_ALLOW_UNPRICED_MODELS", "maybe"),
        ("DATAFORGE_AUTH", "yes"),
        ("DATAFORGE_RPM", "0"),
        ("DATAFORGE_TPM", "x"),
        ("DATAFORGE_MAX_IN_FLIGHT", "-5"),
        ("DATAFORGE_MAX_RESPONSE_BYTES", "16M"),
        ("DATAFORGE_CONSUMER_STATEMENT_TIMEOUT_SECONDS", "0"),
        ("DATAFORGE_HISTORY_MONTHS_AHEAD", "25"),
        ("DATAFORGE_RETENTION_EVENTS_DAYS", "a week"),
        ("DATAFORGE_RETENTION_LLM_CALLS_DAYS", "0"),
        ("DATAFORGE_RETENTION_RESPONSE_CACHE_DAYS", "-30"),
        ("DATAFORGE_RETENTION_CONSUMERS_HOURS", "1.5"),
        ("DATAFORGE_RETENTION_DEDUP_JOB_HOURS", "1d"),
    ]

    @Test(arguments: malformedValues)
    func aMalformedValueOfAnyVariableIsAConfigErrorNamingIt(variable: String, value: String) throws {
        let error = try #require(throws: ConfigError.self) { try Settings(environment: [variable: value]) }
        #expect(error.variable == variable)
        #expect(error.description.hasPrefix(variable + ": expected"))
        if variable.hasSuffix("_API_KEY") { #expect(!error.description.contains(value), "a secret is never shown") }
    }

    @Test func theTableHoldsEveryVariableSettingsReads() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Shared/Config")
        var read: Set<String> = []
        for file in ["Settings.swift", "EnvironmentReader.swift"] {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in source.matches(of: /"((?:DATAFORGE|OPENAI|ANTHROPIC)_[A-Z_]+)"/) { read.insert(String(match.1)) }
        }
        #expect(read.count > 30)
        #expect(read.subtracting(Self.malformedValues.map(\.variable)).isEmpty)
    }

    @Test(arguments: ["dataforge-consumer", "dataforge-fcgi", "dataforge"])
    func aBuiltBinaryWithAMalformedSettingExits78NamingTheVariable(binary: String) throws {
        // The test bundle sits beside the binaries `swift build --build-tests` made.
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let process = Process()
        process.executableURL = folder.appendingPathComponent(binary)
        process.arguments = binary == "dataforge" ? ["migrate"] : []
        process.environment = ["DATAFORGE_RATE_LIMITS": "=", "PATH": "/usr/bin:/bin"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 78)
        #expect(output.contains("DATAFORGE_RATE_LIMITS: expected provider/model=limits"), "\(output)")
    }
}
