extension ProseContext {
    /// A fault of the focus aspect inside one of `frames`.
    mutating func fault(in frames: [String]) -> String {
        say(oneOf: frames, clause: clause(from: focus.faults))
    }

    /// A merit of the focus aspect inside one of `frames`.
    mutating func merit(in frames: [String]) -> String {
        say(oneOf: frames, clause: clause(from: focus.merits))
    }

    /// The customer's greeting line, if the tone and the seed call for one.
    mutating func greeting() -> String? {
        let line = rng.pick(tone.customer.greetings)
        return line.isEmpty ? nil : line
    }

    /// The customer's sign-off, followed by a first name whenever it ends with a comma.
    mutating func signature() -> String? {
        let line = rng.pick(tone.customer.signoffs)
        guard !line.isEmpty else { return nil }
        return line.hasSuffix(",") || rng.chance(0.3) ? line + "\n" + fill("{name}") : line
    }

    /// An extra sentence for the very negative or very positive ends of the scale, or nil in between.
    mutating func extreme() -> String? {
        switch sentiment {
        case 1: say(oneOf: OfflineProse.scathing)
        case 5: say(oneOf: OfflineProse.glowing)
        default: nil
        }
    }
}

extension OfflineProse {
    /// Customer sentences only a sentiment of 1 would write.
    static let scathing = [
        "{frankly}this is the worst purchase I've made in years.",
        "I've never been this disappointed with a product.",
        "I regret buying it, plain and simple.",
        "So far it has been a complete waste of money.",
        "I can't believe something this unreliable made it to market.",
        "It has been one frustrating letdown after another.",
    ]

    /// Customer sentences only a sentiment of 5 would write.
    static let glowing = [
        "{frankly}it's the best money I've spent in ages.",
        "I love it and would buy it again in a heartbeat.",
        "It has quickly become one of my favourite things I own.",
        "I've already told everyone I know how much I love it.",
        "It's a genuinely brilliant piece of work.",
        "I'm delighted with it, and that doesn't happen often.",
    ]

    /// Frames that state a fault in a customer's words.
    static let complaintFrames = [
        "The problem is that {clause}.", "Basically, {clause}.", "What keeps happening is that {clause}.",
        "{clause}.", "Right now, {clause}.", "The issue: {clause}.", "In short, {clause}.",
        "I've noticed that {clause}.", "Here's what's going on: {clause}.", "The main thing is that {clause}.",
    ]

    /// Frames that add a second fault to one already stated.
    static let furtherComplaintFrames = [
        "On top of that, {clause}.", "Another thing: {clause}.", "And that's not all: {clause}.",
        "Separately, {clause}.", "As if that weren't enough, {clause}.", "I should also mention that {clause}.",
    ]
}
