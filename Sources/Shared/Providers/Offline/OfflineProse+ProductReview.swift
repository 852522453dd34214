extension OfflineProse {
    /// A review: an opening, observations on two or three aspects, how it gets used, and a verdict.
    static func productReview(_ c: inout ProseContext) -> Draft {
        var draft = Draft()
        if c.rng.chance(0.35) { draft.header = c.say(reviewTitles) }
        draft.opening = [c.say(reviewOpenings)]
        if c.rng.chance(0.3) { draft.opening.insert(c.say(oneOf: c.tone.customer.remarks), at: 0) }
        draft.body = reviewObservations(&c) + [c.say(oneOf: usageNotes)]
        draft.extras = [
            c.say(comparisons), c.say(priceNotes), c.say(oneOf: companyNotes),
            reviewObservation(&c, positive: c.band == .positive),
        ]
        if let extreme = c.extreme() { draft.body.append(extreme) }
        draft.closing = [c.say(verdicts)]
        if c.rng.chance(0.4) { draft.closing.append(c.say(oneOf: ratingLines)) }
        return draft
    }

    /// Two observations whose polarity follows the score: 2 and 4 temper the main one with a nuance.
    static func reviewObservations(_ c: inout ProseContext) -> [String] {
        let praise = c.sentiment >= 3
        let main = praise ? c.merit(in: praiseFrames) : c.fault(in: criticismFrames)
        c.nextAspect()
        let nuance =
            switch c.sentiment {
            case 2: c.merit(in: concessionFrames)
            case 3: c.fault(in: criticismFrames)
            case 4: c.fault(in: gripeFrames)
            default: praise ? c.merit(in: praiseFrames) : c.fault(in: criticismFrames)
            }
        return [main, nuance]
    }

    /// One more observation, on the next aspect.
    static func reviewObservation(_ c: inout ProseContext, positive: Bool) -> String {
        c.nextAspect()
        return positive ? c.merit(in: praiseFrames) : c.fault(in: criticismFrames)
    }

    static let praiseFrames = [
        "{clause}.", "What stands out is that {clause}.", "I was pleased to find that {clause}.",
        "Credit where it's due: {clause}.", "Another highlight: {clause}.", "It's great that {clause}.",
        "I also love that {clause}.", "Best of all, {clause}.",
    ]

    static let criticismFrames = [
        "{clause}.", "Sadly, {clause}.", "My biggest complaint is that {clause}.", "Worse, {clause}.",
        "The real letdown is that {clause}.", "On the downside, {clause}.", "The catch is that {clause}.",
        "Unfortunately, {clause}.",
    ]

    static let concessionFrames = [
        "To be fair, {clause}.", "The one good thing is that {clause}.", "I'll admit that {clause}.",
        "In its defence, {clause}.",
    ]

    static let gripeFrames = [
        "My only gripe is that {clause}.", "If I had to nitpick, {clause}.", "One small downside: {clause}.",
        "It's not perfect, though: {clause}.",
    ]

    static let reviewTitles = Graded(
        negative: [
            "Not worth it", "Disappointed", "Avoid", "Looked good, didn't last", "Expected much more",
            "Returned it",
        ],
        mixed: ["Decent, with caveats", "Good, not great", "Mixed feelings", "Fine for the price", "It's okay"],
        positive: [
            "Love it", "Exactly what I needed", "Worth every penny", "Brilliant", "Better than expected",
            "A keeper",
        ])

    static let reviewOpenings = Graded(
        negative: [
            "I had high hopes for the {product}, but it let me down almost immediately.",
            "I bought the {product} {ago} and I regret it.",
            "I really wanted to like the {product}.",
            "After {span} with the {product}, I can't recommend it.",
            "The {product} looked good on paper.",
            "I returned my first {product} and the replacement isn't any better.",
            "Save yourself the trouble and skip the {product}.",
            "I've had the {product} for {span} and it has been a disappointment.",
        ],
        mixed: [
            "I've had the {product} for {span}, and my feelings are mixed.",
            "The {product} is a decent product with a few rough edges.",
            "I bought the {product} {ago} to replace {old}.",
            "After {span} of daily use, here's my honest take on the {product}.",
            "The {product} does some things well and others not so well.",
            "I'm torn on the {product}.",
        ],
        positive: [
            "I bought the {product} {ago} and it's been fantastic.",
            "The {product} is easily one of the best purchases I've made this year.",
            "After {span} with the {product}, I'm seriously impressed.",
            "I was sceptical at first, but the {product} won me over within days.",
            "I got the {product} to replace {old}, and I'm glad I did.",
            "The {product} exceeded my expectations.",
            "I've been using the {product} {use} for {span} now, and I love it.",
        ])

    static let usageNotes = [
        "I mostly use the {product} {use}.", "I use it {freq}, usually {use}.",
        "For context, I'm {who} and use it {use}.",
        "The {product} gets used {freq}, mostly {use}.", "{person} has started borrowing it too.",
        "My routine is simple: I {routine}.", "I've used it {use} for {span}.",
    ]

    static let comparisons = Graded(
        negative: [
            "{frankly}{old} did a better job.", "Compared to {old}, the {product} feels like a step backwards.",
            "I'm going back to {old}.", "Even {old} never gave me this much grief.",
        ],
        mixed: [
            "Compared to {old}, the {product} is a modest upgrade.",
            "It's better than {old} in some ways, worse in others.",
            "Next to {old}, the difference is smaller than I expected.",
        ],
        positive: [
            "Compared to {old}, the {product} is a huge upgrade.", "It makes {old} feel ancient.",
            "I don't miss {old} one bit.", "Going from {old} to this was like night and day.",
        ])

    static let priceNotes = Graded(
        negative: [
            "At {price}, the {product} is hard to justify.", "For {price} I expected a lot more.",
            "Paying {price} for this feels like a bad joke.",
        ],
        mixed: [
            "At {price}, the {product} is fair but not a bargain.", "I paid {price}, which feels about right.",
            "For {price}, you get what you pay for.",
        ],
        positive: [
            "At {price}, the {product} is worth every penny.", "For {price}, I don't think you can do better.",
            "I paid {price} and would happily pay more.",
        ])

    static let companyNotes = [
        "I bought it after reading a lot of reviews.", "It was a gift from {person}.",
        "It arrived within {w:2-5} days of ordering.", "I picked it up on sale.",
        "{person} suggested it to me.",
    ]

    static let verdicts = Graded(
        negative: [
            "Would not recommend the {product}.", "Save your money and look elsewhere.", "I'm returning the {product}.",
            "Unless an update fixes this, I'd stay away.", "I can't recommend the {product} to anyone.",
        ],
        mixed: [
            "The {product} is okay, but I wouldn't rush to buy it.",
            "The {product} is worth it if you can find it on sale.",
            "Not bad, not amazing.", "I'll keep it for now, but I'm watching for something better.",
            "Decent overall, if you can live with the quirks.",
        ],
        positive: [
            "The {product} comes highly recommended.", "If you're on the fence, just get it.",
            "Would buy again without a second thought.",
            "The {product} has earned a permanent place in my routine.", "I'd recommend the {product} to anyone.",
        ])

    static let ratingLines = ["{stars} from me.", "Rating: {stars}.", "I'm giving the {product} {stars}."]
}
