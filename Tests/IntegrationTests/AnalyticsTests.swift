import Foundation
@testable import QueueConsumer
import Shared
import Testing

extension StackTests {
    /// The views of schema `analytics` over real job output and over rows with known figures, and the
    /// `analytics` role that reads them.
    @Suite(.serialized)
    struct AnalyticsTests {
        let api = APIClient()

        static let insufficientPrivilege = SQLState(rawValue: "42501")

        static let insertSample = Statement(
            "insert a decided sample",
            """
            INSERT INTO samples (job_id, idx, id, kind, product, template, template_version, prompt_version,
                                 temperature, text, tokens_estimated, provider, model, quality, kept, filter_reason)
            VALUES ($1, $2, gen_random_uuid(), 'product_review', 'Kettle', $3, 'v2', 'v2', 0.7, 'text', 10,
                    'offline', 'offline-v1', $4, $5, $6)
            """)

        static let insertCall = Statement(
            "insert a provider call",
            """
            INSERT INTO llm_calls (purpose, provider, model, prompt_hash, status, http_status, cost_usd, latency_ms)
            VALUES ('generation', 'analytics-test', $1, 'h', $2, $3, $4::numeric, $5)
            """)

        /// Runs one statement and returns its rows; named after its text, since a name is a prepared statement.
        private func rows(_ database: Connection, _ sql: String, _ parameters: [(any SQLEncodable)?] = []) throws
            -> Rows
        {
            try database.execute(Statement("analytics check \(sql.hashValue)", sql), parameters)
        }

        @Test func everyViewAnswersAfterAnOfflineJob() throws {
            let response = try api.post(
                "/api/generate-augmented?augmentation_strategies=CDA&augmentation_strategies=ADA&augment_ratio=1.0",
                ["product": "Wireless Earbuds", "count": 3, "template": "product_review", "seed": 11])
            #expect(response.status == 200, "\(response.json.jsonText)")
            let jobID = try #require(response["job_id"]?.stringValue)
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")

            let database = try TestStack.database()
            let views = try rows(
                database,
                "SELECT table_name FROM information_schema.views WHERE table_schema = 'analytics' ORDER BY 1"
            ).map { try $0.decode("table_name", as: String.self) }
            // A job need not reject anything: rejection_reasons is checked against the table below.
            let fedByJobs = [
                "augmentation_yield", "cost_daily", "provider_errors", "provider_latency", "quality_by_template",
                "quality_histogram",
            ]
            for view in fedByJobs + ["rejection_reasons"] { #expect(views.contains(view), "analytics.\(view) exists") }
            for view in views {
                let sample = try rows(database, "SELECT * FROM analytics.\"\(view)\" LIMIT 5")
                #expect(!fedByJobs.contains(view) || !sample.isEmpty, "analytics.\(view) has rows after a job")
            }

            // Each pair in one statement, so one snapshot: retention may roll calls up meanwhile.
            let totals = try #require(
                try rows(
                    database,
                    """
                    SELECT (SELECT coalesce(sum(calls), 0) FROM analytics.cost_daily) AS view_calls,
                           (SELECT count(*) FROM llm_calls) + (SELECT coalesce(sum(calls), 0) FROM llm_call_daily)
                               AS table_calls,
                           (SELECT coalesce(sum(cost_usd), 0)::text FROM analytics.cost_daily) AS view_cost,
                           ((SELECT coalesce(sum(cost_usd), 0) FROM llm_calls)
                               + (SELECT coalesce(sum(cost_usd), 0) FROM llm_call_daily))::text AS table_cost,
                           (SELECT coalesce(sum(samples), 0) FROM analytics.rejection_reasons) AS view_reasons,
                           (SELECT count(*) FROM samples, unnest(string_to_array(filter_reason, ',')) AS code
                            WHERE btrim(code) <> '') AS table_reasons,
                           (SELECT coalesce(sum(variants), 0) FROM analytics.augmentation_yield) AS view_variants,
                           (SELECT count(*) FROM samples WHERE lineage IS NOT NULL) AS table_variants,
                           (SELECT coalesce(sum(kept), 0) FROM analytics.augmentation_yield) AS view_kept_variants,
                           (SELECT count(*) FROM samples WHERE lineage IS NOT NULL AND kept) AS table_kept_variants,
                           (SELECT coalesce(sum(calls), 0) FROM analytics.augmentation_yield) AS view_augmentation_calls,
                           (SELECT count(*) FROM llm_calls WHERE purpose IN ('augmentation', 'similarity'))
                               AS table_augmentation_calls,
                           (SELECT coalesce(sum(samples), 0) FROM analytics.quality_by_template) AS view_samples,
                           (SELECT count(*) FROM samples) AS table_samples
                    """
                ).first)
            for figure in ["calls", "cost", "reasons", "variants", "kept_variants", "augmentation_calls", "samples"] {
                let fromView = try totals.decode("view_\(figure)", as: String.self)
                let fromTables = try totals.decode("table_\(figure)", as: String.self)
                #expect(Double(fromView) == Double(fromTables), "\(figure): view \(fromView), tables \(fromTables)")
            }

            let yield = try rows(
                database, "SELECT strategy, variants, calls FROM analytics.augmentation_yield WHERE strategy IS NOT NULL")
            let strategies = try Dictionary(uniqueKeysWithValues: yield.map {
                (try $0.decode("strategy", as: String.self), try $0.decode("variants", as: Int.self))
            })
            #expect((strategies["CDA"] ?? 0) > 0 && (strategies["ADA"] ?? 0) > 0, "\(strategies)")
        }

