extension BuiltInContent {
    static let featureRequest = BuiltInContent(
        kind: .featureRequest, description: "A user asks the maker for a feature the product lacks.",
        craft: "Users explain the job they are trying to do, why the product falls short and what would help.",
        requirements: [
            "Describe the task you are trying to get done and where the product gets in the way.",
            "Propose what the feature should do, in your own words, not as a specification.",
            "Say how often you would use it or what it would save you.",
        ],
        examples: [
            FewShotExample(tone: "polite", sentiment: 4, text: "I love my {product}, but I share it with my partner and we keep overwriting each other's settings. Could you add user profiles? Even two would be enough for us."),
            FewShotExample(tone: "frustrated", sentiment: 2, text: "Every week I export data from the {product} by hand because there is no scheduled export. It takes me an hour each time. Please add an automatic export, this should have been there from the start."),
            FewShotExample(tone: "professional", sentiment: 3, text: "We deploy the {product} across 40 workstations. A central configuration file would let us roll out settings in minutes instead of configuring each unit. Is this on the roadmap?"),
            FewShotExample(tone: "enthusiastic", sentiment: 5, text: "The {product} is brilliant, one idea though: a dark mode for the companion app! I use it late at night and the white screen wakes everyone up."),
        ],
        pools: pools(
            channels: ["the product's feedback portal", "a community forum post", "an email to the product team", "a public roadmap vote"],
            scenarios: [
                "a workflow that takes too many steps", "a missing integration with a tool you already use",
                "an accessibility need the product ignores", "sharing it with family or colleagues",
                "using it offline or on the road", "managing many of them at once",
                "a setting competitors have and this product lacks", "exporting or backing up your data",
            ],
            focuses: [
                "the time it would save", "who else would benefit", "how you work around it today",
                "how you imagine using the feature", "why it matters to you personally", "how simple it could be",
            ],
            openings: [
                "with what you like about the product", "with the task you were trying to do", "with the request itself",
                "with how long you have used the product", "with a question to the team",
            ]),
        // What requests ask for and why: nouns only, since a verb ("export") would match in every sentence.
        aspectTerms: [
            "product": ["notification", "alert"],
            "feature": ["dark mode", "night mode", "dark theme"],
            "experience": ["workflow", "work process"],
        ])
}
