#if canImport(Glibc)
import Glibc
#endif

/// Everything a DataForge process reads from its environment (`DATAFORGE_*` and the providers' variables).
///
/// Every number has bounds; a value outside them is a `ConfigError` naming the variable, so a typo stops
/// the process at start with a message instead of misbehaving later.
public struct Settings: Sendable {
    /// The owner's connection: migrations and the command line.
    public var databaseURL: String
    /// The FastCGI handlers' connection (`DATAFORGE_API_DATABASE_URL`, else `databaseURL`), as a role that may
    /// read and write rows but not change the schema or the audit trail.
    public var apiDatabaseURL: String
    /// The queue consumers' connection (`DATAFORGE_CONSUMER_DATABASE_URL`, else `databaseURL`), likewise.
    public var consumerDatabaseURL: String
    public var maxSamplesPerRequest: Int
    public var maxBodyBytes: Int
    /// The BPE rank files' folder (`DATAFORGE_TOKENIZER_DIR`, else `$DATAFORGE_HOME/tokenizers`, where
    /// `scripts/install-deps.sh` puts them); nil when neither is set, and token estimates are approximate.
    public var tokenizerDirectory: String?
    public var fcgiSocket: String?
    public var fcgiWorkers: Int
    public var fcgiThreads: Int
    /// `offline`, `openai`, `anthropic` or `openai-compatible`: the provider of jobs that name none.
    public var provider: String
    /// The default provider's model; when unset, that provider's usual one (`defaultModel(forProvider:)`).
    public var model: String
    public var offlineLatencyMilliseconds: Int
    public var leaseSeconds: Int
    public var maintenanceIntervalSeconds: Int
    /// Retention and partitioning of the maintenance tasks (`MaintenanceSettings`, at the end of this file).
    public var maintenance: MaintenanceSettings
    public var consumerSlots: Int
    public var consumerQueues: [String]
    public var maxAttempts: Int
    /// Provider calls one consumer keeps in flight at most, over all its jobs.
    public var consumerMaxInFlight: Int
    /// Provider calls one job has in flight at most, so one large job does not starve the others.
    public var jobMaxInFlight: Int
    /// `auto`: deterministic calls (temperature 0 or a seed) are answered from the response cache; `off`.
    public var responseCache: String
    /// What the quality pipeline does with personal data in a sample (`DATAFORGE_PII`, default `redact`).
    public var piiPolicy: PIIPolicy
    /// How much each quality component counts in a sample's overall score (`DATAFORGE_QUALITY_WEIGHTS`, all 1).
    public var qualityWeights: QualityWeights
    /// Samples asked for in one generation call, as a JSON array (`DATAFORGE_SAMPLES_PER_CALL`, 5; 1 asks for one
    /// plain text per call).
    public var samplesPerCall: Int
    /// When an LLM judges coherence instead of the local heuristic (`DATAFORGE_COHERENCE_JUDGE`).
    public var coherenceJudge: CoherenceJudgeMode
    /// Configured rate limits per provider+model (the default provider's from `DATAFORGE_RPM`, `…_TPM`,
    /// `…_MAX_IN_FLIGHT`; others from `DATAFORGE_RATE_LIMITS`).
    public var rateLimits: RateLimitTable
    /// The fraction of each rate limit the cluster paces at, leaving room for network jitter.
    public var rateUtilisation: Double
    public var logLevel: String
    public var openAIBaseURL: String
    public var openAIAPIKey: String?
    public var anthropicBaseURL: String
    public var anthropicAPIKey: String?
    /// An OpenAI-compatible server (vLLM, Ollama, llama.cpp, LiteLLM), up to its `/v1`.
    public var compatibleBaseURL: String?
    public var compatibleAPIKey: String?
    /// The compatible server's model when it is not the default provider (and `DATAFORGE_MODEL`'s default when it is).
    public var compatibleModel: String?
    public var compatibleQuirks: OpenAICompatibility
    public var openAIQuirks: OpenAICompatibility
    /// The longest a provider call may take, connection included.
    public var providerTimeoutSeconds: Int
    /// A PEM bundle to verify providers' TLS certificates with instead of the system's (a private CA).
    public var caFile: String?
    public var connectTimeoutSeconds: Int
    /// A provider's response body larger than this fails the call with a clear error.
    public var maxResponseBytes: Int
    /// The longest a consumer's statement may run (PostgreSQL's `statement_timeout`): a stuck statement fails
    /// and is retried rather than holding the consumer's every job.
    public var consumerStatementTimeoutSeconds: Int
    /// The public list prices, with `DATAFORGE_PRICES` (`model=input/output,…`, USD per million tokens) over them.
    public var prices: PriceTable
    /// Whether jobs may name a model with no known price (`DATAFORGE_ALLOW_UNPRICED_MODELS`); off by default, so
    /// a job's `max_cost_usd` always means something.
    public var allowsUnpricedModels: Bool
    /// Whether the API asks for a key (`DATAFORGE_AUTH=on`); off by default so a local demo needs none.
    public var requiresAPIKey: Bool

