import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /api/jobs?status=&limit=&cursor=`: jobs newest first, one page at a time.
///
/// Pages use a keyset cursor (the last job's creation time and id), so deep pages cost what the first does.
struct ListJobs: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var reader = FieldReader(source: .query, fields: request.queryFields)
        reader.allowAbsent("status", "cursor")
        let limit = reader.int("limit", default: 20, in: 1...100)
        let statusName = reader.string("status", default: nil, length: 1...20)
        let cursorText = reader.string("cursor", default: nil, length: 1...100)
        let state = statusName.flatMap(JobState.init(rawValue:))
        if statusName != nil && state == nil {
            let names = JobState.allCases.map(\.rawValue).joined(separator: ", ")
            reader.fail("status", type: "value_error", msg: "Value error, status must be one of \(names)")
        }
        let cursor = cursorText.flatMap(Self.parseCursor)
        if cursorText != nil && cursor == nil {
            reader.fail("cursor", type: "value_error", msg: "Value error, invalid cursor")
        }
        guard reader.errors.isEmpty, let limit else { throw APIError.validation(reader.errors) }
        let jobs = try JobStore(try context.connection()).list(
            state: state, after: cursor, limit: limit, ownedBy: context.visibleOwner)
        let next: JSONValue = jobs.count == limit ? jobs.last.map { .string(Self.cursor(for: $0)) } ?? .null : .null
        return .json(["jobs": .array(jobs.map(JobView.summary)), "limit": .int(limit), "next_cursor": next])
    }

    static func cursor(for job: JobRecord) -> String {
        RFC3339.format(job.createdAt) + "_" + job.id.sqlText
    }

    static func parseCursor(_ text: String) -> (Date, UUID)? {
        let parts = text.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, let date = RFC3339.parse(String(parts[0])), let id = UUID(text: parts[1])
        else { return nil }
        return (date, id)
    }
}
