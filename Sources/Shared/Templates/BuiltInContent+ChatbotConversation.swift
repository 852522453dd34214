extension BuiltInContent {
    static let chatbotConversation = BuiltInContent(
        kind: .chatbotConversation,
        description: "A short exchange between a customer and a company's customer-service chatbot.",
        craft: "Customers type short, informal messages; the chatbot answers helpfully and stays on topic.",
        requirements: [
            "Write alternating lines starting with \"Customer:\" and \"Chatbot:\", beginning with the customer.",
            "Use three to six turns, and let the chatbot either resolve the question or hand over to a human.",
        ],
        examples: [
            FewShotExample(tone: "casual", sentiment: 3, text: "Customer: hi, does the {product} work with my old charger?\nChatbot: Hi! It works with any USB-C charger of 20 W or more. Which one do you have?\nCustomer: 18 W i think\nChatbot: That will work, just more slowly: about three hours for a full charge."),
            FewShotExample(tone: "frustrated", sentiment: 1, text: "Customer: my {product} order is a week late and nobody answers\nChatbot: I'm sorry about the delay. Could you give me your order number?\nCustomer: 55120. this is ridiculous\nChatbot: Thank you. It is held at the depot; I have asked for a redelivery tomorrow and passed your case to an agent."),
            FewShotExample(tone: "polite", sentiment: 4, text: "Customer: Hello, could you tell me how to reset the {product} to factory settings?\nChatbot: Of course. Hold the power button for ten seconds until the light blinks twice.\nCustomer: That worked, thank you!\nChatbot: Glad it helped. Anything else?"),
            FewShotExample(tone: "urgent", sentiment: 2, text: "Customer: {product} is showing an overheating warning, what do I do??\nChatbot: Please unplug it now and let it cool for 30 minutes. Is it near a heat source?\nCustomer: no, it's on my desk\nChatbot: Then I'll connect you with a technician right away."),
        ],
        pools: pools(
            channels: ["the website chat widget", "the mobile app's chat", "a messaging app", "the chat on the order page"],
            scenarios: [
                "a troubleshooting question", "an order that has not arrived", "a refund or return request",
                "choosing between two models", "an account or login problem", "a question before buying",
                "a warranty question", "a request to speak to a human agent",
            ],
            focuses: [
                "getting a quick answer", "a detail the chatbot has to ask for", "a misunderstanding that gets cleared up",
                "a follow-up question", "the customer's deadline", "what the chatbot cannot do",
            ],
            openings: [
                "with a one-line question", "with a greeting and the order number", "with a complaint",
                "mid-thought, as people type in chats", "with a thank-you for a previous answer",
            ]),
        // Chats are often about a booking or signing in; "chatbot" stays out, it names the speaker of every
        // other line.
        aspectTerms: [
            "service": ["booking", "reservation"],
            "account": ["login", "sign-in"],
        ])
}