    public static let defaultOpenAIBaseURL = "https://api.openai.com/v1"
    public static let defaultAnthropicBaseURL = "https://api.anthropic.com"

    /// Seconds between consumer heartbeats: a third of the lease, so two can be missed before it expires.
    public var heartbeatSeconds: Double { Double(leaseSeconds) / 3 }

    /// A consumer silent for longer than this is not counted as alive.
    public var consumerStaleSeconds: Double { max(heartbeatSeconds * 3, 5) }

    public init(environment: [String: String]) throws(ConfigError) {
        let reader = EnvironmentReader(environment: environment)
        databaseURL = try reader.string("DATAFORGE_DATABASE_URL", default: "dbname=dataforge")
        apiDatabaseURL = try reader.string("DATAFORGE_API_DATABASE_URL", default: databaseURL)
        consumerDatabaseURL = try reader.string("DATAFORGE_CONSUMER_DATABASE_URL", default: databaseURL)
        maxSamplesPerRequest = try reader.int("DATAFORGE_MAX_SAMPLES_PER_REQUEST", default: 50, in: 1...10_000)
        maxBodyBytes = try reader.int("DATAFORGE_MAX_BODY_BYTES", default: 1_048_576, in: 1024...67_108_864)
        let home = try reader.optionalString("DATAFORGE_HOME")
        tokenizerDirectory = try reader.optionalString("DATAFORGE_TOKENIZER_DIR") ?? home.map { $0 + "/tokenizers" }
        fcgiSocket = try reader.socketPath("DATAFORGE_FCGI_SOCKET")
        fcgiWorkers = try reader.int("DATAFORGE_FCGI_WORKERS", default: 2, in: 1...64)
        fcgiThreads = try reader.int("DATAFORGE_FCGI_THREADS", default: 4, in: 1...64)
        provider = try reader.choice(
            "DATAFORGE_PROVIDER", default: "offline", among: ["offline", "openai", "anthropic", "openai-compatible"])
        compatibleModel = try reader.modelName("DATAFORGE_COMPAT_MODEL")
        guard
            let model = try reader.modelName("DATAFORGE_MODEL") ?? Self.defaultModel(forProvider: provider)
                ?? (provider == "openai-compatible" ? compatibleModel : nil)
        else {
            throw ConfigError(
                variable: "DATAFORGE_MODEL",
                message: "required when DATAFORGE_PROVIDER is \(provider) and DATAFORGE_COMPAT_MODEL is unset")
        }
        self.model = model
        offlineLatencyMilliseconds = try reader.int("DATAFORGE_OFFLINE_LATENCY_MS", default: 0, in: 0...60_000)
        leaseSeconds = try reader.int("DATAFORGE_LEASE_SECONDS", default: 30, in: 1...3600)
        maintenanceIntervalSeconds = try reader.int(
            "DATAFORGE_MAINTENANCE_INTERVAL_SECONDS", default: 10, in: 1...86_400)
        consumerSlots = try reader.int("DATAFORGE_CONSUMER_SLOTS", default: 8, in: 1...1000)
        consumerQueues = try reader.names("DATAFORGE_CONSUMER_QUEUES", default: ["generation"])
        maxAttempts = try reader.int("DATAFORGE_MAX_ATTEMPTS", default: 5, in: 1...100)
        consumerMaxInFlight = try reader.int("DATAFORGE_CONSUMER_MAX_IN_FLIGHT", default: 64, in: 1...10_000)
        jobMaxInFlight = try reader.int("DATAFORGE_JOB_MAX_IN_FLIGHT", default: 16, in: 1...10_000)
        responseCache = try reader.choice("DATAFORGE_RESPONSE_CACHE", default: "auto", among: ["auto", "off"])
        piiPolicy = try reader.parsed("DATAFORGE_PII", default: .redact, expected: "one of \(PIIPolicy.names)") {
            PIIPolicy(rawValue: $0.lowercased())
        }
        qualityWeights = try reader.parsed(
            "DATAFORGE_QUALITY_WEIGHTS", default: .standard, expected: QualityWeights.syntax, QualityWeights.parse)
        samplesPerCall = try reader.int("DATAFORGE_SAMPLES_PER_CALL", default: 5, in: GenerationRequest.samplesPerCallBounds)
        coherenceJudge = try reader.parsed(
            "DATAFORGE_COHERENCE_JUDGE", default: .borderline, expected: "one of \(CoherenceJudgeMode.names)"
        ) { CoherenceJudgeMode(rawValue: $0.lowercased()) }
        rateLimits = try reader.rateLimits()
        rateUtilisation = Double(try reader.int("DATAFORGE_RATE_UTILISATION_PERCENT", default: 99, in: 50...100)) / 100
        logLevel = try reader.choice(
            "DATAFORGE_LOG_LEVEL", default: "info", among: ["trace", "debug", "info", "notice", "warning", "error"])
        openAIBaseURL = try reader.url("OPENAI_BASE_URL") ?? Self.defaultOpenAIBaseURL
        openAIAPIKey = try reader.secret("OPENAI_API_KEY")
        anthropicBaseURL = try reader.url("ANTHROPIC_BASE_URL") ?? Self.defaultAnthropicBaseURL
        anthropicAPIKey = try reader.secret("ANTHROPIC_API_KEY")
        compatibleBaseURL = try reader.url("DATAFORGE_COMPAT_BASE_URL")
        if provider == "openai-compatible" && compatibleBaseURL == nil {
            throw ConfigError(
                variable: "DATAFORGE_COMPAT_BASE_URL", message: "required when DATAFORGE_PROVIDER is openai-compatible")
        }
        compatibleAPIKey = try reader.secret("DATAFORGE_COMPAT_API_KEY")
        let quirks = "a comma list of \(OpenAICompatibility.quirkNames.joined(separator: ", "))"
        compatibleQuirks = try reader.parsed(
            "DATAFORGE_COMPAT_QUIRKS", default: OpenAICompatibility(), expected: quirks, OpenAICompatibility.init)
        openAIQuirks = try reader.parsed(
            "DATAFORGE_OPENAI_QUIRKS", default: OpenAICompatibility(), expected: quirks, OpenAICompatibility.init)
        providerTimeoutSeconds = try reader.int("DATAFORGE_PROVIDER_TIMEOUT_SECONDS", default: 120, in: 1...3600)
        caFile = try reader.readableFile("DATAFORGE_CA_FILE")
        connectTimeoutSeconds = try reader.int("DATAFORGE_CONNECT_TIMEOUT_SECONDS", default: 10, in: 1...600)
        maxResponseBytes = try reader.int(
            "DATAFORGE_MAX_RESPONSE_BYTES", default: HTTPMulti.defaultMaxResponseBytes, in: 1024...1_073_741_824)
        consumerStatementTimeoutSeconds = try reader.int(
            "DATAFORGE_CONSUMER_STATEMENT_TIMEOUT_SECONDS", default: 30, in: 1...86_400)
        prices = PriceTable(
            overrides: try reader.parsed(
                "DATAFORGE_PRICES", default: [:],
                expected: "model=input/output in USD per million tokens with at most 4 decimals, comma-separated, "
                    + "such as my-model=0.5/1.5,gpt-4o=2/8",
                PriceTable.parseOverrides))
        allowsUnpricedModels = try reader.bool("DATAFORGE_ALLOW_UNPRICED_MODELS", default: false)
        requiresAPIKey = try reader.choice("DATAFORGE_AUTH", default: "off", among: ["on", "off"]) == "on"
        let ownLimits = RateLimits(
            requestsPerMinute: try reader.optionalInt("DATAFORGE_RPM", in: 1...100_000_000),
            tokensPerMinute: try reader.optionalInt("DATAFORGE_TPM", in: 1...1_000_000_000),
            maxInFlight: try reader.optionalInt("DATAFORGE_MAX_IN_FLIGHT", in: 1...100_000))
        if !ownLimits.isEmpty {
            rateLimits.entries[RateLimitTable.Target(provider: provider, model: model)] =
                rateLimits.limits(provider: provider, model: model).filling(from: ownLimits)
        }
        maintenance = try MaintenanceSettings(reader)
    }
}