        @Test func qualityAndRejectionFiguresOfKnownSamples() throws {
            let database = try TestStack.database()
            let template = "analytics_\(UUID().uuidString.prefix(8).lowercased())"
            let job = UUID()
            let samples: [(JSONValue, Bool, String?)] = [
                (["overall": 1.0, "grammar": 0.9], true, nil),
                (["overall": 0.75, "grammar": 0.5], true, nil),
                (["overall": 0.35, "length": 0.1], false, "too_short,below_threshold,low_length"),
                (["overall": 0.72], false, "near_duplicate:4f1c,contains_pii"),
            ]
            for (index, (quality, kept, reason)) in samples.enumerated() {
                try database.execute(Self.insertSample, [job, index, template, quality, kept, reason])
            }

            let quality = try #require(
                try rows(
                    database,
                    """
                    SELECT samples, kept, kept_share::float8 AS kept_share, mean_overall, mean_grammar, mean_length,
                           mean_coherence
                    FROM analytics.quality_by_template WHERE template = $1 AND template_version = 'v2'
                    """, [template]
                ).first)
            #expect(try quality.decode("samples", as: Int.self) == 4)
            #expect(try quality.decode("kept", as: Int.self) == 2)
            #expect(try quality.decode("kept_share", as: Double.self) == 0.5)
            #expect(abs(try quality.decode("mean_overall", as: Double.self) - 0.705) < 1e-9)
            #expect(abs(try quality.decode("mean_grammar", as: Double.self) - 0.7) < 1e-9, "missing scores left out")
            #expect(abs(try quality.decode("mean_length", as: Double.self) - 0.1) < 1e-9)
            #expect(try quality.decodeIfPresent("mean_coherence", as: Double.self) == nil)

            let histogram = try rows(
                database,
                "SELECT low::text AS low, samples FROM analytics.quality_histogram WHERE template = $1 ORDER BY bucket",
                [template])
            let buckets = try histogram.map { "\(try $0.decode("low", as: String.self))=\(try $0.decode("samples", as: Int.self))" }
            #expect(buckets == ["0.3=1", "0.7=2", "0.9=1"], "1.0 falls in the last bucket")

