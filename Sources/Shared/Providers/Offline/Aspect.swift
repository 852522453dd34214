/// One facet of a product that customers talk about, with clauses for every sentiment and purpose.
///
/// Clauses are written in the third person ("the battery drains overnight") so a customer and an assistant
/// can both use them inside a frame ("The problem is that {clause}.").
struct Aspect: Sendable {
    /// A noun phrase that reads after "the": "battery", "companion app".
    let name: String
    let families: Set<ProductFamily>
    /// Whether the aspect is specific to its families, which makes it a likelier topic than generic ones.
    let core: Bool
    /// Independent clauses describing a problem.
    let faults: [String]
    /// Independent clauses praising it.
    let merits: [String]
    /// Noun phrases naming a capability to ask for; empty when the aspect is no feature topic.
    let wishes: [String]
    /// Gerund phrases a customer may already have tried: "reinstalling the app"; empty when the aspect is no
    /// support topic (a late delivery or a price reads oddly next to "it happens twice a day").
    let attempts: [String]
    /// Imperative phrases an assistant may suggest: "sign out and sign back in".
    let fixes: [String]
    /// Whether its faults come and go, so a customer can say how often they happen.
    let recurs: Bool
    /// Whether its fixes are claims (a replacement, a refund) rather than advice that also reads as a tip.
    let claims: Bool

    init(
        _ name: String, for families: Set<ProductFamily>, core: Bool = true, claims: Bool = false, recurs: Bool = true,
        faults: [String], merits: [String], wishes: [String] = [], attempts: [String] = [], fixes: [String] = []
    ) {
        self.name = name
        self.families = families
        self.core = core
        self.faults = faults
        self.merits = merits
        self.wishes = wishes
        self.attempts = attempts
        self.fixes = fixes
        self.recurs = recurs
        self.claims = claims
    }

    /// Whether a customer would ask support to troubleshoot it.
    var isSupportTopic: Bool { !attempts.isEmpty && !fixes.isEmpty }
    var isFeatureTopic: Bool { !wishes.isEmpty }

    /// Whether it can be the main topic of a text of `kind`; a reply with good news needs a feature to praise.
    func suits(_ kind: SampleKind, _ band: SentimentBand) -> Bool {
        switch kind {
        case .supportRequest: isSupportTopic
        case .featureRequest: isFeatureTopic
        case .chatbotConversation: band == .positive ? isFeatureTopic : isSupportTopic
        case .productReview: true
        }
    }

    static let catalog: [Aspect] = gadgetAspects + homeAspects + serviceAspects + softwareAspects

    /// The family's aspects in seeded order; core aspects enter the draw twice, so they tend to come first.
    static func ordered(for family: ProductFamily, _ rng: inout SeededGenerator) -> [Aspect] {
        let fitting = catalog.filter { $0.families.contains(family) }
        var draw = fitting.indices.flatMap { fitting[$0].core ? [$0, $0] : [$0] }
        rng.shuffle(&draw)
        var seen = Set<Int>()
        return draw.filter { seen.insert($0).inserted }.map { fitting[$0] }
    }
}
