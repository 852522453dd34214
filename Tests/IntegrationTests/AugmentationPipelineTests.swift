import Foundation
import Shared
import Testing

extension StackTests {
    /// Augmented jobs through the whole stack: originals and each strategy's variants with their lineage,
    /// through the offline provider and through the fake one; a budget of one call; a consumer killed during
    /// the augmentation.
    @Suite
    struct AugmentationPipelineTests {
        let api = APIClient()
        let fake = FakeProvider()

        private func submit(_ query: String, _ body: JSONValue) throws -> String {
            let response = try api.post("/api/generate-augmented?" + query, body)
            #expect(response.status == 200, "\(response.json.jsonText)")
            return try #require(response["job_id"]?.stringValue)
        }

        private func samples(_ jobID: String, kept: Bool? = nil) throws -> [JSONValue] {
            let filter = kept.map { "kept=\($0)&" } ?? ""
            return try api.get("/api/jobs/\(jobID)/samples?\(filter)limit=1000")["samples"]?.arrayValue ?? []
        }

        /// Checks what every strategy's variants must hold, and returns the kept variants per strategy.
        @discardableResult
        private func checkLineage(of jobID: String, originals count: Int, variants: Int) throws -> [String: Int] {
            let all = try samples(jobID)
            let originals = all.filter { $0["lineage"] == .null }
            let keptOriginals = Dictionary(
                originals.filter { $0["kept"] == true }.map { ($0["id"]?.stringValue ?? "", $0) }) { $1 }
            #expect(keptOriginals.count == count)
            let variantRows = all.filter { $0["lineage"] != .null }
            #expect(variantRows.count == count * 3 * variants, "every original, every strategy, every variant, once")
            var kept: [String: Int] = [:]
            for variant in variantRows {
                let metadata = try #require(variant["metadata"])
                let strategy = try #require(metadata["augmentation_strategy"]?.stringValue)
                #expect(variant["prompt_version"]?.stringValue == "v1_aug_\(strategy)")
                #expect(variant["tokens_estimated"]?.intValue ?? 0 > 0)
                let original = try #require(keptOriginals[metadata["original_sample_id"]?.stringValue ?? ""],
                                            "the original is a kept sample of the same job")
                #expect(variant["id"] != original["id"])
                for key in ["variant_index", "preserved_aspects", "changed_elements", "similarity", "quality_score"] {
                    #expect(metadata[key] != nil, "metadata.\(key) of \(variant.jsonText)")
                    #expect(variant["lineage"]?[key] == metadata[key], "the lineage column holds the same \(key)")
                }
                if variant["kept"] == true {
                    kept[strategy, default: 0] += 1
                    #expect(variant["text"] != original["text"])
                    #expect(strategy == "CDA" || metadata["changed_elements"]?.arrayValue?.count == 1)
                } else {
                    let reasons = variant["reasons"]?.arrayValue ?? []
                    #expect(reasons.count > 0, "a rejected variant says why")
                }
            }
            let listedRejected = try samples(jobID, kept: false).filter { $0["lineage"] != .null }.count
            #expect(listedRejected == variantRows.filter { $0["kept"] == false }.count)
            return kept
        }

