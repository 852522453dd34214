@testable import QueueConsumer
import Shared
import Testing

@Suite struct BatchLimitsTests {
    @Test func passStopsAtTheFirstShortBatch() throws {
        var answers = [3, 3, 1, 3]
        var asked: [Int] = []
        let total = try BatchLimits(size: 3, maxBatches: 10).repeatWhileFull { limit throws(DatabaseError) in
            asked.append(limit)
            return answers.removeFirst()
        }
        #expect(total == 7)
        #expect(asked == [3, 3, 3])
    }

    @Test func passStopsAfterMaxBatchesEvenWhenEveryBatchIsFull() throws {
        var batches = 0
        let total = try BatchLimits(size: 5, maxBatches: 4).repeatWhileFull { limit throws(DatabaseError) in
            batches += 1
            return limit
        }
        #expect(batches == 4)
        #expect(total == 20)
    }

    @Test func retentionConfigsTakeTheirDaysFromTheSettings() {
        var settings = MaintenanceSettings()
        settings.eventRetentionDays = 2
        settings.llmCallRetentionDays = 400
        settings.responseCacheRetentionDays = 9
        #expect(EventPruner.config(settings).retentionDays == 2)
        #expect(LLMCallPruner.config(settings).retentionDays == 400)
        #expect(ResponseCacheExpirer.config(settings).retentionDays == 9)
        #expect(EventPruner.config().batches == BatchLimits())
    }
}
