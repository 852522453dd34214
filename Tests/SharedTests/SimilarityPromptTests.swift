import Testing

@testable import Shared

@Suite struct SimilarityPromptTests {
    @Test func scoresAreReadTolerantlyAndClampedAndNeedAnIndex() {
        let answer = """
            Sure:
            ```json
            {"judgements":[{"index":1,"similarity":0.8},{"index":2,"similarity":7},{"index":"3","similarity":-1},
            {"index":4,"similarity":"0.25"},{"similarity":0.5},{"index":5},{"index":1,"similarity":0.1},
            {"index":6,"similarity":0.4
            """
        #expect(SimilarityPrompt.parse(answer) == [1: 0.8, 2: 1, 3: 0, 4: 0.25])
        #expect(SimilarityPrompt.parse("I cannot judge these.").isEmpty)
    }

    @Test func eachPairIsASectionWithItsOriginalAndVariant() throws {
        let prompt = SimilarityPrompt(pairs: [
            (index: 3, original: "  It broke.\nTwice. ", variant: "It failed twice.\n"),
            (index: 7, original: "Great lamp.", variant: "A great lamp."),
        ])
        let user = try #require(prompt.messages.last?.content)
        #expect(user.hasSuffix(
            "\n\n### Pair 3\nOriginal: It broke.\nTwice.\nVariant: It failed twice.\n\n"
                + "### Pair 7\nOriginal: Great lamp.\nVariant: A great lamp."))
        #expect(user.contains("similarity from 0 to 1"))
        // The fake provider answers a coherence judgement to any prompt that mentions it.
        #expect(!prompt.messages.contains { $0.content.lowercased().contains("coherence") })
        let request = prompt.request(model: "m", temperature: 0)
        #expect(request.responseSchema == SimilarityPrompt.schema && request.temperature == 0)
        #expect(request.maxOutputTokens == prompt.outputAllowance)
    }

    @Test func theSchemaIsStrictAndDiffersFromTheCoherenceJudges() throws {
        let schema = SimilarityPrompt.schema
        #expect(schema.name == "judgements")
        let item = try #require(schema.schema["properties"]?["judgements"]?["items"])
        #expect(item["required"] == ["index", "similarity"])
        #expect(item["additionalProperties"] == false)
        #expect(schema != JudgePrompt.schema)
    }

    @Test func longListsAreSplitIntoPromptsOfEightPairs() {
        let pairs = (0..<19).map { (index: $0, original: "Text \($0).", variant: "Variant \($0).") }
        let prompts = SimilarityPrompt.batches(of: pairs)
        #expect(prompts.map(\.pairs.count) == [8, 8, 3])
        #expect(prompts.flatMap { $0.pairs.map(\.index) } == Array(0..<19))
        #expect(SimilarityPrompt.batches(of: []).isEmpty)
    }
}
