import Shared

/// The last stage: puts the de-duplication index's answer (verdict and nearest similarity) into the scores and decides whether the sample is
/// kept, with every reason when it is not. Run by the writer, inside the transaction that asked the index.
struct FilterStage: PipelineStage {
    let origin: SampleOrigin
    /// The job's `min_quality_score`.
    let threshold: Double
    /// Whether a score below the threshold (or outside the length limits) rejects; duplicates and rejected
    /// personal data always do.
    let filters: Bool

    /// `answer` is nil for a draft that failed locally: it was never compared with the index.
    func run(_ input: (draft: SampleDraft, answer: DedupAnswer?)) -> Sample {
        let draft = input.draft
        let answer = Self.excusingFamily(input.answer, of: draft)
        var reasons: [RejectionReason] = []
        var scores = draft.scores
        if let local = scores {
            let revised = local.revised(uniqueness: answer?.uniqueness, threshold: threshold)
            scores = revised
            if filters { reasons += revised.reasons }
        }
        reasons += draft.localReasons.filter(\.isFinal)
        switch answer?.verdict {
        case .exactDuplicate(let original): reasons.append(.duplicate(of: original))
        case .nearDuplicate(let original, let jaccard): reasons.append(.nearDuplicate(of: original, jaccard: jaccard))
        case .unique, nil: break
        }
        return sample(draft, scores: scores, reasons: reasons)
    }

    /// A variant is meant to stay close to its original and its siblings (its variant check bounds how close):
    /// only a match with another sample makes it a near-duplicate. Its uniqueness then stays the local one.
    private static func excusingFamily(_ answer: DedupAnswer?, of draft: SampleDraft) -> DedupAnswer? {
        guard case .nearDuplicate(let match, _)? = answer?.verdict, draft.family.contains(match) else { return answer }
        return nil
    }

    private func sample(_ draft: SampleDraft, scores: QualityScores?, reasons: [RejectionReason]) -> Sample {
        var metadata = origin.metadata
        metadata["sample_index"] = .int(draft.index)
        metadata["model"] = .string(draft.model)
        if draft.variation != [:] { metadata["variation"] = draft.variation }
        if !draft.pii.isEmpty { metadata["pii"] = .array(draft.pii.map { .string($0.rawValue) }) }
        var quality: JSONObject = scores?.json ?? [:]
        if let scores { metadata["quality_score"] = quality["overall"] ?? .double(scores.overall) }
        quality["coherence_source"] = .string(draft.coherenceSource)
        quality["threshold"] = .double(threshold)
        if !reasons.isEmpty { quality["reasons"] = .array(reasons.map(\.json)) }
        if !draft.pii.isEmpty { quality["pii"] = .array(draft.pii.map { .string($0.rawValue) }) }
        var lineage = draft.lineage?.json
        if lineage != nil {
            lineage?["quality_score"] = metadata["quality_score"] ?? .null
            for (key, value) in (lineage ?? [:]).members { metadata[key] = value }
        }
        var sample = Sample(
            jobID: origin.jobID, index: draft.index, id: SampleSeed.sampleID(jobID: origin.jobID, index: draft.index),
            kind: origin.kind, product: origin.product, templateVersion: origin.templateVersion,
            promptVersion: draft.lineage?.promptVersion(of: origin.promptVersion) ?? origin.promptVersion,
            temperature: origin.temperature, text: draft.text,
            tokensEstimated: TokenEstimator.estimate(draft.text), provider: origin.provider, model: draft.model,
            metadata: .object(metadata))
        sample.template = origin.template
        sample.quality = .object(quality)
        sample.kept = reasons.isEmpty
        sample.filterReason = reasons.isEmpty ? nil : Self.codes(reasons)
        sample.contentHash = draft.fingerprint?.contentHash
        sample.lineage = lineage.map(JSONValue.object)
        return sample
    }

    /// Each code once, in order of first appearance.
    private static func codes(_ reasons: [RejectionReason]) -> String {
        var seen: Set<String> = []
        return reasons.map(\.code).filter { seen.insert($0).inserted }.joined(separator: ",")
    }
}
