/// The state one sample's composition threads through the phrase banks: its controls, generator and topics.
struct ProseContext: Sendable {
    let product: String
    /// 1 (very negative) … 5 (very positive), resolved from the seed when the brief leaves it open.
    let sentiment: Int
    let tone: OfflineTone
    let family: ProductFamily
    var rng: SeededGenerator
    /// The aspect the text is currently about; `{aspect}`, `{attempt}` and `{fix}` draw from it.
    private(set) var focus: Aspect
    /// The family's remaining aspects, in seeded order with the family's core aspects drawn first more often.
    private var pending: [Aspect]
    /// The main topic, and its first clause's position spread over the job like the topic; nil once used.
    private var topic: (name: String, clause: UInt64)?
    /// Bank values not yet used in this text, so one text never repeats a filler.
    var decks: [String: [String]] = [:]
    /// Values of the slots that must read the same throughout one text, such as the price.
    private var settled: [String: String] = [:]
    /// How long the customer has had the product, drawn once so "{ago}" and "{span}" agree.
    var tenure: (count: Int, unit: String)?

    /// Slots whose first value holds for the whole text.
    private static let settledSlots: Set<String> = ["price", "old", "device", "who"]

    init(brief: OfflineBrief) {
        var rng = SeededGenerator(seed: brief.seed)
        sentiment = brief.sentiment.map { min(max($0, 1), 5) } ?? rng.int(in: 1...5)
        tone = brief.tone.map(OfflineTone.init(label:)) ?? rng.pick(OfflineTone.allCases)
        product = brief.product
        let family = ProductFamily(product: brief.product)
        self.family = family
        let band = SentimentBand(sentiment: sentiment)
        let topics = Aspect.catalog.filter { $0.families.contains(family) && $0.suits(brief.kind, band) }
        // The briefs of one call differ in index but may share the controls, so rotating the main topic and its
        // first clause by index keeps them apart more reliably than their seeds would; a lone brief draws both.
        let turn = brief.index.map { UInt64(truncatingIfNeeded: $0) &+ Self.jobSalt(brief) } ?? rng.next() >> 16
        let count = UInt64(max(topics.count, 1))
        focus = topics.isEmpty ? Aspect.setup : topics[Int(turn % count)]
        topic = (focus.name, turn / count)
        let name = focus.name
        pending = Aspect.ordered(for: family, &rng).filter { $0.name != name }
        self.rng = rng
    }

    /// A stable hash of the controls the briefs of one call share, as the text reads them (FNV-1a; `Hasher` is
    /// seeded per process).
    static func jobSalt(_ brief: OfflineBrief) -> UInt64 {
        let sentiment = brief.sentiment.map { "\(min(max($0, 1), 5))" } ?? ""
        let tone = brief.tone.map { OfflineTone(label: $0).rawValue } ?? ""
        let controls = [brief.product, brief.kind.rawValue, sentiment, tone]
        return controls.joined(separator: "\u{1F}").utf8.reduce(0xCBF2_9CE4_8422_2325) { hash, byte in
            (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        } >> 40
    }

    var band: SentimentBand { SentimentBand(sentiment: sentiment) }

    /// Whether the focus is the main topic and its job-spread clause is still unused.
    var isTopicFresh: Bool { topic?.name == focus.name }

    /// One of the focus aspect's `clauses`: the job-spread one for the main topic's first, seeded otherwise.
    mutating func clause(from clauses: [String]) -> String {
        guard let main = topic, main.name == focus.name, !clauses.isEmpty else { return rng.pick(clauses) }
        topic = nil
        return clauses[Int(main.clause % UInt64(clauses.count))]
    }

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
        let isNamed = product != OfflineBrief.unnamedProduct
        if !(isNamed && styled.hasPrefix("{product}")), let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        if text.hasSuffix("."), rng.chance(tone.exclamationChance) {
            text = text.dropLast() + "!"
        }
        return text
    }

    /// Renders one template picked from `bank`, never the same one twice in a text while others remain.
    mutating func say(oneOf bank: [String]) -> String {
        say(pick(from: bank))
    }

    /// Renders one template picked from the variants for this text's sentiment band.
    mutating func say(_ graded: Graded) -> String {
        say(oneOf: graded.variants(for: band))
    }

    /// Renders a frame picked from `frames` with its `{clause}` replaced by `clause`.
    mutating func say(oneOf frames: [String], clause: String) -> String {
        say(Self.substitute(in: pick(from: frames)) { $0 == "clause" ? clause : nil })
    }

    /// Fills every `{slot}`; values from banks are filled in turn, the product name is inserted verbatim.
    mutating func fill(_ template: String) -> String {
        Self.substitute(in: template) { slot in
            guard slot != "product" else { return product == OfflineBrief.unnamedProduct ? "the product" : product }
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

    /// A template from `bank`, drawn from a deck named after the whole bank (banks may share entries).
    mutating func pick(from bank: [String]) -> String {
        draw(bank.joined(separator: "\u{1F}"), from: bank)
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
