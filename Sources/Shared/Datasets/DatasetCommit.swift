#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A validated `POST /api/datasets/{name}/versions` body: `{job_ids?, filter?, note?}`, at least one of the
/// first two.
public struct DatasetCommit: Sendable, Equatable {
    /// nil: samples of any job.
    public var jobIDs: [UUID]?
    public var filter: DatasetFilter
    public var note: String

    static let maxJobIDs = 1000

    /// Reads the body, reporting every bad field at its `loc` (`["body","filter","min_quality"]`).
    public static func validated(_ object: JSONObject) throws(APIError) -> DatasetCommit {
        var reader = FieldReader(source: .body, fields: object)
        reader.allowAbsent("job_ids", "filter", "note")
        var errors: [FieldError] = []
        let idTexts = reader.strings("job_ids", default: nil, maxCount: maxJobIDs, length: 1...64)
        var jobIDs: [UUID]?
        if let idTexts {
            jobIDs = []
            for (index, text) in idTexts.enumerated() {
                if let id = UUID(sqlText: text) {
                    jobIDs?.append(id)
                } else {
                    reader.fail(at: ["job_ids", String(index)], type: "uuid_parsing", msg: "Input should be a valid UUID")
                }
            }
        }
        let note = reader.string("note", default: "", length: 0...1000)
        var filter = DatasetFilter()
        switch object["filter"] {
        case nil, .null?:
            if object["job_ids"] == nil || object["job_ids"] == .null {
                reader.fail(at: [], type: "missing", msg: "Field required: job_ids or filter")
            }
        case .object(let fields)?:
            filter = Self.filter(fields, errors: &errors)
        default:
            reader.fail("filter", type: "dict_type", msg: "Input should be a valid dictionary")
        }
        errors = reader.errors + errors
        guard errors.isEmpty, let note else { throw .validation(errors) }
        return DatasetCommit(jobIDs: jobIDs, filter: filter, note: note)
    }

    private static func filter(_ fields: JSONObject, errors: inout [FieldError]) -> DatasetFilter {
        var reader = FieldReader(source: .body, fields: fields)
        reader.allowAbsent("template", "template_version", "min_quality", "from", "to", "product", "strategy")
        var filter = DatasetFilter()
        filter.template = reader.string("template", default: nil, length: 1...64)
        filter.templateVersion = reader.string("template_version", default: nil, length: 1...16)
        filter.minQuality = reader.double("min_quality", default: nil, in: 0...1)
        filter.keptOnly = reader.bool("kept_only", default: true) ?? true
        filter.from = time("from", reader: &reader)
        filter.to = time("to", reader: &reader)
        filter.product = reader.string("product", default: nil, length: 1...200)
        filter.strategy = reader.string("strategy", default: nil, length: 1...32)
        let strategies = ["original"] + AugmentationStrategy.allCases.map(\.rawValue)
        if let strategy = filter.strategy, !strategies.contains(strategy) {
            reader.fail(
                "strategy", type: "enum",
                msg: "Input should be \(strategies.map { "'\($0)'" }.joined(separator: ", "))")
        }
        if let from = filter.from, let to = filter.to, to <= from {
            reader.fail("to", type: "value_error", msg: "Value error, to must be after from")
        }
        // Located inside the filter object, as clients read nested errors.
        errors += reader.errors.map { error in
            FieldError(type: error.type, loc: ["body", "filter"] + error.loc.dropFirst(), msg: error.msg)
        }
        return filter
    }

    private static func time(_ field: String, reader: inout FieldReader) -> Date? {
        guard let text = reader.string(field, default: nil, length: 1...64) else { return nil }
        guard let date = RFC3339.parse(text) else {
            reader.fail(field, type: "datetime_parsing", msg: "Input should be a valid RFC 3339 datetime")
            return nil
        }
        return date
    }
}
