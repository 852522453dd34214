import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A kept sample the augmentation stage makes variants of, with its aspect mentions found once.
struct AugmentationOriginal {
    var index: Int
    var id: UUID
    var text: String
    var aspects: AspectExtraction
    /// What the variant checks need of it, worked out once for all its variants.
    var prepared: VariantCheck.Original
    /// Its id and the ids every variant of it may have: its variants may be close to these (`SampleDraft.family`).
    var family: Set<UUID>
    /// The provider's alternatives for its terms (`aspect_alternatives=llm`), once named; else the lexicon's.
    var swaps: AspectReplacer?

    /// The first mentions' terms with their categories, as an alternatives prompt lists them.
    var termsWithCategories: [(term: String, category: String)] {
        aspects.firstMentions.map { ($0.term, $0.category.rawValue) }
    }

    /// The aspect terms as the text writes them (a plural stays plural): what every variant must keep.
    var writtenTerms: [String] { aspects.firstMentions.map(\.written) }
}
