extension BuiltInContent {
    static let productReview = BuiltInContent(
        kind: .productReview, description: "A customer reviews a product after using it.",
        craft: "Reviewers speak from their own use, name concrete details and say who the product suits.",
        requirements: [
            "Write from your own use of it, with at least one concrete detail.",
            "Say whether you would recommend it, and to whom.",
        ],
        emphasis: """
            {% if sentiment_intensity <= 2 %}
            - Dwell on the problems and the disappointment: what failed, when, and what it cost you.
            {% elif sentiment_intensity >= 4 %}
            - Dwell on what delights you, with moments where it made a difference.
            {% else %}
            - Keep it balanced: give what works and what does not about equal weight.
            {% endif %}

            """,
        examples: [
            FewShotExample(tone: "enthusiastic", sentiment: 5, text: "I did not expect much from the {product}, but after a month it is the thing I reach for every morning. Setup took five minutes and it has not missed a beat since. Buy it."),
            FewShotExample(tone: "frustrated", sentiment: 1, text: "The {product} looked great in the photos. In practice the battery lasts half a day and the app logs me out constantly. Returned it after a week."),
            FewShotExample(tone: "neutral", sentiment: 3, text: "The {product} does what it says. Build quality is fine, the controls take getting used to, and the price is about right. Nothing to love, nothing to hate."),
            FewShotExample(tone: "casual", sentiment: 4, text: "Got the {product} for my commute and honestly it's been solid. Sound is clear, case is a bit bulky. Would get it again."),
        ],
        pools: pools(
            channels: ["a retailer's review page", "a personal blog", "a forum thread", "a comment under a video review"],
            scenarios: [
                "after the first week of use", "after six months of daily use", "as a replacement for an older model",
                "bought as a gift and tried before wrapping it", "used while travelling", "used at work every day",
                "bought on sale after long hesitation", "compared side by side with a competitor",
            ],
            focuses: [
                "value for money", "build quality", "ease of use", "how it fits into your routine",
                "one feature you did not expect", "customer service after the purchase",
            ],
            openings: [
                "with your verdict in one sentence", "with why you bought it", "with a moment from using it",
                "with a comparison to what you had before", "with who you think it is for",
            ]))
}
