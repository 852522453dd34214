/// One augmented variant a job makes: which original, which strategy, which variant. Its sample index is fixed
/// by those three, so a resumed job finds the variants already stored and makes only the others.
public struct VariantSlot: Sendable, Hashable {
    public var originalIndex: Int
    public var strategy: AugmentationStrategy
    /// 0-based; `variant_index` in the lineage.
    public var variant: Int

    public init(originalIndex: Int, strategy: AugmentationStrategy, variant: Int) {
        self.originalIndex = originalIndex
        self.strategy = strategy
        self.variant = variant
    }

    /// The variant's sample index: after every index an original may have (`base`), in blocks per original,
    /// strategy and variant. Strategies are numbered by their fixed order, not the request's, so the index
    /// does not depend on how the request listed them.
    public func sampleIndex(base: Int) -> Int {
        let strategyNumber = AugmentationStrategy.allCases.firstIndex(of: strategy) ?? 0
        let perOriginal = AugmentationStrategy.allCases.count * AugmentationRequest.variantsPerSampleBounds.upperBound
        return base + originalIndex * perOriginal + strategyNumber * AugmentationRequest.variantsPerSampleBounds.upperBound
            + variant
    }

    /// The slots of one original under `request`, strategy by strategy in the request's order.
    public static func slots(of originalIndex: Int, _ request: AugmentationRequest) -> [VariantSlot] {
        request.strategies.flatMap { strategy in
            (0..<request.variantsPerSample).map { VariantSlot(originalIndex: originalIndex, strategy: strategy, variant: $0) }
        }
    }
}
