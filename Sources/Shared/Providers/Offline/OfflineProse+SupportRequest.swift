extension OfflineProse {
    /// A customer asking for help with a problem: context, the problem, what they tried, and a request.
    static func supportRequest(_ c: inout ProseContext) -> Draft {
        var draft = Draft()
        draft.header = c.greeting()
        draft.opening = [c.say(supportOpenings), c.fault(in: complaintFrames)]
        let pattern = c.say(oneOf: c.focus.claims ? discoveries : c.focus.recurs ? occurrences : persistences)
        let tried = c.say(oneOf: c.focus.claims ? claimAttempts : attemptReports)
        draft.body = [pattern, tried, c.say(supportStakes)]
        draft.extras = [
            c.say(oneOf: c.tone.customer.pleas), c.say(supportRemarks), c.say(oneOf: purchaseDetails(c.family)),
        ]
        if c.band != .positive {
            c.nextAspect()
            draft.extras.append(c.fault(in: furtherComplaintFrames))
        }
        if let extreme = c.extreme() { draft.body.append(extreme) }
        draft.closing = [c.say(supportAsks)]
        draft.signature = c.signature()
        return draft
    }

    static func purchaseDetails(_ family: ProductFamily) -> [String] {
        let bought = family == .software
            ? ["Our account number is {order}, in case you need it.", "We're on the team plan with {#3-40} seats."]
            : [
                "I bought it from your online store, order {order}.",
                "The order number is {order}, in case you need it.", "It's still under warranty, bought {ago}.",
            ]
        return family.profile.devices.isEmpty
            ? bought : bought + ["I'm using it with {device}.", "For reference, I'm on {device}."]
    }

    static let supportOpenings = Graded(
        negative: [
            "I bought the {product} {ago} and I'm already regretting it.",
            "I'm writing because my {product} has been nothing but trouble since {start}.",
            "My {product} is not working properly and I'm honestly fed up.",
            "I've owned the {product} for {span} and it has been a constant headache.",
            "I need help with my {product}, which has been a frustrating mess since {start}.",
            "This is about the {product} I ordered {ago}, and I'm deeply disappointed.",
            "Something is seriously wrong with my {product}, and it's getting worse.",
            "I'm reaching out about my {product} because, frankly, it has been terrible.",
        ],
        mixed: [
            "I've been using the {product} for {span} and I've run into something I can't solve.",
            "I have a question about my {product}.",
            "I'm contacting you about the {product} I bought {ago}.",
            "My {product} mostly works, but something has started going wrong.",
            "I'd like some help with my {product}.",
            "Since {start}, my {product} has been acting up.",
            "I picked up the {product} {ago} and need a hand with something.",
        ],
        positive: [
            "I really love my {product}, but I've hit a snag I can't figure out.",
            "First of all, the {product} has been great since I got it {ago}.",
            "I've been a happy {product} user for {span}, and this is my first time contacting support.",
            "Overall I'm very pleased with the {product}, so I hope this is an easy fix.",
            "I bought the {product} {ago} and it's been excellent, apart from one thing.",
            "Big fan of the {product} here, but I need a bit of help.",
            "The {product} has quickly become one of my favourite purchases, which is why this small thing bugs me.",
        ])

    static let occurrences = [
        "It happens {freq}, mostly when I use the {product} {use}.",
        "This happens {freq}, and it's worse {use}.",
        "I can reproduce it {freq}, especially {use}.",
        "It's not constant, but it happens {freq}.",
        "It started around {start} and has happened {freq} ever since.",
        "I first noticed it a few days ago, and now it happens {freq}.",
        "It's most noticeable {use}, where it happens {freq}.",
    ]

    static let discoveries = [
        "I noticed it on {weekday}.", "I have photos if you need them.", "I've kept all the packaging, just in case.",
        "I only spotted it recently, when I finally had time to look properly.",
        "I've been careful with it, so I really didn't expect this.",
    ]

    static let persistences = [
        "It's been like this since {start}.", "I've been stuck on this for {w:2-4} days now.",
        "This has held me up since {start}.", "I've tried again every day since {start}.",
        "Nothing has changed since {start}, no matter what I do.",
    ]

    static let claimAttempts = [
        "I've already tried {attempt}, without getting anywhere.", "I tried {attempt} first, but heard nothing back.",
        "Before writing, I tried {attempt} and {attempt}.", "{attempt} didn't get me anywhere.",
        "I started with {attempt}, which went nowhere.",
    ]

    static let attemptReports = [
        "I've already tried {attempt} and {attempt}, but nothing changed.",
        "So far I've tried {attempt}, which didn't help the {product} at all.",
        "I tried {attempt} and then {attempt}, with no luck.",
        "Before writing in, I tried {attempt}, {attempt} and {attempt}.",
        "{attempt} made no difference at all.",
        "I went through the usual steps ({attempt}, then {attempt}), and it came back within {w:2-3} days.",
        "Neither {attempt} nor {attempt} fixed it.",
    ]

    static let supportStakes = Graded(
        negative: [
            "This makes the {product} basically useless {use}.",
            "{frankly}for {price}, this is unacceptable.",
            "I rely on the {product} {use}, so this is a real problem for me.",
            "I've lost count of how many times this has ruined my day.",
            "At this point I don't trust the {product} at all.",
            "I expected a lot better for the money.",
        ],
        mixed: [
            "It's not the end of the world, but it gets in the way {use}.",
            "I use the {product} {use}, so I'd like to get this sorted.",
            "It's a shame, because otherwise it does what I need.",
            "It's manageable for now, but I'd rather not live with it.",
            "I mainly need it {use}, which is exactly when this happens.",
        ],
        positive: [
            "Everything else works perfectly, so I'm hoping this is easy to sort out.",
            "It's a small thing, but I use it {use} and would love it to be perfect.",
            "I'd hate to return it, because apart from this it's fantastic.",
            "I'm sure it's something simple, since the rest has been flawless.",
            "The {product} is excellent {use}, so I'd love to get this last bit right.",
        ])

    static let supportRemarks = Graded(
        negative: [
            "This is my first {product} and, honestly, probably my last.",
            "I've had cheaper products that worked better than this.",
            "A friend warned me about this, and I should have listened.",
            "I expected much better from a brand like yours.",
        ],
        mixed: [
            "I've used similar products before and never had this happen.",
            "I'm not sure whether it's a fault or just a setting.",
            "Other than this, it does the job.",
            "I checked the forums, but nobody seems to have the same thing.",
        ],
        positive: [
            "I've already recommended the {product} to {w:2-4} friends.",
            "I love everything else about it, so I really want to keep it.",
            "It's a great product, and I'd just like it to be perfect.",
            "You clearly put a lot of care into it, which I really appreciate.",
        ])

    static let supportAsks = Graded(
        negative: [
            "I want a replacement or a full refund, whichever is faster.",
            "Please tell me how you're going to fix this, or arrange a return.",
            "Can someone actually look into this instead of sending me the same FAQ link?",
            "If this can't be fixed, I'd like to return the {product}.",
            "What are my options for a refund or an exchange?",
        ],
        mixed: [
            "Could you tell me if this is a known issue with the {product} and how to fix it?",
            "Is there a fix, or is this a known limitation of the {product}?",
            "Any advice on what to try next would help.",
            "Could you let me know what to do next?",
            "Is this covered by the warranty?",
        ],
        positive: [
            "Is there a setting I'm missing?",
            "Any tips for getting the {product} back to normal would be very welcome.",
            "Could you point me in the right direction with the {product}?",
            "Is there an update coming that fixes this?",
            "I'd be grateful for any pointers, so I can get back to enjoying the {product}.",
        ])
}
