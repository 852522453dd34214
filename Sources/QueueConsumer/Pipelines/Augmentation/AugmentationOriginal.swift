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

    /// The aspect terms as the text writes them (a plural stays plural): what every variant must keep.
    var writtenTerms: [String] { aspects.firstMentions.map(\.written) }
}
