extension OfflineProse {
    /// A customer asking for a capability: the ask, a use case, the benefit, and how much it matters to them.
    static func featureRequest(_ c: inout ProseContext) -> Draft {
        var draft = Draft()
        if c.rng.chance(0.6) { draft.header = c.greeting() }
        draft.opening =
            c.rng.chance(0.3)
            ? [c.say(directAsks)]
            : [c.say(featureOpenings), c.say(asks)]
        draft.body = [c.say(oneOf: useCases), c.say(oneOf: benefits)]
        draft.extras = [
            c.say(featureStakes), c.say(oneOf: precedents), c.say(oneOf: c.tone.customer.pleas),
            c.say(oneOf: useNotes),
        ]
        if let extreme = c.extreme() { draft.body.append(extreme) }
        c.nextAspect(where: \.isFeatureTopic)
        draft.extras.append(c.say(oneOf: secondAsks))
        draft.closing = [c.say(featureClosings)]
        if draft.header != nil { draft.signature = c.signature() }
        return draft
    }

    static let directAsks = Graded(
        negative: [
            "The {product} badly needs {wish}, and its absence is frustrating.",
            "Why does the {product} still not have {wish}? It's a poor oversight.",
        ],
        mixed: [
            "Feature request for the {product}: {wish}.", "Could the {product} get {wish}?",
            "Suggestion for the {product}: please add {wish}.", "I'd like to request {wish} for the {product}.",
        ],
        positive: [
            "I love the {product}, so here's a feature request: {wish}.",
            "A wish from a happy {product} user: {wish}.",
            "The {product} is great, and {wish} would make it perfect.",
        ])

    static let asks = Graded(
        negative: [
            "What I need is {wish}.", "At the very least, add {wish}.", "Just add {wish}, please.",
            "Is {wish} really too much to ask?", "The obvious fix is {wish}.",
        ],
        mixed: [
            "Could you please add {wish}?", "My request is simple: {wish}.", "What I'm really missing is {wish}.",
            "It would make a big difference to have {wish}.", "Is there any chance of getting {wish}?",
            "Please consider adding {wish} to the {product}.",
        ],
        positive: [
            "I'd love to see {wish} in the {product}.", "The one thing I'd ask for is {wish}.",
            "It would be great to have {wish}.", "I'd really love {wish}.",
            "The perfect finishing touch would be {wish}.", "My dream addition would be {wish}.",
        ])

    static let useCases = [
        "My use case: I {routine}, and right now I have to {workaround}.",
        "Here's why: I {routine}.",
        "For context, I {routine}, so this comes up constantly.",
        "I {routine}, and every time I end up having to {workaround}.",
        "As {who}, I {routine}.",
        "At the moment I {workaround}, which gets old fast.",
        "Without it, I have to {workaround} whenever I {routine}.",
    ]

    static let benefits = [
        "That would save me {saving}.",
        "It would make the {product} a much easier recommendation for {audience}.",
        "It seems like a small change that would help a lot of people.",
        "I'd happily pay a bit more for it.",
        "It would remove the one daily hassle I have with the {product}.",
        "It would mean one less thing to keep track of.",
        "Honestly, it would save {saving}.",
    ]

    static let precedents = [
        "Several competing products already offer this.",
        "{old} had something similar, and I miss it.",
        "I've seen this elsewhere, so I hope it's doable.",
        "A few people on the community forum have asked for the same thing.",
        "{person} has the same need, so I doubt I'm the only one.",
    ]

    static let useNotes = [
        "I mostly use the {product} {use}.", "I've been using it for {span}, mainly {use}.",
        "We use it {use}.", "It's part of my routine {use}.",
    ]

    static let secondAsks = [
        "While you're at it, {wish} would be nice too.", "A smaller thing: {wish} would also help.",
        "Also, {wish} would be a welcome bonus.", "Lower priority, but {wish} would round it off.",
    ]

    static let featureOpenings = Graded(
        negative: [
            "I've been using the {product} for {span}, and one missing feature makes it frustrating to use.",
            "I'm close to giving up on the {product}; one missing feature makes it useless for me.",
            "The {product} is missing something basic, and it's becoming a problem for me.",
            "Honestly, the {product} feels unfinished, and that's disappointing.",
            "I'm disappointed that the {product} still can't do something this simple.",
        ],
        mixed: [
            "I've been using the {product} for {span} and have a suggestion.",
            "I'd like to request a feature for the {product}.",
            "Here's a feature idea for the {product}.",
            "Quick suggestion for the {product} team.",
            "I use the {product} {use}, and there's one thing I keep wishing it could do.",
        ],
        positive: [
            "I love the {product}, and I have one idea that would make it even better.",
            "The {product} has been great for {span}, so here's a suggestion to make it perfect.",
            "Long-time fan of the {product} here, with a small wish.",
            "I'm really happy with my {product}, but there's one feature I keep missing.",
            "First, thanks for making the {product} so good.",
            "The {product} is one of the best things I've bought in years, and I have a small idea for it.",
            "I've recommended the {product} to {audience}, and there's one thing that would make it even better.",
        ])

    static let featureStakes = Graded(
        negative: [
            "Without this, I'm seriously considering switching to something else.",
            "I've been waiting for this for {span} now, and it's getting frustrating.",
            "Frankly, it's a poor experience without it.",
            "It's the reason I can't recommend the {product} to {audience}.",
        ],
        mixed: [
            "It's not a dealbreaker, but it would really help.",
            "It's not urgent, but I think about it {freq}.",
            "It would be a nice step up from what's there today.",
        ],
        positive: [
            "Everything else about the {product} is excellent, which is why this stands out.",
            "The rest works so well that this is the only thing left on my list.",
            "It would make a great product even better.",
            "I love how it works today, so this is really just the icing on the cake.",
        ])

    static let featureClosings = Graded(
        negative: [
            "Please don't ignore this one.", "I hope someone is actually reading these.",
            "Let me know if this is even on the roadmap.", "I'd appreciate a straight answer on this.",
        ],
        mixed: [
            "Thanks for considering it for the {product}.", "Is this on the roadmap?",
            "I can share more details if it helps.",
            "Curious to hear whether this is planned.",
        ],
        positive: [
            "Thanks for all the great work so far!", "Keep up the excellent work.",
            "Thanks for listening, and keep it up!", "Thanks, and I'm glad to see the {product} keep improving.",
        ])
}
