import Testing

@testable import Shared

@Suite struct SampleBatchTests {
    @Test func aPlainAnswerGivesEachExpectedIndexItsText() {
        let answer = #"{"samples":[{"index":2,"text":"Two."},{"index":0,"text":"Zero."}]}"#
        #expect(SampleBatch.parse(answer, expected: [0, 2]) == [0: "Zero.", 2: "Two."])
    }

    @Test func fencesAndProseAroundTheJSONAreSkipped() {
        let answer = """
            Sure! Here are your samples [as requested]:
            ```json
            {"samples": [{"index": 1, "text": "  One, with a } brace.  "}, {"index": 4, "text": "Four."}]}
            ```
            Let me know if you need more.
            """
        #expect(SampleBatch.parse(answer, expected: [1, 4]) == [1: "One, with a } brace.", 4: "Four."])
    }

    @Test func aTruncatedArrayKeepsItsCompleteItems() {
        let answer = #"{"samples":[{"index":0,"text":"Zero."},{"index":1,"text":"One."},{"index":2,"text":"Tw"#
        #expect(SampleBatch.parse(answer, expected: [0, 1, 2]) == [0: "Zero.", 1: "One."])
    }

    @Test func aBareArrayOfObjectsOrStringsIsRead() {
        #expect(SampleBatch.parse(#"[{"index":5,"text":"Five."}]"#, expected: [5]) == [5: "Five."])
        #expect(SampleBatch.parse(#"["First.", "Second."]"#, expected: [8, 3]) == [3: "First.", 8: "Second."])
    }

    @Test func itemsWithoutIndexTakeTheUnclaimedIndicesInOrder() {
        let answer = #"{"samples":[{"text":"A."},{"index":"7","text":"Seven."},{"text":"B."},{"text":"C."}]}"#
        #expect(SampleBatch.parse(answer, expected: [3, 7, 9]) == [3: "A.", 7: "Seven.", 9: "B."])
    }

    @Test func duplicatesUnknownIndicesAndEmptyTextsAreDropped() {
        let answer = #"""
            {"samples":[{"index":0,"text":"Zero."},{"index":0,"text":"Again."},{"index":9,"text":"Nine."},
            {"index":1,"text":"   "},{"index":2,"text":"Two."},{"index":3}]}
            """#
        #expect(SampleBatch.parse(answer, expected: [0, 1, 2, 3]) == [0: "Zero.", 2: "Two."])
    }

    @Test func garbageGivesNothing() {
        for answer in ["", "I cannot help with that.", "{not json", #"{"samples": "none"}"#, "[1, 2, 3]", "```\n```"] {
            #expect(SampleBatch.parse(answer, expected: [0, 1]).isEmpty, "\(answer)")
        }
    }

    @Test func theSchemaIsStrictCompatible() {
        let schema = MultiSamplePrompt.schema.schema
        #expect(MultiSamplePrompt.schema.name == "samples")
        #expect(schema["additionalProperties"] == false && schema["required"] == ["samples"])
        let item = schema["properties"]?["samples"]?["items"]
        #expect(item?["required"] == ["index", "text"] && item?["additionalProperties"] == false)
    }

    @Test func theUserMessageListsEachBriefUnderItsHeader() throws {
        let prompt = MultiSamplePrompt(
            system: "System.", briefs: [(index: 4, brief: "Write about \"Lamp\"."), (index: 9, brief: "Another.\n")])
        let user = try #require(prompt.messages.last)
        #expect(prompt.messages.first == ChatMessage(role: "system", content: "System."))
        #expect(user.role == "user")
        #expect(user.content.hasSuffix("### Brief 4\nWrite about \"Lamp\".\n\n### Brief 9\nAnother."))
        #expect(!user.content.prefix(while: { $0 != "#" }).contains("\""))
    }
}
