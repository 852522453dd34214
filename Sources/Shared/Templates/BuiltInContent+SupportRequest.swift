extension BuiltInContent {
    static let supportRequest = BuiltInContent(
        kind: .supportRequest, description: "A customer asks support for help with a problem.",
        craft: "Customers describe what they expected, what happened instead and what they already tried.",
        requirements: [
            "Say what you expected and what actually happened.",
            "Give the details support needs: when it started and what you already tried.",
            "Ask for one concrete next step (a fix, a replacement, a refund or an answer).",
        ],
        examples: [
            FewShotExample(tone: "frustrated", sentiment: 1, text: "This is the third time I am writing about my {product}. It stopped charging after two weeks, I reset it twice as your FAQ says, and nothing changed. I want a replacement, not another article link."),
            FewShotExample(tone: "polite", sentiment: 3, text: "Hello, I bought the {product} last month and I can't find how to turn off the notification sound. I looked through the settings and the manual. Could you tell me where this option is? Thank you."),
            FewShotExample(tone: "urgent", sentiment: 2, text: "Our office {product} stopped connecting this morning and the whole team is blocked. We already restarted the router and reinstalled the app. Please call me back today: order number 48213."),
            FewShotExample(tone: "professional", sentiment: 3, text: "Dear support team, since the last update our {product} reports a sync error on two of five units. Logs are attached. Please advise whether a firmware rollback is supported."),
        ],
        pools: pools(
            channels: ["the support email address", "the website contact form", "the in-app help chat", "a phone call later transcribed"],
            scenarios: [
                "it stopped working after a few weeks of normal use", "setting it up for the first time failed",
                "a software update changed how it behaves", "the delivery arrived damaged or incomplete",
                "the bill shows a charge you did not expect", "it will not connect to another device or account",
                "a warranty claim has had no answer for days", "it works, but a feature does not do what the box said",
            ],
            focuses: [
                "the exact steps you took", "how the problem affects your day", "what you want support to do",
                "the error message or sound you see or hear", "how long you have owned it", "what you already tried",
            ],
            openings: [
                "with the problem itself, no greeting", "with a short greeting and your order details",
                "by saying this is not your first message", "with a question", "with what you were doing when it happened",
            ]),
        // Requests are about the customer's account and the product's settings; the standard lexicon has
        // orders, billing and subscriptions already.
        aspectTerms: [
            "service": ["account", "user account", "customer account"],
            "product": ["settings", "preferences"],
        ])
}
