import Foundation
import Shared
import Testing

extension StackTests {
    /// `dedup_scope=dataset`: jobs checked against the samples of a dataset's latest committed version and
    /// against each other, the dataset resolved (by name or id) when the job is enqueued; and the version
    /// statistics view.
    @Suite
    struct DatasetDedupTests {
        let api = APIClient()
        let fake = FakeProvider()

        private func samples(_ jobID: String, kept: Bool) throws -> [JSONValue] {
            try api.get("/api/jobs/\(jobID)/samples?kept=\(kept)&limit=1000")["samples"]?.arrayValue ?? []
        }

        /// A new dataset with a unique name.
        private func createDataset() throws -> (name: String, id: String) {
            let name = "dedup-\(UUID().uuidString.prefix(8).lowercased())"
            let created = try api.post("/api/datasets", ["name": .string(name)])
            #expect(created.status == 201, "\(created.json.jsonText)")
            return (name, try #require(created["id"]?.stringValue))
        }

        /// Makes every answer of the fake one fixed text, exactly or with a word changed; reset it after the test.
        private func repeatOneText() throws {
            try fake.reset()
            try fake.configure(["repeat_rate": 1])
        }

        /// A one-sample job through the fake provider, one sample per call, with `extra` fields.
        private func submitToFake(_ product: String, _ extra: JSONObject = [:]) throws -> String {
            var body: JSONObject = ["product": .string(product), "count": 1, "provider": "openai", "samples_per_call": 1]
            for (key, value) in extra.members { body[key] = value }
            return try api.submit(.object(body))
        }

        /// The duplicate reason of a rejected sample: `(code, duplicate_of)`, nil when it has none.
        private func duplicateReason(_ sample: JSONValue) -> (code: String, of: String)? {
            guard
                let reason = sample["reasons"]?.arrayValue?.first(where: {
                    ["duplicate", "near_duplicate"].contains($0["code"]?.stringValue ?? "")
                })
            else { return nil }
            return (reason["code"]?.stringValue ?? "", reason["duplicate_of"]?.stringValue ?? "")
        }

        @Test func aDatasetThatDoesNotExistIsRefusedAtEnqueue() throws {
            let byName = try api.post(
                "/api/generate",
                ["product": "Kettle", "count": 1, "dedup_scope": "dataset", "dataset": .string("no-such-\(UUID().uuidString.prefix(8))")])
            #expect(byName.status == 422, "\(byName.json.jsonText)")
            #expect(byName["detail"]?.arrayValue?.first?["loc"] == ["body", "dataset"])
            let byID = try api.post(
                "/api/generate",
                ["product": "Kettle", "count": 1, "dedup_scope": "dataset", "dataset_id": .string(UUID().uuidString)])
            #expect(byID.status == 422, "\(byID.json.jsonText)")
            #expect(byID["detail"]?.arrayValue?.first?["loc"] == ["body", "dataset_id"])

            let dataset = try createDataset()
            let other = try createDataset()
            let mismatched = try api.post(
                "/api/generate",
                [
                    "product": "Kettle", "count": 1, "dedup_scope": "dataset", "dataset": .string(dataset.name),
                    "dataset_id": .string(other.id),
                ])
            #expect(mismatched.status == 422, "\(mismatched.json.jsonText)")
            for body: JSONValue in [
                ["product": "Kettle", "count": 1, "dedup_scope": "dataset", "dataset": .string(dataset.name)],
                ["product": "Kettle", "count": 1, "dedup_scope": "dataset", "dataset_id": .string(dataset.id)],
            ] {
                let accepted = try api.post("/api/generate", body)
                #expect(accepted.status == 200, "\(accepted.json.jsonText)")
                if let id = accepted["job_id"]?.stringValue { _ = try api.waitUntilFinished(id) }
            }
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func aJobDeduplicatingAgainstADatasetRejectsATextOfItsLatestVersionOnly() throws {
            try repeatOneText()
            defer { try? fake.reset() }
            let marker = UUID().uuidString.prefix(8)
            let first = try submitToFake("Dataset Kettle \(marker) a")
            _ = try api.waitUntilFinished(first, seconds: 60)
            let original = try #require(try samples(first, kept: true).first?["id"]?.stringValue, "its own scope was empty")
            let dataset = try createDataset()
            let committed = try api.post("/api/datasets/\(dataset.name)/versions", ["job_ids": [.string(first)]])
            #expect(committed.status == 201, "\(committed.json.jsonText)")

            // In its own scope the job would keep its first answer; against the dataset it is the version's text.
            let second = try submitToFake(
                "Dataset Kettle \(marker) b", ["dedup_scope": "dataset", "dataset": .string(dataset.name)])
            _ = try api.waitUntilFinished(second, seconds: 60)
            let rejected = try samples(second, kept: false)
            #expect(!rejected.isEmpty)
            let originals = rejected.compactMap(duplicateReason)
            #expect(originals.count == rejected.count, "\(rejected.map(\.jsonText))")
            #expect(originals.contains { $0.of == original }, "\(originals)")
            let keptTexts = try samples(second, kept: true).compactMap { $0["text"]?.stringValue }
            let originalText = try samples(first, kept: true).first?["text"]?.stringValue
            #expect(!keptTexts.contains { $0 == originalText })

            // The same job in its own scope keeps the text: the rejection came from the dataset's index.
            let unscoped = try submitToFake("Dataset Kettle \(marker) c")
            _ = try api.waitUntilFinished(unscoped, seconds: 60)
            #expect(try samples(unscoped, kept: true).count == 1)

            // A next version without the first job's sample: it is no longer in the dataset's index.
            let other = try api.submit(product: "Dataset Kettle \(marker) d", count: 2)
            #expect(try api.waitUntilFinished(other)["status"] == "completed")
            let next = try api.post("/api/datasets/\(dataset.name)/versions", ["job_ids": [.string(other)]])
            #expect(next.status == 201, "\(next.json.jsonText)")
            let third = try submitToFake(
                "Dataset Kettle \(marker) e", ["dedup_scope": "dataset", "dataset_id": .string(dataset.id)])
            _ = try api.waitUntilFinished(third, seconds: 60)
            let thirdOriginals = try samples(third, kept: false).compactMap(duplicateReason).map(\.of)
            #expect(!thirdOriginals.contains(original), "\(thirdOriginals)")
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func twoJobsIntoTheSameDatasetDeduplicateAgainstEachOther() throws {
            try repeatOneText()
            defer { try? fake.reset() }
            let dataset = try createDataset()
            let marker = dataset.name
            var kept: [JSONValue] = []
            var rejected: [JSONValue] = []
            var jobs: [String] = []
            for index in 0..<2 {
                let id = try submitToFake(
                    "Shared Kettle \(marker) \(index)", ["dedup_scope": "dataset", "dataset_id": .string(dataset.id)])
                _ = try api.waitUntilFinished(id, seconds: 60)
                jobs.append(id)
                kept += try samples(id, kept: true)
                rejected += try samples(id, kept: false)
            }
            // The dataset has no version yet: its scope holds only what the two jobs wrote, so the first keeps
            // the fixed text and the second's answers are duplicates of it.
            #expect(kept.count == 1, "\(kept.map(\.jsonText))")
            let firstKept = try #require(try samples(jobs[0], kept: true).first?["id"]?.stringValue)
            let secondRejected = try samples(jobs[1], kept: false)
            #expect(secondRejected.contains { duplicateReason($0)?.of == firstKept }, "\(secondRejected.map(\.jsonText))")
            #expect(!rejected.isEmpty)
        }

        @Test func theVersionStatisticsViewAnswersForACommittedVersion() throws {
            let product = "Stats Kettle \(UUID().uuidString.prefix(8))"
            let job = try api.submit(product: product, count: 4, template: "product_review")
            #expect(try api.waitUntilFinished(job)["status"] == "completed")
            let dataset = try createDataset()
            let committed = try api.post("/api/datasets/\(dataset.name)/versions", ["job_ids": [.string(job)]])
            #expect(committed.status == 201, "\(committed.json.jsonText)")
            let sampleCount = try #require(committed["sample_count"]?.intValue)

            let database = try TestStack.database()
            let jobID = try #require(UUID(uuidString: job))
            let expected = try #require(
                try database.execute(
                    Statement(
                        "dataset stats expected",
                        """
                        SELECT (SELECT avg((quality ->> 'overall')::double precision) FROM samples
                                WHERE job_id = $1 AND kept) AS mean_overall,
                               (SELECT coalesce(sum(cost_usd), 0)::double precision FROM llm_calls WHERE job_id = $1) AS cost
                        """),
                    [jobID]
                ).first)
            // As the analytics role, which reads the view through its grant.
            _ = try database.execute(Statement("become analytics", "SET ROLE analytics"))
            let rows = try database.execute(
                Statement(
                    "dataset stats view",
                    """
                    SELECT version, sample_count, by_template, by_strategy, mean_overall, jobs, cost_usd
                    FROM analytics.dataset_version_stats WHERE dataset = $1
                    """),
                [dataset.name])
            _ = try database.execute(Statement("become owner", "RESET ROLE"))
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(try row.decode("version", as: Int.self) == 1)
            #expect(try row.decode("sample_count", as: Int.self) == sampleCount)
            #expect(try row.decode("by_template", as: JSONValue.self) == ["product_review": .int(sampleCount)])
            #expect(try row.decode("by_strategy", as: JSONValue.self) == ["original": .int(sampleCount)])
            #expect(try row.decode("jobs", as: Int.self) == 1)
            let mean: Double? = try row.decodeIfPresent("mean_overall")
            let expectedMean: Double? = try expected.decodeIfPresent("mean_overall")
            #expect(abs((mean ?? -1) - (expectedMean ?? -2)) < 1e-9)
            #expect(abs(try row.decode("cost_usd", as: Double.self) - (try expected.decode("cost", as: Double.self))) < 1e-9)
        }
    }
}
