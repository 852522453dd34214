import Foundation
import Shared
import Testing

extension StackTests {
    /// `/api/validate`'s duration comes from the cluster's own budget arithmetic (`rate_reserve`, asked and
    /// rolled back), so it counts the utilisation and in-flight limits the consumers will meet.
    @Suite
    struct ValidateEstimateTests {
        let api = APIClient()

        /// `estimated_duration` of a job of `count` samples on OpenAI's `model`.
        func estimatedDuration(model: String, count: Int) throws -> Double {
            let response = try api.post(
                "/api/validate", ["product": "Trail Camera", "count": .int(count), "provider": "openai", "model": .string(model)])
            #expect(response.status == 200)
            return try #require(response["validation"]?["estimated_duration"]?.doubleValue)
        }

        @Test func theClustersInFlightLimitCapsTheJobsConcurrency() throws {
            // in_flight:1 and no call in the last minute (a typical 2 s each): ten calls one after another.
            let seconds = try estimatedDuration(model: "narrow-gpt", count: 10)
            #expect(seconds >= 20, "10 calls one at a time take 10 × 2 s, not \(seconds) s")
        }

        @Test func callsArePacedAtTheConfiguredUtilisationOfTheLimit() throws {
            // 60 a minute paced at 99 %: the 50th call starts 49 × 60 / 59.4 s after the first, then takes 2 s.
            let seconds = try estimatedDuration(model: "slow-gpt", count: 50)
            #expect(abs(seconds - (49 * 60 / 59.4 + 2)) < 0.5, "\(seconds) s")
        }

        @Test func theEstimateReservesNothingAndLeavesNoBudgetRow() throws {
            _ = try estimatedDuration(model: "gpt-4.1-nano", count: 5)
            let rows = try TestStack.database().execute(
                Statement(
                    "budget rows", "SELECT count(*) AS n FROM rate_budgets WHERE model IN ('gpt-4.1-nano', 'preview')"))
            #expect(try rows.first?.decode("n", as: Int.self) == 0)
            let flying = try TestStack.database().execute(
                Statement("preview in flight", "SELECT count(*) AS n FROM rate_in_flight WHERE consumer_id = 'preview'"))
            #expect(try flying.first?.decode("n", as: Int.self) == 0)
        }
    }
}
