/// The state one sample's composition threads through the phrase banks: its controls, generator and topics.
struct ProseContext: Sendable {
    let product: String
    /// 1 (very negative) … 5 (very positive), resolved from the seed when the spec leaves it open.
    let sentiment: Int
    let tone: OfflineTone
    let family: ProductFamily
    var rng: SeededGenerator
    /// The aspect the text is currently about; `{aspect}`, `{attempt}` and `{fix}` draw from it.
    private(set) var focus: Aspect
    /// The family's remaining aspects, in seeded order with the family's core aspects drawn first more often.
    private var pending: [Aspect]
    /// Bank values not yet used in this text, so one text never repeats a filler.
    private var decks: [String: [String]] = [:]
    /// Values of the slots that must read the same throughout one text, such as the price.
    private var settled: [String: String] = [:]
    /// How long the customer has had the product, drawn once so "{ago}" and "{span}" agree.
    var tenure: (count: Int, unit: String)?

    /// Slots whose first value holds for the whole text.
    private static let settledSlots: Set<String> = ["price", "old", "device", "who"]

    init(spec: SampleSpec) {
        var rng = SeededGenerator(seed: spec.seed)
        sentiment = spec.sentiment.map { min(max($0, 1), 5) } ?? rng.int(in: 1...5)
        tone = spec.tone.map(OfflineTone.init(label:)) ?? rng.pick(OfflineTone.allCases)
        product = spec.product
        family = ProductFamily(product: spec.product)
        pending = Aspect.ordered(for: family, &rng)
        focus = pending.first ?? Aspect.setup
        self.rng = rng
    }

    var band: SentimentBand { SentimentBand(sentiment: sentiment) }

    /// Moves the focus to the next unused aspect that `accepts`, or keeps the current one if none is left.
    @discardableResult
    mutating func nextAspect(where accepts: (Aspect) -> Bool = { _ in true }) -> Aspect {
        if let index = pending.firstIndex(where: accepts) {
            focus = pending.remove(at: index)
        }
        return focus
    }

    /// Renders one template: tone styling, slot filling, a capital first letter.
    mutating func say(_ template: String) -> String {
        let styled = tone.style(template)
        var text = fill(styled)
        if !styled.hasPrefix("{product}"), let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        if text.hasSuffix("."), rng.chance(tone.exclamationChance) {
            text = text.dropLast() + "!"
        }
        return text
    }

    /// Renders one template picked from `bank`.
    mutating func say(oneOf bank: [String]) -> String {
        say(rng.pick(bank))
    }

    /// Renders one template picked from the variants for this text's sentiment band.
    mutating func say(_ graded: Graded) -> String {
        say(oneOf: graded.variants(for: band))
    }

    /// Renders a frame picked from `frames` with its `{clause}` replaced by `clause`.
    mutating func say(oneOf frames: [String], clause: String) -> String {
        say(Self.substitute(in: rng.pick(frames)) { $0 == "clause" ? clause : nil })
    }

    /// Fills every `{slot}`; values from banks are filled in turn, the product name is inserted verbatim.
    mutating func fill(_ template: String) -> String {
        Self.substitute(in: template) { slot in
            guard slot != "product" else { return product }
            if let value = settled[String(slot)] { return value }
            var value = tone.style(self.value(of: slot))
            if value.contains("{") { value = self.fill(value) }
            if Self.settledSlots.contains(String(slot)) { settled[String(slot)] = value }
            return value
        }
    }

    /// Replaces each `{slot}` for which `resolve` returns a value; leaves the others as they are.
    static func substitute(in template: String, _ resolve: (Substring) -> String?) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            let slot = rest[rest.index(after: open)..<close]
            output += resolve(slot) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// Draws a value from the named bank without repeating one until the bank is used up; `source` comes
    /// before `fallback`, each in seeded order.
    mutating func draw(_ bank: String, from source: [String], then fallback: [String] = []) -> String {
        var deck = decks[bank] ?? []
        if deck.isEmpty {
            var first = source
            rng.shuffle(&first)
            deck = fallback
            rng.shuffle(&deck)
            deck += first
        }
        let value = deck.popLast() ?? ""
        decks[bank] = deck
        return value
    }
}
