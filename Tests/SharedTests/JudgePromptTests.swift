import Testing

@testable import Shared

@Suite struct JudgePromptTests {
    @Test func scoresAreReadTolerantlyAndClamped() {
        let answer = """
            ```json
            {"judgements":[{"index":0,"coherence":0.8,"reason":"Fine."},{"index":1,"coherence":7,"reason":"x"},
            {"index":2,"coherence":-1,"reason":"x"},{"index":3,"coherence":"0.25","reason":"x"},{"index":9,"coherence":1},
            {"index":4,"reason":"no score"},{"index":5,"coherence":0.4
            """
        #expect(JudgePrompt.parse(answer, expected: [0, 1, 2, 3, 4, 5]) == [0: 0.8, 1: 1, 2: 0, 3: 0.25])
    }

    @Test func thePromptNamesTheProductFirstAndEachText() throws {
        let prompt = JudgePrompt(product: "Aurora Desk Lamp", kind: .productReview, texts: [(2, "A."), (5, "B.")])
        let user = try #require(prompt.messages.last?.content)
        #expect(OfflineBrief.product(in: user) == "Aurora Desk Lamp")
        #expect(OfflineBrief.kind(in: user) == .productReview)
        #expect(user.hasSuffix("### Text 2\nA.\n\n### Text 5\nB."))
        #expect(JudgePrompt.schema.name == "judgements")
    }
}
