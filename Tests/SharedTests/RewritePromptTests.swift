import Testing

@testable import Shared

@Suite struct RewritePromptTests {
    @Test func paraphrasesComeInVariantOrderWithoutEmptiesOrRepeats() {
        let answer = #"""
            Here you go: {"paraphrases":[{"variant":3,"text":"Three."},{"variant":1,"text":"One."},
            {"text":"Loose."},{"variant":2,"text":"One."},{"variant":4,"text":" "},{"variant":5,"text":"Fi
            """#
        #expect(RewritePrompt.parse(answer) == ["One.", "Three.", "Loose."])
        #expect(RewritePrompt.parse("No.").isEmpty)
    }

    @Test func thePromptListsTheTermsAndTheText() throws {
        let prompt = RewritePrompt(text: "It broke.\n", count: 2, keep: ["Lamp", " ", "battery life"])
        let user = try #require(prompt.messages.last?.content)
        #expect(user.hasPrefix("Write 2 paraphrases"))
        #expect(user.contains("\n- Lamp\n- battery life\n"))
        #expect(!user.contains("- \n"))
        #expect(user.hasSuffix("### Text\nIt broke."))
        #expect(prompt.request(model: "m", temperature: 0.5).responseSchema?.name == "paraphrases")
    }
}
