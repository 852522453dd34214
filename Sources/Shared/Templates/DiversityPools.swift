/// What varies from one sample to the next of a job: who writes, about what, how they open and how long.
///
/// A sample draws one entry of each pool; `VariationDraw` maps the sample's index to a distinct combination,
/// so a job never repeats one while the product of the pool sizes exceeds its count.
public struct DiversityPools: Sendable, Equatable {
    /// A writer: who they are, their age band, expertise and the channel they write through.
    public struct Persona: Sendable, Equatable {
        public var persona: String
        public var ageBand: String
        public var expertise: String
        public var channel: String

        public init(_ persona: String, ageBand: String, expertise: String, channel: String) {
            self.persona = persona
            self.ageBand = ageBand
            self.expertise = expertise
            self.channel = channel
        }
    }

    public var personas: [Persona]
    public var scenarios: [String]
    public var focuses: [String]
    public var openings: [String]
    /// Where in the requested length range a sample aims, as a fraction of the range.
    public var lengthPositions: [Double]

    public init(
        personas: [Persona], scenarios: [String], focuses: [String], openings: [String],
        lengthPositions: [Double] = DiversityPools.lengthPositions
    ) {
        self.personas = personas
        self.scenarios = scenarios
        self.focuses = focuses
        self.openings = openings
        self.lengthPositions = lengthPositions
    }

    public static let lengthPositions = [0.15, 0.3, 0.45, 0.6, 0.75, 0.9]

    /// Pool sizes in draw order, for the mixed-radix numbering.
    var sizes: [Int] {
        [personas.count, scenarios.count, focuses.count, openings.count, lengthPositions.count]
    }

    /// How many distinct combinations there are.
    public var combinations: Int { sizes.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue } }

    /// Every entry, for the template's content hash.
    var canonicalText: String {
        let people = personas.map { [$0.persona, $0.ageBand, $0.expertise, $0.channel].joined(separator: "\u{1f}") }
        return [people, scenarios, focuses, openings, lengthPositions.map { String($0) }]
            .map { $0.joined(separator: "\u{1e}") }.joined(separator: "\u{1d}")
    }
}
