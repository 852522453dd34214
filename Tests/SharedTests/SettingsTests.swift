import Shared
import Testing

@Suite struct SettingsTests {
    @Test func emptyEnvironmentGivesTheDefaults() throws {
        let settings = try Settings(environment: [:])
        #expect(settings.databaseURL == "dbname=dataforge")
        #expect(settings.maxSamplesPerRequest == 50)
        #expect(settings.maxBodyBytes == 1_048_576)
        #expect(settings.fcgiSocket == nil)
        #expect(settings.fcgiWorkers == 2)
        #expect(settings.fcgiThreads == 4)
        #expect(settings.provider == "offline")
        #expect(settings.model == "offline-v1")
        #expect(settings.offlineLatencyMilliseconds == 0)
        #expect(settings.leaseSeconds == 30)
        #expect(settings.maintenanceIntervalSeconds == 10)
        #expect(settings.consumerSlots == 8)
        #expect(settings.consumerQueues == ["generation"])
        #expect(settings.maxAttempts == 5)
        #expect(settings.logLevel == "info")
        #expect(settings.openAIBaseURL == "https://api.openai.com/v1")
        #expect(settings.openAIAPIKey == nil)
        #expect(settings.anthropicBaseURL == "https://api.anthropic.com")
        #expect(settings.anthropicAPIKey == nil)
    }

    @Test func valuesInTheEnvironmentAreRead() throws {
        let settings = try Settings(environment: [
            "DATAFORGE_DATABASE_URL": "host=/tmp dbname=x",
            "DATAFORGE_MAX_SAMPLES_PER_REQUEST": "200",
            "DATAFORGE_FCGI_SOCKET": "/run/dataforge.sock",
            "DATAFORGE_FCGI_WORKERS": "64",
            "DATAFORGE_FCGI_THREADS": "1",
            "DATAFORGE_LEASE_SECONDS": "3600",
            "DATAFORGE_CONSUMER_QUEUES": "generation,maintenance",
            "DATAFORGE_LOG_LEVEL": "debug",
            "OPENAI_API_KEY": "sk-test",
        ])
        #expect(settings.databaseURL == "host=/tmp dbname=x")
        // Unset, the handlers and consumers connect as the owner, as before roles existed.
        #expect(settings.apiDatabaseURL == "host=/tmp dbname=x")
        #expect(settings.consumerDatabaseURL == "host=/tmp dbname=x")
        #expect(settings.maxSamplesPerRequest == 200)
        #expect(settings.fcgiSocket == "/run/dataforge.sock")
        #expect(settings.fcgiWorkers == 64)
        #expect(settings.fcgiThreads == 1)
        #expect(settings.leaseSeconds == 3600)
        #expect(settings.consumerQueues == ["generation", "maintenance"])
        #expect(settings.logLevel == "debug")
        #expect(settings.openAIAPIKey == "sk-test")
    }

    @Test func handlersAndConsumersConnectWithTheirOwnURLs() throws {
        let settings = try Settings(environment: [
            "DATAFORGE_DATABASE_URL": "dbname=x user=owner",
            "DATAFORGE_API_DATABASE_URL": "dbname=x user=api",
            "DATAFORGE_CONSUMER_DATABASE_URL": "dbname=x user=consumer",
        ])
        #expect(settings.databaseURL == "dbname=x user=owner")
        #expect(settings.apiDatabaseURL == "dbname=x user=api")
        #expect(settings.consumerDatabaseURL == "dbname=x user=consumer")
    }

    @Test(arguments: [
        ("DATAFORGE_FCGI_WORKERS", "0"),
        ("DATAFORGE_FCGI_WORKERS", "65"),
        ("DATAFORGE_FCGI_THREADS", "-1"),
        ("DATAFORGE_MAX_SAMPLES_PER_REQUEST", "abc"),
        ("DATAFORGE_MAX_SAMPLES_PER_REQUEST", "0"),
        ("DATAFORGE_MAX_SAMPLES_PER_REQUEST", "10001"),
        ("DATAFORGE_MAX_SAMPLES_PER_REQUEST", "5.0"),
        ("DATAFORGE_MAX_BODY_BYTES", "1023"),
        ("DATAFORGE_OFFLINE_LATENCY_MS", "60001"),
        ("DATAFORGE_LEASE_SECONDS", "0"),
        ("DATAFORGE_MAINTENANCE_INTERVAL_SECONDS", "86401"),
        ("DATAFORGE_CONSUMER_SLOTS", "1001"),
        ("DATAFORGE_MAX_ATTEMPTS", "99999999999999999999999"),
        ("DATAFORGE_PROVIDER", "no-such-provider"),
        ("DATAFORGE_LOG_LEVEL", "verbose"),
    ])
    func outOfRangeValueThrowsAConfigErrorNamingTheVariable(variable: String, value: String) throws {
        let error = try #require(throws: ConfigError.self) { try Settings(environment: [variable: value]) }
        #expect(error.variable == variable)
        #expect(error.description.contains(variable))
        #expect(error.description.contains(value))
    }

    @Test(arguments: [(30, 10.0, 30.0), (3, 1.0, 5.0), (1, 1.0 / 3, 5.0), (3600, 1200.0, 3600.0)])
    func heartbeatIsAThirdOfTheLeaseAndStaleIsThreeHeartbeatsAtLeastFiveSeconds(
        lease: Int, heartbeat: Double, stale: Double
    ) throws {
        let settings = try Settings(environment: ["DATAFORGE_LEASE_SECONDS": String(lease)])
        #expect(settings.heartbeatSeconds == heartbeat)
        #expect(settings.consumerStaleSeconds == stale)
    }
}
