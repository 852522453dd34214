import Foundation
@testable import Shared
import Testing

extension StackTests {
    /// Datasets through nginx: create, commit versions from jobs and filters, statistics, diff, and versions the
    /// database itself keeps from changing.
    @Suite
    struct DatasetTests {
        let api = APIClient()

        /// A name no other run of the suite used.
        static func uniqueName(_ stem: String) -> String {
            "\(stem)-\(UUID().uuidString.prefix(8).lowercased())"
        }

        /// A finished offline job of `count` samples for `product`.
        func finishedJob(product: String, count: Int) throws -> String {
            let id = try api.submit(product: product, count: count)
            #expect(try api.waitUntilFinished(id)["status"] == "completed")
            return id
        }

        func createDataset(_ name: String) throws {
            let created = try api.post("/api/datasets", ["name": .string(name), "description": "Test reviews"])
            #expect(created.status == 201)
            #expect(created["name"] == .string(name))
            #expect(created["version_count"] == 0)
        }

        /// The kept samples of a job, in index order, with their ids and content hashes.
        static func keptSamples(_ jobID: String) throws -> [(id: String, hash: String)] {
            let rows = try TestStack.database().execute(
                Statement(
                    "kept samples",
                    "SELECT id::text AS id, content_hash FROM samples WHERE job_id = $1 AND kept ORDER BY idx"),
                [try #require(UUID(uuidString: jobID))])
            return try rows.map { (try $0.decode("id"), try $0.decode("content_hash")) }
        }

        @Test func aCommitFromAJobListsItsKeptSamplesWithTheirHashAndStatistics() throws {
            let name = Self.uniqueName("reviews")
            try createDataset(name)
            let job = try finishedJob(product: Self.uniqueName("Earbuds"), count: 4)
            let committed = try api.post("/api/datasets/\(name)/versions", ["job_ids": [.string(job)], "note": "first"])
            #expect(committed.status == 201)
            #expect(committed["version"] == 1)
            #expect(committed["parent_version"] == .null)
            #expect(committed["job_ids"] == [.string(job)])
            #expect(committed["note"] == "first")

            let kept = try Self.keptSamples(job)
            #expect(!kept.isEmpty)
            #expect(committed["sample_count"] == .int(kept.count))
            let expectedHash = SHA256.hex(of: Array(kept.map(\.hash).joined().utf8))
            #expect(committed["content_sha256"] == .string(expectedHash))

            let shown = try api.get("/api/datasets/\(name)/versions/1")
            #expect(shown.status == 200)
            let statistics = try #require(shown["statistics"])
            #expect(statistics["sample_count"] == .int(kept.count))
            #expect(statistics["by_template"] == ["support_request": .int(kept.count)])
            #expect(statistics["by_strategy"] == ["original": .int(kept.count)])
            #expect((statistics["mean_scores"]?["overall"]?.doubleValue ?? 0) > 0)
            #expect(statistics["total_cost_usd"]?.doubleValue != nil)
            #expect(statistics["by_sentiment"] != nil && statistics["by_sentiment"] != [:])

            let dataset = try api.get("/api/datasets/\(name)")
            #expect(dataset["version_count"] == 1)
            #expect(dataset["latest_version"] == 1)
            #expect(dataset["versions"]?.arrayValue?.count == 1)
            let list = try api.get("/api/datasets")
            #expect(list["datasets"]?.arrayValue?.contains { $0["name"] == .string(name) } == true)
            let versions = try api.get("/api/datasets/\(name)/versions")
            #expect(versions["versions"]?.arrayValue?.first?["statistics"]?["sample_count"] == .int(kept.count))

            let audit = try TestStack.database().execute(
                Statement(
                    "commit audit",
                    "SELECT details FROM audit_log WHERE action = 'dataset.committed' AND subject_id = $1"),
                ["\(name)@1"])
            #expect(audit.count == 1)
        }

        @Test func aFilterSelectsAndTheDiffCountsAddedRemovedAndUnchanged() throws {
            let name = Self.uniqueName("filtered")
            try createDataset(name)
            let product = Self.uniqueName("Kettle")
            let first = try finishedJob(product: product, count: 3)
            let second = try finishedJob(product: product, count: 3)
            let one = try api.post("/api/datasets/\(name)/versions", ["job_ids": [.string(first)]])
            #expect(one.status == 201)
            let two = try api.post(
                "/api/datasets/\(name)/versions", ["filter": ["product": .string(product), "strategy": "original"]])
            #expect(two.status == 201)
            #expect(two["version"] == 2)
            #expect(two["parent_version"] == 1)
            #expect(two["job_ids"] == [])
            #expect(two["filter"]?["product"] == .string(product))
            let firstKept = try Self.keptSamples(first)
            let secondKept = try Self.keptSamples(second)
            #expect(two["sample_count"] == .int(firstKept.count + secondKept.count))

            let diff = try api.get("/api/datasets/\(name)/diff?from=1&to=2")
            #expect(diff.status == 200)
            #expect(diff["added"] == .int(secondKept.count))
            #expect(diff["removed"] == 0)
            #expect(diff["unchanged"] == .int(firstKept.count))
            #expect(diff["added_ids"] == .array(secondKept.map { .string($0.id) }))
            let back = try api.get("/api/datasets/\(name)/diff?from=2&to=1")
            #expect(back["removed"] == .int(secondKept.count))
            #expect(back["added"] == 0)

            let nothing = try api.post("/api/datasets/\(name)/versions", ["filter": ["product": "No such product"]])
            #expect(nothing.status == 422)
            #expect(nothing["detail"]?.arrayValue?.first?["loc"] == ["body"])
            #expect(try api.get("/api/datasets/\(name)")["version_count"] == 2)
        }

        @Test func minQualityAndKeptOnlyChooseTheSamplesTheySay() throws {
            let name = Self.uniqueName("scored")
            try createDataset(name)
            let product = Self.uniqueName("Blender")
            let job = try finishedJob(product: product, count: 6)
            let rows = try TestStack.database().execute(
                Statement(
                    "sample scores",
                    "SELECT kept, (quality ->> 'overall')::double precision AS overall FROM samples WHERE job_id = $1"),
                [try #require(UUID(uuidString: job))])
            let scores: [(kept: Bool, overall: Double)] = try rows.map { (try $0.decode("kept"), try $0.decode("overall")) }
            let threshold = scores.map(\.overall).sorted()[scores.count / 2]

            let strict = try api.post(
                "/api/datasets/\(name)/versions",
                ["job_ids": [.string(job)], "filter": ["min_quality": .double(threshold)]])
            #expect(strict["sample_count"] == .int(scores.filter { $0.kept && $0.overall >= threshold }.count))
            #expect(strict["filter"]?["min_quality"] == .double(threshold))
            let everything = try api.post(
                "/api/datasets/\(name)/versions", ["filter": ["product": .string(product), "kept_only": false]])
            #expect(everything["sample_count"] == .int(scores.count))
            #expect(everything["filter"]?["kept_only"] == false)
        }

        @Test func concurrentCommitsGetConsecutiveVersions() throws {
            let name = Self.uniqueName("busy")
            try createDataset(name)
            let job = try finishedJob(product: Self.uniqueName("Router"), count: 2)
            let statuses = concurrently(6) { _ in
                (try? APIClient().post("/api/datasets/\(name)/versions", ["job_ids": [.string(job)]]))?.status ?? 0
            }
            #expect(statuses == Array(repeating: 201, count: 6))
            let versions = try api.get("/api/datasets/\(name)/versions")["versions"]?.arrayValue ?? []
            #expect(versions.map { $0["version"]?.intValue ?? 0 } == Array(1...6))
            #expect(versions.map { $0["parent_version"]?.intValue } == [nil] + Array(1...5))
            #expect(Set(versions.compactMap { $0["content_sha256"]?.stringValue }).count == 1)
        }

        @Test func aCommittedVersionCannotBeChangedInTheDatabase() throws {
            let name = Self.uniqueName("frozen")
            try createDataset(name)
            let job = try finishedJob(product: Self.uniqueName("Lamp"), count: 2)
            let committed = try api.post("/api/datasets/\(name)/versions", ["job_ids": [.string(job)]])
            let id = try #require(committed["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
            let database = try TestStack.database()
            let attempts = [
                "UPDATE dataset_versions SET note = 'changed' WHERE id = $1",
                "DELETE FROM dataset_versions WHERE id = $1",
                "UPDATE dataset_version_samples SET position = position + 1000 WHERE version_id = $1",
                "DELETE FROM dataset_version_samples WHERE version_id = $1",
            ]
            for sql in attempts {
                #expect(throws: DatabaseError.self, "\(sql)") { try database.execute(Statement("change version", sql), [id]) }
            }
            #expect(throws: DatabaseError.self) {
                try database.executeScript("TRUNCATE dataset_version_samples", name: "truncate version samples")
            }
            let shown = try api.get("/api/datasets/\(name)/versions/1")
            #expect(shown["note"] == "")
            #expect(shown["sample_count"] == committed["sample_count"])
        }

        @Test func errorsAreJSONWithTheirStatus() throws {
            let name = Self.uniqueName("errors")
            try createDataset(name)
            let duplicate = try api.post("/api/datasets", ["name": .string(name)])
            #expect(duplicate.status == 409)
            #expect(duplicate["detail"] == .string("Dataset \(name) already exists"))

            #expect(try api.get("/api/datasets/no-such-dataset").status == 404)
            #expect(try api.get("/api/datasets/\(name)/versions/1")["detail"] == .string("Dataset \(name) has no version 1"))
            #expect(try api.get("/api/datasets/\(name)/diff?from=1&to=2").status == 404)
            #expect(try api.post("/api/datasets/no-such-dataset/versions", ["filter": [:]]).status == 404)

            let unknown = "0b0b0b0b-0000-4000-8000-000000000001"
            let response = try api.post("/api/datasets/\(name)/versions", ["job_ids": [.string(unknown)]])
            #expect(response.status == 422)
            let error = try #require(response["detail"]?.arrayValue?.first)
            #expect(error["loc"] == ["body", "job_ids"])
            #expect(error["msg"]?.stringValue?.contains(unknown) == true)

            let bad = try api.post("/api/datasets", ["name": "bad name"])
            #expect(bad.status == 422)
            #expect(bad["detail"]?.arrayValue?.first?["loc"] == ["body", "name"])
        }
    }
}