        @Test func allThreeStrategiesThroughTheOfflineProviderReturnOriginalsAndVariantsWithLineage() throws {
            let jobID = try submit(
                "augmentation_strategies=CDA&augmentation_strategies=ADA&augmentation_strategies=CADA&augment_ratio=1.0",
                ["product": "Wireless Earbuds", "count": 4, "template": "product_review", "seed": 5])
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            let kept = try checkLineage(of: jobID, originals: 4, variants: 2)
            for strategy in ["CDA", "ADA", "CADA"] { #expect(kept[strategy, default: 0] > 0, "\(strategy) kept none") }
            let summary = try #require(job["result"]?["metadata"]?["augmentation"])
            #expect(summary["originals_kept"] == 4)
            for strategy in ["CDA", "ADA", "CADA"] {
                #expect(summary["strategies"]?[strategy]?["produced"]?.intValue == kept[strategy])
            }
            #expect(summary["budget_exhausted"] == .null)
            #expect(summary["stages"]?["augmentation"]?["calls"] == 4, "one rewrite call per original")
            #expect(job.json.samples.count == 4 + kept.values.reduce(0, +), "the result lists originals and variants")
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func allThreeStrategiesThroughTheFakeProvidersHTTPAPI() throws {
            try fake.reset()
            let jobID = try submit(
                "augmentation_strategies=CDA,ADA,CADA&augment_ratio=1&variants_per_sample=2&enable_quality_filter=false",
                ["product": "Echo Speaker", "count": 3, "provider": "openai", "template": "product_review"])
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            let kept = try checkLineage(of: jobID, originals: 3, variants: 2)
            #expect(kept["CDA", default: 0] > 0 && kept["CADA", default: 0] > 0, "paraphrases came over HTTP: \(kept)")
            let purposes = try TestStack.calls(of: jobID).map(\.purpose)
            #expect(purposes.filter { $0 == "augmentation" }.count == 3)
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func alternativesAndSimilarityFromTheProviderWhenAsked() throws {
            try fake.reset()
            let jobID = try submit(
                "augmentation_strategies=ADA,CDA&augment_ratio=1&variants_per_sample=1&aspect_alternatives=llm&judge=llm"
                    + "&enable_quality_filter=false",
                ["product": "Echo Speaker", "count": 3, "provider": "anthropic", "template": "product_review", "seed": 3])
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            let variants = try samples(jobID).filter { $0["lineage"] != .null }
            #expect(variants.count == 3 * 2)
            let swapped = variants.filter { ($0["lineage"]?["changed_elements"]?.arrayValue ?? []).count == 1 }
            #expect(!swapped.isEmpty)
            for variant in swapped {
                #expect(variant["lineage"]?["alternatives_source"] == "llm")
                let to = variant["lineage"]?["changed_elements"]?.arrayValue?.first?["to"]?.stringValue ?? ""
                #expect(to.hasPrefix("spare ") || to.hasPrefix("replacement "), "the fake provider's alternative: \(to)")
            }
            let judged = variants.filter { $0["lineage"]?["similarity_source"] == "llm" }
            #expect(!judged.isEmpty, "the similarity judge answered over HTTP")
            let purposes = try TestStack.calls(of: jobID).map(\.purpose)
            #expect(purposes.contains("similarity"))
        }

        @Test func aBudgetOfOneCallStopsCleanlyAndSaysSo() throws {
            let jobID = try submit(
                "augmentation_strategies=CDA&augmentation_strategies=ADA&augment_ratio=1&max_augmentation_calls=1",
                ["product": "Wireless Earbuds", "count": 3, "template": "product_review"])
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            let summary = try #require(job["result"]?["metadata"]?["augmentation"])
            #expect(summary["budget_exhausted"] == "max_augmentation_calls")
            #expect(summary["stages"]?["augmentation"]?["calls"] == 1)
            let variants = try samples(jobID).filter { $0["lineage"] != .null }
            let byStrategy = Dictionary(grouping: variants) { $0["metadata"]?["augmentation_strategy"]?.stringValue ?? "" }
            #expect(byStrategy["CDA"]?.count == 2, "the one call's paraphrases, nothing half-written")
            #expect(byStrategy["ADA"]?.count == 6, "local variants need no call")
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func aConsumerKilledDuringTheAugmentationResumesWithoutDuplicates() throws {
            try fake.reset()
            try fake.configure(["latency_ms": 1500])
            defer { try? fake.reset() }
            let jobID = try submit(
                "augmentation_strategies=CDA,ADA,CADA&augment_ratio=1&enable_quality_filter=false",
                ["product": "Harbor Kettle", "count": 3, "provider": "openai", "template": "product_review",
                 "samples_per_call": 3])
            let id = try #require(UUID(uuidString: jobID))
            let database = try TestStack.database()
            let variantsStored = Statement(
                "variants stored", "SELECT count(*) AS n FROM samples WHERE job_id = $1 AND lineage IS NOT NULL")
            let deadline = Date().addingTimeInterval(30)
            // The originals are written and the ADA variants with them; the paraphrases are still on their way.
            while try database.execute(variantsStored, [id]).first?.decode("n", as: Int.self) ?? 0 == 0, Date() < deadline {
                usleep(20_000)
            }
            let consumer = try #require(try ConsumerStore(database).find(workingOn: id))
            #expect(kill(pid_t(consumer.pid), SIGKILL) == 0)

            let job = try api.waitUntilFinished(jobID, seconds: 90)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            try checkLineage(of: jobID, originals: 3, variants: 2)
            let attempts = try database.execute(Statement("attempts", "SELECT attempt FROM job_history WHERE id = $1"), [id])
            #expect(try attempts.first?.decode("attempt", as: Int.self) == 2, "rescued, not finished by the killed one")
            #expect(TestStack.stackScript("up") == 0)
        }
    }
}
