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
    /// technical support topic (deliveries, prices, breakages are claims rather than troubleshooting).
    let attempts: [String]
    /// Imperative phrases an assistant may suggest, which also read as everyday tips: "sign out and sign back in".
    let fixes: [String]
    /// Whether its faults come and go, so a customer can say how often they happen.
    let recurs: Bool

    init(
        _ name: String, for families: Set<ProductFamily>, core: Bool = true, recurs: Bool = true,
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
    }

    /// Whether a customer would ask support to troubleshoot it.
    var isSupportTopic: Bool { !attempts.isEmpty && !fixes.isEmpty }
    var isFeatureTopic: Bool { !wishes.isEmpty }

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
