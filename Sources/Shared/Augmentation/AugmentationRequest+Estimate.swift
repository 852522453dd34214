extension AugmentationRequest {
    /// Prompt tokens of one paraphrase call besides the original it rewrites: instructions and framing.
    public static let expectedInstructionTokens = 150

    /// Provider calls the augmentation of `kept` originals is expected to make: one per augmented original when
    /// CDA or CADA is asked (the variants of both come from that one call), none for ADA alone, whose swaps are
    /// local; never more than `maxCalls`. An LLM similarity judge is batched and cached, and not counted.
    public func expectedCalls(kept: Int) -> Int {
        guard strategies.contains(where: \.rewritesContext) else { return 0 }
        let calls = originalsToAugment(kept: kept)
        return maxCalls.map { min($0, calls) } ?? calls
    }

    /// Prompt tokens of those calls: the instructions and one original sample each.
    public func expectedInputTokens(kept: Int) -> Int {
        expectedCalls(kept: kept) * (Self.expectedInstructionTokens + TokenEstimator.expectedSampleTokens)
    }

    /// Completion tokens of those calls: each call writes `variantsPerSample` sample-length variants per
    /// rewriting strategy asked.
    public func expectedOutputTokens(kept: Int) -> Int {
        let rewriting = strategies.filter(\.rewritesContext).count
        return expectedCalls(kept: kept) * rewriting * variantsPerSample * TokenEstimator.expectedSampleTokens
    }
}
