#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension GenerationRequest {
    /// The body fields that shape samples beyond the product, read with the others so that every failing
    /// field is reported at once.
    struct BodyControls {
        var lengthWords: ClosedRange<Int>?
        var constraints: [String] = []
        var dedupScope = DedupScopeKind.job
        var datasetID: UUID?
        var datasetName: String?
        var samplesPerCall: Int?
    }

    /// Reads `min_words`, `max_words`, `constraints`, `dedup_scope`, `dataset_id` and `dataset` (a dataset's
    /// name, the alternative to its id); failures go to `reader`. Whether the dataset exists is checked at enqueue.
    static func readBodyControls(_ reader: inout FieldReader) -> BodyControls {
        var controls = BodyControls()
        reader.allowAbsent("min_words", "max_words", "dataset_id", "dataset", "samples_per_call")
        controls.samplesPerCall = reader.int("samples_per_call", default: nil, in: samplesPerCallBounds)
        let low = reader.int("min_words", default: nil, in: lengthWordsBounds)
        let high = reader.int("max_words", default: nil, in: lengthWordsBounds)
        if (low != nil || high != nil) && !reader.hasFailed("min_words") && !reader.hasFailed("max_words") {
            let range = (low ?? lengthWordsBounds.lowerBound, high ?? lengthWordsBounds.upperBound)
            if range.0 <= range.1 {
                controls.lengthWords = range.0...range.1
            } else {
                reader.fail(
                    "max_words", type: "value_error",
                    msg: "Value error, max_words must be greater than or equal to min_words")
            }
        }
        for (index, raw) in (reader.strings("constraints", default: [], maxCount: 10, length: 1...200) ?? []).enumerated() {
            guard let constraint = ProductName.sanitise(raw) else {
                reader.fail(
                    at: ["constraints", String(index)], type: "value_error",
                    msg: "Value error, A constraint must contain at least 2 letters, digits or allowed punctuation")
                continue
            }
            controls.constraints.append(constraint)
        }
        if let name = reader.string("dedup_scope", default: DedupScopeKind.job.rawValue, length: 1...20) {
            guard let scope = DedupScopeKind(rawValue: name) else {
                let names = DedupScopeKind.allCases.map(\.rawValue).joined(separator: ", ")
                reader.fail("dedup_scope", type: "value_error", msg: "Value error, dedup_scope must be one of \(names)")
                return controls
            }
            controls.dedupScope = scope
        }
        if let text = reader.string("dataset_id", default: nil, length: 1...64) {
            controls.datasetID = UUID(text: text)
            if controls.datasetID == nil {
                reader.fail("dataset_id", type: "uuid_parsing", msg: "Input should be a valid UUID")
            }
        }
        controls.datasetName = reader.string("dataset", default: nil, length: 1...100)
        if controls.dedupScope == .dataset && controls.datasetID == nil && controls.datasetName == nil
            && !reader.hasFailed("dataset_id") && !reader.hasFailed("dataset")
        {
            reader.fail("dataset_id", type: "missing", msg: "Field required when dedup_scope is dataset (or dataset, its name)")
        }
        return controls
    }

    /// Takes the controls read from the body.
    mutating func apply(_ controls: BodyControls) {
        lengthWords = controls.lengthWords
        constraints = controls.constraints
        dedupScope = controls.dedupScope
        datasetID = controls.datasetID
        datasetName = controls.datasetName
        samplesPerCall = controls.samplesPerCall
    }
}
