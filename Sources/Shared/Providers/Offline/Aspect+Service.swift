extension Aspect {
    /// Aspects of buying and owning anything: delivery, setup, support, documentation, packaging, returns.
    static let serviceAspects: [Aspect] = [delivery, setup, support, documentation, packaging, returns]

    static let delivery = Aspect(
        "delivery", for: ProductFamily.physical, core: false,
        faults: [
            "the parcel arrived {w:3-9} days later than promised",
            "the box arrived crushed and one of the accessories was missing",
            "tracking showed it as delivered when nothing had arrived",
            "the courier left it out in the rain",
        ],
        merits: [
            "it arrived a day earlier than promised",
            "delivery was quick and the tracking was accurate",
            "it arrived well packed and in perfect condition",
        ])

    static let setup = Aspect(
        "setup", for: ProductFamily.hardware.union([.software]), core: false, recurs: false,
        faults: [
            "setup fails at the last step with a vague error",
            "setup took well over an hour instead of the promised {#5-10} minutes",
            "the setup wizard keeps looping back to the start",
        ],
        merits: [
            "setup took less than {#5-10} minutes from start to finish",
            "setup was quick and the instructions were clear",
            "setup is so simple that nobody needs the manual",
        ],
        wishes: [
            "a guided setup that explains each setting",
            "a setup checklist that shows what is left to do",
        ],
        attempts: ["starting the setup from scratch", "following the quick-start guide step by step"],
        fixes: [
            "restart the setup from the beginning and keep the {product} close by",
            "follow the quick-start guide from step one",
            "reset it to factory settings and run the setup again",
        ])

    static let support = Aspect(
        "customer support", for: ProductFamily.all, core: false,
        faults: [
            "customer support has taken {w:4-9} days to reply to a simple question",
            "every support reply so far has been a copy-pasted template",
            "the support chat closes before anyone answers",
        ],
        merits: [
            "customer support replied within an hour and solved the problem",
            "the support team was friendly and actually knowledgeable",
            "support went out of its way to sort out a small problem",
        ])

    static let documentation = Aspect(
        "documentation", for: ProductFamily.hardware.union([.software]), core: false, recurs: false,
        faults: [
            "the documentation is thin and skips the one step that matters",
            "the manual reads like a rushed machine translation",
            "the online help pages still describe the old version",
        ],
        merits: [
            "the documentation is clear and answers most questions",
            "the quick-start guide covers everything needed on day one",
            "the help pages include short videos that actually help",
        ],
        wishes: ["a searchable online manual", "short video guides for the advanced settings"],
        attempts: ["searching the help pages", "asking in the community forum"],
        fixes: [
            "take a look at the updated guide in our help centre",
            "use the search in our help centre, which covers the newest version",
            "ask in the community forum, where our specialists answer within a day",
        ])

    static let packaging = Aspect(
        "packaging", for: ProductFamily.physical, core: false,
        faults: [
            "the packaging is mostly plastic and impossible to open without scissors",
            "it came in a box five times its size",
        ],
        merits: ["the packaging is minimal and fully recyclable", "the packaging is simple and easy to open"])

    static let returns = Aspect(
        "returns process", for: ProductFamily.physical, core: false,
        faults: [
            "the returns portal rejects the order number",
            "the returns process needs a printer, a receipt and a trip to a specific depot",
        ],
        merits: [
            "the returns process is simple, with a prepaid label included",
            "an exchange was sorted within a few days",
        ])
}