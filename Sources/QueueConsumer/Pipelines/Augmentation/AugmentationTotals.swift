import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `augmentation` member of an augmented job's result metadata, read from its samples and calls.
enum AugmentationTotals {
    static func json(
        jobID: UUID, request: AugmentationRequest?, budgetStop: String?, connection: Connection
    ) throws(DatabaseError) -> JSONValue {
        let samples = SampleStore(connection)
        let originals = try samples.totals(jobID: jobID).originals
        let outcomes = try samples.augmentationOutcomes(of: jobID)
        let stages = try LLMCallStore(connection).totalsByPurpose(jobID: jobID)
        var object: JSONObject = [
            "strategies_requested": .array((request?.strategies ?? []).map { .string($0.rawValue) }),
            "augment_ratio": request.map { .double($0.ratio) } ?? .null,
            "variants_per_sample": request.map { .int($0.variantsPerSample) } ?? .null,
            "max_augmentation_calls": request?.maxCalls.map(JSONValue.int) ?? .null,
            "judge": request.map { .string($0.similarityJudge.rawValue) } ?? .null,
            "originals_kept": .int(originals),
            "originals_augmented": .int(request?.originalsToAugment(kept: originals) ?? 0),
            "augmented_produced": .int(outcomes.reduce(0) { $0 + $1.kept }),
            "augmented_rejected": .int(outcomes.reduce(0) { $0 + $1.rejected }),
            "strategies": .object(JSONObject(outcomes.map { (key: $0.strategy.rawValue, value: $0.json) })),
            "stages": .object(JSONObject(stages.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.json) })),
            "budget_exhausted": budgetStop.map(JSONValue.string) ?? .null,
        ]
        if budgetStop != nil {
            object["note"] = .string("A budget ran out: the job completed with the variants it had")
        }
        return .object(object)
    }
}
