import Shared
import Testing

extension SettingsTests {
    @Test func maintenanceSettingsDefaultToTheirConstants() throws {
        let maintenance = try Settings(environment: [:]).maintenance
        #expect(maintenance == MaintenanceSettings())
        #expect(maintenance.historyMonthsAhead == 3)
        #expect(maintenance.eventRetentionDays == 7)
        #expect(maintenance.llmCallRetentionDays == 90)
        #expect(maintenance.responseCacheRetentionDays == 30)
        #expect(maintenance.consumerRetentionHours == 24)
        #expect(maintenance.dedupJobRetentionHours == 24)
    }

    @Test func maintenanceSettingsAreReadFromTheEnvironment() throws {
        let maintenance = try Settings(environment: [
            "DATAFORGE_HISTORY_MONTHS_AHEAD": "6", "DATAFORGE_RETENTION_EVENTS_DAYS": "1",
            "DATAFORGE_RETENTION_LLM_CALLS_DAYS": "365", "DATAFORGE_RETENTION_RESPONSE_CACHE_DAYS": "2",
            "DATAFORGE_RETENTION_CONSUMERS_HOURS": "48", "DATAFORGE_RETENTION_DEDUP_JOB_HOURS": "72",
        ]).maintenance
        #expect(maintenance.historyMonthsAhead == 6)
        #expect(maintenance.eventRetentionDays == 1)
        #expect(maintenance.llmCallRetentionDays == 365)
        #expect(maintenance.responseCacheRetentionDays == 2)
        #expect(maintenance.consumerRetentionHours == 48)
        #expect(maintenance.dedupJobRetentionHours == 72)
    }

    @Test(arguments: [
        ("DATAFORGE_HISTORY_MONTHS_AHEAD", "0"), ("DATAFORGE_HISTORY_MONTHS_AHEAD", "25"),
        ("DATAFORGE_RETENTION_EVENTS_DAYS", "0"), ("DATAFORGE_RETENTION_LLM_CALLS_DAYS", "-1"),
        ("DATAFORGE_RETENTION_RESPONSE_CACHE_DAYS", "forever"), ("DATAFORGE_RETENTION_CONSUMERS_HOURS", "0"),
        ("DATAFORGE_RETENTION_DEDUP_JOB_HOURS", "0"),
    ])
    func maintenanceSettingOutOfBoundsNamesTheVariable(variable: String, value: String) {
        #expect {
            _ = try Settings(environment: [variable: value])
        } throws: { error in
            (error as? ConfigError)?.variable == variable
        }
    }
}
