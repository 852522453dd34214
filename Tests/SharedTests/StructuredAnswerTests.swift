import Testing

@testable import Shared

@Suite struct StructuredAnswerTests {
    @Test(arguments: [
        (#"{"text":"Bright"}"#, #"{"text":"Bright"}"#),
        ("```json\n{\n  \"text\": \"Bright\",\n  \"stars\": 4\n}\n```", #"{"text":"Bright","stars":4}"#),
        ("Here you go:\n```\n{\"text\": \"in a fence\"}\n```\nand {\"text\": \"after\"}", #"{"text":"in a fence"}"#),
        (#"Sure! {"text": "Bright"} Anything else?"#, #"{"text":"Bright"}"#),
        (#"Use {curly} braces: {"a": {"b": [1, 2]}}"#, #"{"a":{"b":[1,2]}}"#),
        (#"{"text": "a } and a { inside", "q": "say \"hi\" {"}"#, #"{"text":"a } and a { inside","q":"say \"hi\" {"}"#),
    ])
    func theFirstJSONObjectIsExtractedCompactly(answer: String, object: String) {
        #expect(StructuredAnswer.extractObject(from: answer) == object)
    }

    @Test(arguments: ["", "No JSON here.", #"{"text": "cut off"#, "[1, 2, 3]", "{not json}", "```json\n```"])
    func answersWithoutAnObjectHaveNone(answer: String) {
        #expect(StructuredAnswer.extractObject(from: answer) == nil)
    }

    @Test func theInstructionJoinsTheFirstSystemMessageOrBecomesOne() {
        let schema = ProviderFixtures.reviewSchema
        let withSystem = StructuredAnswer.messages(
            [ChatMessage(role: "system", content: "Be kind."), ChatMessage(role: "user", content: "Go.")],
            following: schema)
        #expect(withSystem.count == 2)
        #expect(withSystem[0].content.hasPrefix("Be kind.\n\nAnswer with exactly one JSON object"))
        #expect(withSystem[1] == ChatMessage(role: "user", content: "Go."))
        let without = StructuredAnswer.messages([ChatMessage(role: "user", content: "Go.")], following: schema)
        #expect(without.map(\.role) == ["system", "user"])
        #expect(without[0].content.hasSuffix(schema.schema.jsonText))
    }
}
