#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension GenerationRequest {
    /// The score below which a filtered sample is rejected when the request names none.
    public static let defaultMinQualityScore = 0.6
    /// Bounds of `min_words` and `max_words`.
    public static let lengthWordsBounds = 1...2000
    /// Bounds of `samples_per_call`, the job's own `DATAFORGE_SAMPLES_PER_CALL`.
    public static let samplesPerCallBounds = 1...20

    /// The controls' members of `params`; absent keys read back as the defaults, so params stored before
    /// the controls existed still describe the same job.
    var controlParams: JSONObject {
        var object: JSONObject = [
            "few_shot": .bool(fewShot), "quality_filter": .bool(qualityFilter),
            "min_quality_score": .double(minQualityScore),
        ]
        object["min_words"] = lengthWords.map { .int($0.lowerBound) }
        object["max_words"] = lengthWords.map { .int($0.upperBound) }
        object["constraints"] = .array(constraints.map(JSONValue.string))
        object["dedup_scope"] = .string(dedupScope.rawValue)
        object["dataset_id"] = datasetID.map { .string($0.sqlText) }
        object["samples_per_call"] = samplesPerCall.map(JSONValue.int)
        object["augmentation"] = augmentation?.params
        return object
    }

    /// Sets the controls from `params` as `controlParams` wrote them.
    mutating func readControls(_ params: JSONValue) {
        if case .bool(let flag) = params["few_shot"] { fewShot = flag }
        if case .bool(let flag) = params["quality_filter"] { qualityFilter = flag }
        minQualityScore = params["min_quality_score"]?.doubleValue ?? Self.defaultMinQualityScore
        if let low = params["min_words"]?.intValue, let high = params["max_words"]?.intValue, low <= high {
            lengthWords = low...high
        }
        constraints = params["constraints"]?.arrayValue?.compactMap(\.stringValue) ?? []
        dedupScope = params["dedup_scope"]?.stringValue.flatMap(DedupScopeKind.init(rawValue:)) ?? .job
        datasetID = params["dataset_id"]?.stringValue.flatMap { UUID(text: $0) }
        samplesPerCall = params["samples_per_call"]?.intValue
        augmentation = AugmentationRequest(params: params["augmentation"])
    }
}