/// A setting that is missing or out of bounds; the message names the variable and what it accepts.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var variable: String
    public var message: String
    public var description: String { "\(variable): \(message)" }
}

extension Settings {
    /// The model a provider uses when none is configured; nil for an OpenAI-compatible server, whose models
    /// are its own.
    public static func defaultModel(forProvider provider: String) -> String? {
        switch provider {
        case "offline": "offline-v1"
        case "openai": "gpt-4o-mini"
        case "anthropic": "claude-haiku-4-5"
        default: nil
        }
    }

    /// Reads the settings of this process, or exits with status 78 (EX_CONFIG) and a message naming the
    /// variable: bad configuration stops a process at start, never later.
    public static func loadOrExit(program: String) -> Settings {
        do {
            return try Settings(environment: currentEnvironment())
        } catch {
            printError("\(program): invalid configuration: \(error)")
            exit(78)
        }
    }
}

// MARK: - Maintenance settings

/// How long the maintenance tasks keep what they sweep, and how far ahead they prepare history partitions.
///
/// Each `…Default` is the value when the variable is unset; the bounds are in `init(_:)`.
public struct MaintenanceSettings: Sendable, Equatable {
    public static let historyMonthsAheadDefault = 3
    public static let eventRetentionDaysDefault = 7
    public static let llmCallRetentionDaysDefault = 90
    public static let responseCacheRetentionDaysDefault = 30
    public static let consumerRetentionHoursDefault = 24
    public static let dedupJobRetentionHoursDefault = 24

