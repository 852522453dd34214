#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where an augmented sample comes from and what it changed: kept in its `metadata` and its `lineage` column.
public struct VariantLineage: Sendable, Equatable {
    public var slot: VariantSlot
    /// The original's sample id (a sample of the same job).
    public var originalSampleID: UUID
    /// Aspect terms the variant kept as written.
    public var preservedAspects: [String]
    /// Aspect terms it replaced (ADA, CADA).
    public var changedElements: [AspectChange]
    /// Similarity to the original, 0…1.
    public var similarity: Double
    /// `local` (character trigrams) or `llm` (a similarity judge).
    public var similaritySource: String
    /// Where a swapped-in term came from: `lexicon` or `llm`; nil when nothing was swapped.
    public var alternativesSource: String?

    public init(
        slot: VariantSlot, originalSampleID: UUID, preservedAspects: [String], changedElements: [AspectChange],
        similarity: Double, similaritySource: String = "local"
    ) {
        self.slot = slot
        self.originalSampleID = originalSampleID
        self.preservedAspects = preservedAspects
        self.changedElements = changedElements
        self.similarity = similarity
        self.similaritySource = similaritySource
    }

    /// The sample's `prompt_version`: `"{version}_aug_{strategy}"`.
    public func promptVersion(of version: String) -> String {
        "\(version)_aug_\(slot.strategy.rawValue)"
    }

    /// The members the metadata and the `lineage` column hold.
    public var json: JSONObject {
        [
            "augmentation_strategy": .string(slot.strategy.rawValue),
            "original_sample_id": .string(originalSampleID.sqlText), "original_index": .int(slot.originalIndex),
            "variant_index": .int(slot.variant),
            "preserved_aspects": .array(preservedAspects.map(JSONValue.string)),
            "changed_elements": .array(changedElements.map { change in
                ["from": .string(change.from), "to": .string(change.to), "category": .string(change.category.rawValue)]
            }),
            "similarity": .double((similarity * 1000).rounded() / 1000),
            "similarity_source": .string(similaritySource),
            "alternatives_source": alternativesSource.map(JSONValue.string) ?? .null,
        ]
    }
}
