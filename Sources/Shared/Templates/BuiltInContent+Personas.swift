/// Writers shared by the built-in kinds; each kind pairs them with the channels its texts arrive through.
extension BuiltInContent {
    static let people: [(persona: String, ageBand: String, expertise: String)] = [
        ("a night-shift nurse who uses the product between shifts", "25-34", "an everyday user with little patience for setup"),
        ("a retired schoolteacher", "65-74", "a careful first-time user who reads the manual"),
        ("a freelance video editor", "25-34", "a power user who knows the settings well"),
        ("a parent of two small children", "35-44", "a busy user who wants things to just work"),
        ("a university student on a tight budget", "18-24", "a confident user who compares prices"),
        ("a small-business owner running a bakery", "45-54", "a practical user who needs it for work"),
        ("an IT administrator at a mid-sized company", "35-44", "an expert who manages many devices"),
        ("a long-haul truck driver", "45-54", "an occasional user who relies on it on the road"),
        ("a visually impaired accountant", "55-64", "an experienced user of accessibility features"),
        ("a hobby photographer", "55-64", "an enthusiast who reads reviews before buying"),
    ]

    static func pools(channels: [String], scenarios: [String], focuses: [String], openings: [String]) -> DiversityPools {
        let personas = people.enumerated().map { index, person in
            DiversityPools.Persona(
                person.persona, ageBand: person.ageBand, expertise: person.expertise,
                channel: channels[index % channels.count])
        }
        return DiversityPools(personas: personas, scenarios: scenarios, focuses: focuses, openings: openings)
    }
}