    /// Monthly `job_history` partitions kept ready after the current month (`DATAFORGE_HISTORY_MONTHS_AHEAD`).
    public var historyMonthsAhead = historyMonthsAheadDefault
    /// Progress and state events older than this are deleted, except a job's still in the queue
    /// (`DATAFORGE_RETENTION_EVENTS_DAYS`).
    public var eventRetentionDays = eventRetentionDaysDefault
    /// Provider call records older than this are rolled up into `llm_call_daily` and deleted
    /// (`DATAFORGE_RETENTION_LLM_CALLS_DAYS`).
    public var llmCallRetentionDays = llmCallRetentionDaysDefault
    /// Cached provider answers older than this are dropped (`DATAFORGE_RETENTION_RESPONSE_CACHE_DAYS`).
    public var responseCacheRetentionDays = responseCacheRetentionDaysDefault
    /// Consumers stopped or silent for longer than this are removed from the registry
    /// (`DATAFORGE_RETENTION_CONSUMERS_HOURS`).
    public var consumerRetentionHours = consumerRetentionHoursDefault
    /// The de-duplication index rows of a job's own scope (`DedupScope.job`) are deleted this long after the job
    /// finished: no sample is checked against them any more (`DATAFORGE_RETENTION_DEDUP_JOB_HOURS`).
    public var dedupJobRetentionHours = dedupJobRetentionHoursDefault

    /// The defaults.
    public init() {}

    /// Reads the `DATAFORGE_HISTORY_…` and `DATAFORGE_RETENTION_…` variables within their bounds.
    fileprivate init(_ reader: EnvironmentReader) throws(ConfigError) {
        historyMonthsAhead = try reader.int(
            "DATAFORGE_HISTORY_MONTHS_AHEAD", default: Self.historyMonthsAheadDefault, in: 1...24)
        eventRetentionDays = try reader.int(
            "DATAFORGE_RETENTION_EVENTS_DAYS", default: Self.eventRetentionDaysDefault, in: 1...3650)
        llmCallRetentionDays = try reader.int(
            "DATAFORGE_RETENTION_LLM_CALLS_DAYS", default: Self.llmCallRetentionDaysDefault, in: 1...36_500)
        responseCacheRetentionDays = try reader.int(
            "DATAFORGE_RETENTION_RESPONSE_CACHE_DAYS", default: Self.responseCacheRetentionDaysDefault, in: 1...3650)
        consumerRetentionHours = try reader.int(
            "DATAFORGE_RETENTION_CONSUMERS_HOURS", default: Self.consumerRetentionHoursDefault, in: 1...87_600)
        dedupJobRetentionHours = try reader.int(
            "DATAFORGE_RETENTION_DEDUP_JOB_HOURS", default: Self.dedupJobRetentionHoursDefault, in: 1...87_600)
    }
}
