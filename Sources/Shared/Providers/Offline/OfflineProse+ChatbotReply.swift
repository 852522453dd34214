extension OfflineProse {
    /// An assistant answering a customer: acknowledgement, the answer, what to do, and a sign-off.
    ///
    /// Sentiment sets the news: 1–2 an apology for a real fault, 3 plain troubleshooting, 4–5 good news.
    static func chatbotReply(_ c: inout ProseContext) -> Draft {
        c.nextAspect(where: \.isSupportTopic)
        var draft = Draft()
        let opener = c.rng.pick(c.tone.assistant.openers)
        draft.opening = (opener.isEmpty ? [] : [c.say(opener)]) + [c.say(acknowledgements), answer(&c)]
        draft.body = [c.say(oneOf: c.band == .positive ? tips : instructions)]
        draft.extras = [
            c.say(oneOf: followUps), c.say(reassurances), c.say(oneOf: serviceNotes),
            c.say(oneOf: c.band == .positive ? instructions : tips),
        ]
        if c.sentiment == 1 { draft.extras.append(c.say(oneOf: amends)) }
        draft.closing = [c.say(oneOf: c.tone.assistant.closers)]
        if c.rng.chance(0.5) { draft.closing.append(c.say(farewells)) }
        return draft
    }

    /// The substance of the reply: a known fault, a diagnosis, or a merit, by sentiment band.
    static func answer(_ c: inout ProseContext) -> String {
        switch c.band {
        case .negative: c.fault(in: badNews)
        case .mixed: c.fault(in: diagnoses)
        case .positive: c.merit(in: goodNews)
        }
    }

    static let acknowledgements = Graded(
        negative: [
            "I'm really sorry about the trouble with your {product}, especially the {aspect}.",
            "I'm sorry your {product} hasn't lived up to expectations.",
            "I apologise for the poor experience you've had with the {aspect} of your {product}.",
            "I'm sorry to hear the {product} has been such a frustrating experience.",
            "That sounds genuinely annoying, and I'm sorry the {product} let you down.",
        ],
        mixed: [
            "Let me help with your question about the {product}.",
            "I've looked into your question about the {aspect} of the {product}.",
            "Here's what I found about the {aspect} on the {product}.",
            "Thanks for the details about your {product}; they help a lot.",
            "I can help you with the {aspect} of your {product}.",
        ],
        positive: [
            "Great question about the {product}!",
            "I'm glad you're enjoying your {product}!",
            "Thanks for asking about the {aspect} of the {product}!",
            "I'm happy to help you get even more out of your {product}.",
            "It's great to hear the {product} is working well for you.",
        ])

    static let badNews = [
        "Unfortunately, we're aware that on some units {clause}.",
        "Our team knows that {clause}, and a fix is being worked on.",
        "From what you describe, {clause}, which unfortunately points to a fault.",
        "I'm afraid this is a known fault: {clause}.",
        "Sadly, you're not the only one who has reported that {clause}.",
    ]

    static let diagnoses = [
        "From what you describe, it sounds like {clause}.",
        "It sounds like {clause}, which is usually fixable.",
        "Based on your description, {clause}, and there are a couple of things we can try.",
        "If I understand correctly, {clause}.",
        "So, to confirm: {clause}.",
    ]

    static let goodNews = [
        "Good news: {clause}.", "You'll be happy to know that {clause}.", "The short answer is yes: {clause}.",
        "Many owners tell us the same: {clause}.", "You're right, {clause}.",
    ]

    static let instructions = [
        "Here's what I'd suggest: first, {fix}; then {fix}.",
        "Please try this: {fix}, and if that doesn't help, {fix}.",
        "The quickest fix is usually to {fix}.",
        "Could you {fix}? That resolves it in most cases.",
        "First, {fix}. After that, {fix}.",
        "As a first step, please {fix}.",
    ]

    static let tips = [
        "To get the most out of it, {fix}.",
        "One tip: {fix}.",
        "If you ever need to, you can also {fix}.",
        "For best results, {fix}.",
    ]

    static let followUps = [
        "Could you tell me which device you're using it with?",
        "Could you share your order number so I can check the details?",
        "When did you first notice this?",
        "Does it happen every time, or only now and then?",
        "Could you send a short video or a screenshot?",
        "Which version are you on right now?",
    ]

    static let serviceNotes = [
        "Your {product} is covered by our {warranty} warranty, so a replacement is always an option.",
        "We're rolling out {version} {soon}, which includes improvements to the {aspect}.",
        "I've added a note to your account so the team can see this conversation.",
        "Our help centre also has a short guide on the {aspect} of the {product}.",
        "If you bought it {ago}, you're still well within the return window.",
    ]

    static let reassurances = Graded(
        negative: [
            "I know this isn't the answer you were hoping for.",
            "I understand how frustrating this must be, especially {use}.",
            "This isn't the experience we want anyone to have.",
        ],
        mixed: [
            "Most customers find this resolves it.", "This usually takes just a few minutes.",
            "You won't lose any of your settings doing this.",
        ],
        positive: [
            "Lots of customers say the {aspect} is their favourite part.",
            "It's one of the things we're proudest of.", "You've picked a great setup.",
        ])

    static let amends = [
        "As an apology, I've added a discount code to your account for your next order.",
        "I've also refunded your shipping costs, which should show up in {w:3-5} working days.",
        "If you'd prefer a refund instead, just say the word and I'll process it today.",
    ]

    static let farewells = Graded(
        negative: ["Again, I'm sorry for the inconvenience.", "Apologies once more for the hassle."],
        mixed: ["Let me know how it goes.", "Good luck, and talk soon."],
        positive: ["Enjoy your {product}!", "Have fun with your {product}!", "Have a great day, and enjoy it!"])
}