            let reasons = try rows(
                database,
                "SELECT reason, samples FROM analytics.rejection_reasons WHERE template = $1 ORDER BY reason",
                [template])
            let counted = try reasons.map { "\(try $0.decode("reason", as: String.self))=\(try $0.decode("samples", as: Int.self))" }
            #expect(
                counted == [
                    "below_threshold=1", "contains_pii=1", "low_length=1", "near_duplicate=1", "too_short=1",
                ])
        }

        @Test func providerLatencyAndErrorsOfKnownCalls() throws {
            let database = try TestStack.database()
            let model = "model-\(UUID().uuidString.prefix(8).lowercased())"
            let calls: [(String, Int?, String, Double)] = [
                ("ok", 200, "0.5", 10), ("ok", 200, "0.25", 20), ("ok", 200, "0.25", 30), ("fatal", 500, "0", 40),
                ("cached", nil, "0", 0),
            ]
            for (status, http, cost, latency) in calls {
                try database.execute(Self.insertCall, [model, status, http, cost, latency])
            }
            let cost = try #require(
                try rows(
                    database,
                    "SELECT key_id, calls, errors, cached, cost_usd::text AS cost FROM analytics.cost_daily WHERE model = $1",
                    [model]
                ).first)
            #expect(try cost.decode("calls", as: Int.self) == 5)
            #expect(try cost.decode("errors", as: Int.self) == 1)
            #expect(try cost.decode("cached", as: Int.self) == 1)
            #expect(Double(try cost.decode("cost", as: String.self)) == 1.0)
            #expect(try cost.decodeIfPresent("key_id", as: String.self) == nil)

            let latency = try #require(
                try rows(
                    database,
                    """
                    SELECT p50_latency_ms, p95_latency_ms, error_share::float8 AS error_share
                    FROM analytics.provider_latency WHERE model = $1 AND purpose = 'generation'
                    """, [model]
                ).first)
            #expect(try latency.decode("p50_latency_ms", as: Double.self) == 25, "the cached call is left out")
            #expect(abs(try latency.decode("p95_latency_ms", as: Double.self) - 38.5) < 1e-9)
            #expect(try latency.decode("error_share", as: Double.self) == 0.2)

            let errors = try rows(
                database,
                """
                SELECT status, coalesce(http_status, 0) AS http, calls, share::float8 AS share
                FROM analytics.provider_errors WHERE model = $1 ORDER BY status
                """, [model])
            let shares = try errors.map {
                "\(try $0.decode("status", as: String.self))/\(try $0.decode("http", as: Int.self))="
                    + "\(try $0.decode("calls", as: Int.self))@\(try $0.decode("share", as: Double.self))"
            }
            #expect(shares == ["cached/0=1@0.2", "fatal/500=1@0.2", "ok/200=3@0.6"])
        }

        static let insertOwnedCall = Statement(
            "insert a provider call of a job",
            """
            INSERT INTO llm_calls (job_id, purpose, provider, model, prompt_hash, status, cost_usd, latency_ms,
                                   created_at)
            VALUES ($1, 'generation', 'analytics-test', $2, 'h', 'ok', $3::numeric, 10, $4)
            """)

        /// Cost per day and key of `model` as "day-key=cost", "today" for the current UTC day and "-" for no key.
        private func costByKey(_ database: Connection, _ model: String) throws -> Set<String> {
            let rows = try rows(
                database,
                """
                SELECT CASE WHEN day = (now() AT TIME ZONE 'UTC')::date THEN 'today' ELSE day::text END AS day,
                       coalesce(key_id, '-') AS key, cost_usd::float8 AS cost
                FROM analytics.cost_daily WHERE model = $1
                """, [model])
            return Set(try rows.map {
                "\(try $0.decode("day", as: String.self))-\(try $0.decode("key", as: String.self))="
                    + "\(try $0.decode("cost", as: Double.self))"
            })
        }

        @Test func costIsSplitByTheKeyOwningEachCallsJobBeforeAndAfterTheRollUp() throws {
            let database = try TestStack.database()
            let model = "model-\(UUID().uuidString.prefix(8).lowercased())"
            let liveKey = "live\(UUID().uuidString.prefix(8).lowercased())"
            let archivedKey = "done\(UUID().uuidString.prefix(8).lowercased())"
            // One job still in the queue (on a queue no consumer serves, so it stays there), one archived.
            let (liveJob, archivedJob) = (UUID(), UUID())
            _ = try rows(
                database,
                """
                INSERT INTO jobs (id, kind, queue, params, owner_key_id)
                VALUES ($1, 'generate', 'analytics-test', '{}', $2)
                """,
                [liveJob, liveKey])
            defer { _ = try? rows(database, "DELETE FROM jobs WHERE id = $1", [liveJob]) }
            _ = try rows(
                database,
                """
                INSERT INTO job_history (id, kind, queue, priority, params, attempt, max_attempts, outcome, progress,
                                         owner_key_id, created_at)
                VALUES ($1, 'generate', 'generation', 100, '{}', 1, 5, 'completed', 100, $2, now())
                """, [archivedJob, archivedKey])

            let old = Date() - 100 * 86_400
            let oldDay = String(RFC3339.format(old).prefix(10))
            let calls: [(UUID?, String, Date)] = [
                (liveJob, "0.5", Date()), (liveJob, "0.25", Date()), (archivedJob, "0.125", Date()), (nil, "1", Date()),
                (liveJob, "2", old), (archivedJob, "4", old), (nil, "8", old),
            ]
            for (job, cost, at) in calls { try database.execute(Self.insertOwnedCall, [job, model, cost, at]) }
            let expected: Set<String> = [
                "today-\(liveKey)=0.75", "today-\(archivedKey)=0.125", "today--=1.0",
                "\(oldDay)-\(liveKey)=2.0", "\(oldDay)-\(archivedKey)=4.0", "\(oldDay)--=8.0",
            ]
            #expect(try costByKey(database, model) == expected, "calls not rolled up yet")

            let pruner = LLMCallPruner(connection: database, config: LLMCallPruner.config())
            _ = try pruner.runOnce()
            #expect(try costByKey(database, model) == expected, "old calls rolled up, each day keeping its keys")

            // A later roll-up of the same day adds to the same rows, the anonymous one included.
            for (job, cost) in [(liveJob, "16"), (nil, "32")] as [(UUID?, String)] {
                try database.execute(Self.insertOwnedCall, [job, model, cost, old])
            }
            _ = try pruner.runOnce()
            let daily = try rows(
                database,
                """
                SELECT coalesce(key_id, '-') AS key, cost_usd::float8 AS cost FROM llm_call_daily
                WHERE provider = 'analytics-test' AND model = $1
                """, [model])
            let rolled = Set(try daily.map {
                "\(try $0.decode("key", as: String.self))=\(try $0.decode("cost", as: Double.self))"
            })
            #expect(rolled == ["\(liveKey)=18.0", "\(archivedKey)=4.0", "-=40.0"], "one row per day and key")
            let left = try rows(database, "SELECT count(*) AS n FROM llm_calls WHERE model = $1", [model])
            #expect(try left.first?.decode("n", as: Int.self) == 4, "today's calls stay")
        }

        /// Connects as `role` with the stack's other settings (a later keyword wins in a conninfo string).
        private func connect(as role: String) throws -> Connection {
            try Connection(conninfo: TestStack.databaseURL + " user=" + role, applicationName: "analytics-tests")
        }

        /// Whether `sql`, run as the connection's role, is refused for want of a privilege.
        private func isRefused(_ database: Connection, _ sql: String) -> Bool {
            do {
                _ = try rows(database, sql)
                return false
            } catch {
                return (error as? DatabaseError)?.sqlState == Self.insufficientPrivilege
            }
        }

        @Test func theAnalyticsRoleReadsTheViewsOnlyUnderATimeout() throws {
            let owner = try TestStack.database()
            // NOLOGIN as installed: let it log in for this test only (the stack trusts local connections).
            _ = try rows(owner, "ALTER ROLE analytics LOGIN")
            defer { _ = try? rows(owner, "ALTER ROLE analytics NOLOGIN") }
            let member = "analytics_reader_\(UUID().uuidString.prefix(8).lowercased())"
            _ = try rows(owner, "CREATE ROLE \(member) LOGIN IN ROLE analytics")
            defer { _ = try? rows(owner, "DROP ROLE \(member)") }

            let analytics = try connect(as: "analytics")
            let timeout = try rows(analytics, "SHOW statement_timeout").first?.decode("statement_timeout", as: String.self)
            #expect(timeout == "30s")
            for database in [analytics, try connect(as: member)] {
                #expect(throws: Never.self) { try rows(database, "SELECT * FROM analytics.cost_daily LIMIT 5") }
                #expect(throws: Never.self) { try rows(database, "SELECT * FROM analytics.rejection_reasons LIMIT 5") }
                #expect(isRefused(database, "SELECT count(*) FROM samples"), "no reading the tables themselves")
                #expect(isRefused(database, "SELECT count(*) FROM llm_calls"))
                #expect(isRefused(database, "SELECT count(*) FROM audit_log"))
                #expect(isRefused(database, "INSERT INTO maintenance_runs (task) VALUES ('analytics')"))
                #expect(isRefused(database, "DELETE FROM samples"))
                #expect(isRefused(database, "INSERT INTO llm_call_daily SELECT * FROM llm_call_daily"))
                #expect(isRefused(database, "CREATE TABLE analytics.scratch (a integer)"))
                #expect(isRefused(database, "CREATE TABLE public.scratch (a integer)"))
            }
        }
    }
}
