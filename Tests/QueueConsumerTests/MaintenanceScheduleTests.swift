@testable import QueueConsumer
import Testing

@Suite struct MaintenanceScheduleTests {
    @Test func newScheduleIsDueAtOnce() {
        let schedule = MaintenanceSchedule(intervalSeconds: 10)
        #expect(schedule.nextDue <= .now)
    }
}
