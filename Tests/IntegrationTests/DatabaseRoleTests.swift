import Foundation
import Shared
import Testing

extension StackTests {
    /// The handlers' and consumers' database roles (sql/0023), connected as the login roles the stack runs
    /// them with: rows yes, schema and audit changes no.
    @Suite
    struct DatabaseRoleTests {
        static let roles = [
            ("DATAFORGE_API_DATABASE_URL", "dataforge_api"),
            ("DATAFORGE_CONSUMER_DATABASE_URL", "dataforge_consumer"),
        ]

        func connect(_ variable: String) throws -> Connection {
            let url = try #require(TestStack.environment[variable], "the stack exports \(variable)")
            return try Connection(conninfo: url, applicationName: "integration-tests")
        }

        /// Runs `sql`, expecting PostgreSQL to refuse it for want of privilege (not a trigger's refusal).
        func expectRefused(_ connection: Connection, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try connection.execute(Statement("refused", sql))
                Issue.record("allowed: \(sql)", sourceLocation: sourceLocation)
            } catch {
                #expect(error.sqlState?.rawValue == "42501", "\(sql): \(error.debugDescription)", sourceLocation: sourceLocation)
                #expect(error.message.contains("permission denied"), "\(sql): \(error.message)", sourceLocation: sourceLocation)
            }
        }

        @Test(arguments: roles)
        func aRoleConnectsAsAMemberThatOwnsNothing(variable: String, group: String) throws {
            let rows = try connect(variable).execute(
                Statement(
                    "role of the session",
                    """
                    SELECT current_user AS name, pg_has_role(current_user, $1, 'MEMBER') AS member,
                           r.rolsuper AS superuser, r.rolcreaterole OR r.rolcreatedb AS creates,
                           (SELECT count(*) FROM pg_class c WHERE c.relowner IN (r.oid, g.oid)) AS owned
                    FROM pg_roles r, pg_roles g WHERE r.rolname = current_user AND g.rolname = $1
                    """), [group])
            let row = try #require(rows.first)
            #expect(try row.decode("name", as: String.self) == group + "_login")
            #expect(try row.decode("member", as: Bool.self))
            #expect(try !row.decode("superuser", as: Bool.self))
            #expect(try !row.decode("creates", as: Bool.self))
            #expect(try row.decode("owned", as: Int.self) == 0)
        }

        @Test(arguments: roles)
        func aRoleCannotChangeTheSchema(variable: String, group: String) throws {
            let connection = try connect(variable)
            expectRefused(connection, "CREATE TABLE role_probe (id int)")
            expectRefused(connection, "CREATE TABLE analytics.role_probe (id int)")
            expectRefused(connection, "CREATE FUNCTION role_probe() RETURNS int LANGUAGE sql AS 'SELECT 1'")
            expectRefused(connection, "ALTER TABLE jobs ADD COLUMN role_probe int")
            expectRefused(connection, "DROP TABLE samples")
            expectRefused(connection, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update")
            expectRefused(connection, "INSERT INTO schema_migrations (version, name) VALUES (9999, 'probe')")
        }

        @Test(arguments: roles)
        func aRoleCannotAlterOrDeleteAuditRows(variable: String, group: String) throws {
            let connection = try connect(variable)
            // Rows to refuse changing: the job ends of the other suites, and one this role writes itself.
            let fixture = QueueFixture(database: connection)
            let id = try fixture.enqueue()
            _ = try fixture.claim()
            #expect(try fixture.record(id, .completed(result: .object([:]))))
            let audited = try connection.execute(
                Statement("audit rows of a job", "SELECT count(*) AS n FROM audit_log WHERE subject_id = $1::uuid::text"),
                [id])
            #expect(try #require(audited.first).decode("n", as: Int.self) >= 1)
            expectRefused(connection, "UPDATE audit_log SET actor = 'someone else'")
            expectRefused(connection, "DELETE FROM audit_log")
            expectRefused(connection, "TRUNCATE audit_log")
        }

        @Test func theConsumerOnlyReadsKeysAndDatasets() throws {
            let consumer = try connect("DATAFORGE_CONSUMER_DATABASE_URL")
            _ = try consumer.execute(Statement("read keys", "SELECT count(*) FROM api_keys"))
            _ = try consumer.execute(Statement("read versions", "SELECT count(*) FROM dataset_versions"))
            expectRefused(consumer, "UPDATE api_keys SET revoked_at = now()")
            expectRefused(consumer, "DELETE FROM datasets")
            expectRefused(consumer, "DELETE FROM dataset_version_samples")
        }

        @Test(arguments: roles)
        func aRoleDoesItsNormalWork(variable: String, group: String) throws {
            let fixture = QueueFixture(database: try connect(variable))
            let id = try fixture.enqueue()
            let claimed = try fixture.claim()
            #expect(claimed.id == id)
            #expect(try fixture.record(id, .completed(result: .object([:]))))
            #expect(try fixture.job(id).state == .completed)
        }

        @Test func theConsumerCreatesHistoryPartitionsAndTheAPICannot() throws {
            let month = "2091-07-01T00:00:00Z"
            expectRefused(
                try connect("DATAFORGE_API_DATABASE_URL"), "SELECT job_history_create_partition('\(month)')")
            let consumer = try connect("DATAFORGE_CONSUMER_DATABASE_URL")
            _ = try consumer.execute(
                Statement("create a partition", "SELECT job_history_create_partition($1::timestamptz) AS moved"),
                [month])
            let owner = try TestStack.database()
            let rows = try owner.execute(
                Statement(
                    "partition owner",
                    "SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'job_history_209107'"))
            #expect(try #require(rows.first).decode("owner", as: String.self) == "dataforge")
            _ = try owner.execute(Statement("drop the probe partition", "DROP TABLE job_history_209107"))
        }

        @Test func migrationsRanAsTheOwner() throws {
            let rows = try TestStack.database().execute(
                Statement(
                    "owners of the schema",
                    """
                    SELECT current_user AS me, count(*) FILTER (WHERE pg_get_userbyid(c.relowner) <> current_user) AS others,
                           count(*) AS objects
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname IN ('public', 'analytics')
                    """))
            let row = try #require(rows.first)
            #expect(try row.decode("me", as: String.self) == "dataforge")
            #expect(try row.decode("objects", as: Int.self) > 20)
            #expect(try row.decode("others", as: Int.self) == 0)
        }
    }
}
