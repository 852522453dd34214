extension OfflineProse {
    /// An assistant answering a customer: acknowledgement, the answer, what to do, and a sign-off.
    ///
    /// Sentiment sets the news: 1–2 an apology for a real fault, 3 plain troubleshooting, 4–5 good news
    /// about something the product does well.
    static func chatbotConversation(_ c: inout ProseContext) -> Draft {
        var draft = Draft()
        let opener = c.rng.pick(c.tone.assistant.openers)
        draft.opening = (opener.isEmpty ? [] : [c.say(opener)]) + [c.say(acknowledgements), answer(&c)]
        draft.body = [advice(&c)]
        if c.sentiment == 1 { draft.body.append(c.say(oneOf: apologies)) }
        if c.sentiment == 5 { draft.body.append(c.say(oneOf: delights)) }
        draft.extras = replyExtras(&c)
        draft.closing = [c.say(oneOf: c.tone.assistant.closers)]
        if c.rng.chance(0.5) { draft.closing.append(c.say(farewells)) }
        if c.rng.chance(0.5) { draft.signature = c.say(oneOf: agentSignatures) }
        return draft
    }

    /// Optional sentences that suit the news: tips for good news, claim details or troubleshooting otherwise.
    static func replyExtras(_ c: inout ProseContext) -> [String] {
        let notes = c.band == .positive ? newsNotes : c.family == .software ? accountNotes : warrantyNotes
        var extras = [c.say(followUps), c.say(oneOf: notes), c.say(oneOf: caseNotes), c.say(oneOf: echoes)]
        switch c.band {
        case .positive:
            extras += [c.say(reassurances), c.say(oneOf: tipFrames)]
        case _ where c.focus.claims:
            extras.append(c.say(oneOf: claimNotes))
        default:
            extras += [c.say(reassurances), c.say(oneOf: explanations), c.say(oneOf: fallbacks)]
            if !c.family.profile.devices.isEmpty { extras.append(c.say(oneOf: deviceQuestions)) }
        }
        if c.sentiment == 1 { extras.append(c.say(oneOf: amends)) }
        let goodNews = c.band == .positive
        c.nextAspect(where: \.isFeatureTopic)
        extras.append(goodNews ? c.merit(in: asides) : c.say(oneOf: feedbackNotes))
        return extras
    }

    /// The substance of the reply: a fault, a diagnosis, or a merit, by sentiment band.
    static func answer(_ c: inout ProseContext) -> String {
        switch c.band {
        case .positive: c.merit(in: goodNewsFrames)
        case _ where c.focus.claims: c.fault(in: claimAnswers)
        case .negative: c.fault(in: badNews)
        case .mixed: c.fault(in: diagnoses)
        }
    }

    /// What to do next: a tip when all is well, a claim step for breakages, troubleshooting otherwise.
    static func advice(_ c: inout ProseContext) -> String {
        if c.band == .positive { return c.say(oneOf: tipFrames) }
        return c.say(oneOf: c.focus.claims ? claimSteps : instructions)
    }

    static let acknowledgements = Graded(
        negative: [
            "{sorry} about {trouble} with your {product}, especially the {aspect}.",
            "{sorry} your {product} hasn't lived up to expectations.",
            "I apologise for the poor experience you've had with the {product}.",
            "{sorry} to hear the {product} has been such a frustrating experience.",
            "That sounds genuinely annoying, and I'm sorry the {product} let you down.",
            "I've read through your message about the {product}, and I'm sorry it has come to this.",
            "Unfortunately, what you describe with the {aspect} of your {product} isn't how it should behave.",
            "{sorry} you've had to deal with this on your {product}.",
        ],
        mixed: [
            "Let me help with your question about the {product}.",
            "I've looked into your question about the {aspect} of the {product}.",
            "Here's what I found about the {aspect} on the {product}.",
            "Thanks for the details about your {product}; they help a lot.",
            "I can help you with the {aspect} of your {product}.",
            "You've come to the right place for help with the {product}.",
            "I've checked your account and the notes on your {product}.",
            "Let's get the {aspect} on your {product} sorted.",
            "I've gone through what you sent about the {product}.",
            "Happy to look into the {aspect} of your {product} with you.",
        ],
        positive: [
            "Great question about the {product}!",
            "I'm glad you're enjoying your {product}!",
            "Thanks for asking about the {aspect} of the {product}!",
            "I'm happy to help you get even more out of your {product}.",
            "It's great to hear the {product} is working well for you.",
            "Lovely to hear from a happy {product} owner!",
            "What a great thing to ask about the {product}.",
        ])

    static let badNews = [
        "Unfortunately, we're aware that on some {product} units {clause}.",
        "Our team is already looking into reports that {clause}.",
        "From what you describe, {clause}, which unfortunately points to a fault.",
        "I'm afraid this is a known fault: {clause}.",
        "Sadly, you're not the only one who has reported that {clause}.",
    ]

    static let diagnoses = [
        "From what you describe, it sounds like {clause}.",
        "It sounds like {clause}, which is usually fixable on the {product}.",
        "Based on your description, {clause}, and there are a couple of things we can try.",
        "If I understand correctly, {clause}.",
        "So, to confirm: {clause}.",
        "I see that {clause}, and there's usually a simple reason for that.",
        "You mentioned that {clause}; let's sort that out.",
        "What you're seeing is that {clause}.", "From your message, {clause}.",
        "Let me make sure I've got this right: {clause}.",
    ]

    static let goodNewsFrames = [
        "Good news: {clause}.", "You'll be happy to know that {clause}.", "The short answer is yes: {clause}.",
        "Many {product} owners tell us the same: {clause}.", "You're right, {clause}.", "I can confirm that {clause}.",
        "It's true: {clause}, and customers notice it.",
    ]

    static let instructions = [
        "Here's what I'd suggest: first, {fix}; then {fix}.",
        "Please try this: {fix}, and if that doesn't help, {fix}.",
        "The quickest fix is usually to {fix}.",
        "Could you {fix}? That gets most {product} owners back on track.",
        "First, {fix}. After that, {fix}.",
        "As a first step, please {fix}.",
        "Two things to try: {fix}, or failing that, {fix}.",
        "In most cases it helps to {fix}.",
    ]

    static let echoes = [
        "You mentioned you mostly use it {yourUse}, which is helpful to know.",
        "Since you mostly use it {yourUse}, that's useful context.",
        "Thanks for mentioning that you use it {yourUse}; it helps narrow things down.",
    ]

    static let fallbacks = [
        "You could also {fix}.", "Another option is to {fix}.",
        "Some customers also find it useful to {fix}.",
    ]

    static let explanations = [
        "We've seen this before, and it's usually quick to put right.",
        "You're not the first to ask, so we have a good idea of what helps.",
        "It's rarely anything serious.", "This is one of the more common questions we get.",
    ]

    static let claimAnswers = [
        "Thank you for letting us know that {clause}; that should not happen.",
        "To be clear, it is not normal that {clause}.", "{sorry} to hear that {clause}.",
        "That's not what we expect at all: {clause}.", "I can see from your message that {clause}.",
        "It shouldn't be the case that {clause}, and we'll make it right.",
        "Thanks for explaining that {clause}; that's clearly a quality issue.",
        "You shouldn't have to put up with the fact that {clause}.",
    ]

    static let claimNotes = [
        "You won't need to send anything back until the replacement has arrived.",
        "This is covered, so there's nothing to pay.",
        "Once we have the photo, the replacement usually ships the same day.",
        "There's no need to keep the original packaging for this.",
        "We'll cover the postage both ways.",
    ]

    static let claimSteps = [
        "To get this moving, please {fix}.", "The next step is simple: {fix}.", "All I need from you: {fix}.",
        "Here's how we'll put it right: {fix}.", "The fastest way to sort this out is to {fix}.",
        "To start the claim, {fix}.", "The only thing we need now: {fix}.", "Whenever suits you, {fix}.",
    ]

    static let tipFrames = [
        "To get the most out of your {product}, {tip}.", "One tip: {tip}.", "If you ever need to, you can also {tip}.",
        "For best results, {tip}.", "A small tip from our team: {tip}.", "It's also worth it to {tip}.",
        "If you use it {yourUse}, it helps to {tip}.",
    ]

    static let followUps = Graded(
        negative: [
            "Could you share your order number so I can check the details?",
            "When did you first notice this?", "Could you send a short video or a photo?",
            "Could you confirm the address we have on file for you?",
        ],
        mixed: [
            "Does it happen every time, or only now and then?", "Have you changed anything recently?",
            "Could you send a photo or a short video?", "Roughly when did this start?",
            "How often would you say it happens?", "Is anyone else in your household seeing the same?",
            "Did anything change just before it started?",
        ],
        positive: [
            "Is there anything else you'd like to know about the {product}?",
            "Would you like a few more tips?", "Are you using it mostly {yourUse}?",
        ])

    static let deviceQuestions = [
        "Could you tell me which device you're using it with?", "Which version are you on right now?",
        "Is your phone on the latest software version?",
    ]

    static let caseNotes = [
        "I've added a note to your account so the team can see this conversation.",
        "Our help centre also covers the {aspect} of the {product} in more detail.",
        "Your case number is {order}, in case you need to refer to it.",
    ]

    static let warrantyNotes = [
        "Your {product} is covered by our {warranty} warranty, so a replacement is always an option.",
        "If you bought it {ago}, you're still well within the return window.",
        "Most replacements ship within {w:2-4} working days.",
    ]

    static let accountNotes = [
        "Your plan includes priority support, so you can reply here any time.",
        "Our status page shows no ongoing incidents on our side right now.",
        "We're rolling out {version} {soon}, which includes improvements to the {aspect}.",
    ]

    static let newsNotes = [
        "We're rolling out {version} {soon}, with more improvements to the {aspect}.",
        "Our community forum is full of ideas from other {product} owners.",
        "Our newsletter shares a new tip every month, if you'd like more.",
    ]

    static let reassurances = Graded(
        negative: [
            "I know this isn't the answer you were hoping for.",
            "I understand how frustrating this must be, especially {yourUse}.",
            "This isn't the experience we want anyone to have.",
        ],
        mixed: [
            "Most {product} owners find this resolves it.", "This usually takes just a few minutes.",
            "You won't lose any of your settings doing this.",
        ],
        positive: [
            "It's one of the things customers mention most in their reviews.",
            "It's one of the things we're proudest of.", "You've clearly found a great routine with it.",
        ])

    static let apologies = [
        "{sorry}; this is not the standard we hold ourselves to.",
        "Please accept my sincere apologies for all of this.",
        "I'm sorry, this is a terrible experience and you deserve better.",
        "I'm so sorry it took a message like this for us to notice.",
        "{frankly}this is a poor show on our part, and I apologise.",
        "{sorry} for the time this has cost you.",
        "I'm sorry; you shouldn't have had to chase us for this.",
        "This isn't good enough, and I'm sorry.",
    ]

    static let delights = [
        "It's fantastic to hear how much you love it!", "We love hearing from happy customers like you.",
        "Messages like yours are the best part of my day.", "It's wonderful that it fits so well into your routine.",
        "I'm delighted it has made such a difference for you.", "That's brilliant to hear.",
    ]

    static let amends = [
        "As an apology, I've added a discount code to your account for your next order.",
        "I've also refunded your shipping costs, which should show up in {w:3-5} working days.",
        "If you'd prefer a refund instead, just say the word and I'll process it today.",
    ]

    static let asides = [
        "While I have you: {clause}.", "By the way, {clause}.", "Also worth knowing: {clause}.",
    ]

    static let feedbackNotes = [
        "I've also passed your comments about the {aspect} to our product team.",
        "I've shared your feedback on the {aspect} with the people who can change it.",
        "Your note about the {aspect} is now logged with our engineers as well.",
        "I've flagged your thoughts on the {aspect} for our next product review.",
        "Our designers read every note like yours about the {aspect}.",
        "I've also recorded your point about the {aspect}.",
    ]

    static let farewells = Graded(
        negative: ["Again, {sorryLower} for the inconvenience.", "Apologies once more for {trouble}."],
        mixed: ["Let me know how it goes.", "Good luck, and talk soon.", "I hope that does the trick."],
        positive: ["Enjoy your {product}!", "Have fun with your {product}!", "Have a great day, and enjoy it!"])

    static let agentSignatures = [
        "{name}, {product} Support", "— {name}", "{name} from the support team", "Kind regards,\n{name}",
        "{name}\nCustomer Care",
    ]
}
