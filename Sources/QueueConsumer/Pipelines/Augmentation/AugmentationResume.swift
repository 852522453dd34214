import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What earlier runs of an augmented job left for its augmentation.
struct AugmentationResume {
    var keptOriginals: [(index: Int, text: String)]
    /// Variant indices already stored.
    var storedVariants: Set<Int>
    /// Calls the augmentation stage already made (paraphrases and similarity judgements).
    var callsMade: Int

    static let fresh = AugmentationResume(keptOriginals: [], storedVariants: [], callsMade: 0)

    init(keptOriginals: [(index: Int, text: String)], storedVariants: Set<Int>, callsMade: Int) {
        self.keptOriginals = keptOriginals
        self.storedVariants = storedVariants
        self.callsMade = callsMade
    }

    /// Read for a job whose variants are numbered from `base`, beside its `ResumePoint`.
    init(jobID: UUID, base: Int, resume: ResumePoint, connection: Connection) throws(DatabaseError) {
        keptOriginals = try SampleStore(connection).keptOriginals(of: jobID)
        storedVariants = resume.storedIndices.filter { $0 >= base }
        let calls = try LLMCallStore(connection).totalsByPurpose(jobID: jobID)
        callsMade = [CallPurpose.augmentation, .similarity].reduce(0) { $0 + (calls[$1.rawValue]?.calls ?? 0) }
    }
}
