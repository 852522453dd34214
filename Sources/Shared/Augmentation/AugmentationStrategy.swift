/// The augmentation strategies of the earlier service's contract, in its fixed order.
public enum AugmentationStrategy: String, Sendable, CaseIterable, Codable {
    /// Context-focused: paraphrase the context, keep every aspect term and the sentiment.
    case cda = "CDA"
    /// Aspect-focused: replace aspect terms with same-category alternatives, keep context and sentiment.
    case ada = "ADA"
    /// Both on one text.
    case cada = "CADA"

    /// The name shown by `/api/augmentation/strategies` (API-COMPAT, fixed texts).
    public var title: String {
        switch self {
        case .cda: "Context-Focused Data Augmentation"
        case .ada: "Aspect-Focused Data Augmentation"
        case .cada: "Context-Aspect Data Augmentation"
        }
    }

    /// What it changes and keeps (API-COMPAT, fixed texts).
    public var summary: String {
        switch self {
        case .cda: "Changes contextual words while keeping aspect terms and sentiment polarity"
        case .ada: "Replaces aspect terms with suitable alternatives"
        case .cada: "Combines both context and aspect augmentation"
        }
    }

    /// Its usage note (API-COMPAT, fixed texts).
    public var usageNote: String {
        switch self {
        case .cda: "Best for increasing semantic diversity while preserving meaning"
        case .ada: "Best for improving robustness to different aspect terms"
        case .cada: "Best overall performance but computationally intensive"
        }
    }

    /// What it is best for (API-COMPAT, fixed texts), shown as `best_for`.
    public var bestFor: String {
        switch self {
        case .cda: "Semantic richness and diversity"
        case .ada: "Aspect-term diversity and robustness"
        case .cada: "Best overall, costliest"
        }
    }

    /// Whether its variants are written by the provider (one paraphrase call per original); ADA's swaps are
    /// made locally from the aspect lexicon.
    public var rewritesContext: Bool { self != .ada }

    /// The strategies named in a request, in the order given and each once (`CDA` when none is named), or the
    /// earlier service's 400 naming every bad one and the valid ones in their fixed order.
    public static func parse(_ names: [String]) -> Result<[AugmentationStrategy], APIError> {
        var strategies: [AugmentationStrategy] = []
        var invalid: [String] = []
        for name in names {
            guard let strategy = AugmentationStrategy(rawValue: name) else {
                invalid.append(name)
                continue
            }
            if !strategies.contains(strategy) { strategies.append(strategy) }
        }
        guard invalid.isEmpty else {
            let valid = allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(.badRequest(
                "Invalid augmentation strategies: \(invalid.joined(separator: ", ")). Valid options: \(valid)"))
        }
        return .success(strategies.isEmpty ? [.cda] : strategies)
    }
}
