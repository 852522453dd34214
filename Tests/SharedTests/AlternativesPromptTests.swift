import Shared
import Testing

@Suite struct AlternativesPromptTests {
    let prompt = AlternativesPrompt(product: "Wireless Earbuds", terms: [("battery", "product"), ("delivery", "service")])

    @Test func theTermsAreListedWithTheirCategoriesUnderOneHeader() {
        let user = prompt.messages.last?.content ?? ""
        #expect(user.contains("### Terms\n- battery (product)\n- delivery (service)"))
        #expect(user.contains("Wireless Earbuds"))
    }

    @Test func alternativesAreGroupedByTermAndCleaned() {
        let answer = """
            ```json
            {"alternatives":[{"term":"Battery","alternative":"Charging Case"},{"term":"battery","alternative":"battery"},
            {"term":"battery","alternative":"charging case"},{"term":"battery","alternative":"a very long four words"},
            {"term":"screen","alternative":"display"},{"term":"delivery","alternative":"shipping"},
            {"term":"battery","alternative":"cable"},{"term":"battery","alternative":"port"},{"term":"battery","alternative":"tips"}]}
            ```
            """
        #expect(prompt.parse(answer) == ["battery": ["charging case", "cable", "port"], "delivery": ["shipping"]])
    }

    @Test func theOfflineProviderNamesTheLexiconsAlternatives() throws {
        let completion = try OfflineProvider().completeBlocking(
            prompt.request(model: "offline-v1", temperature: 0), client: HTTPClient())
        let named = prompt.parse(completion.text)
        #expect(named["battery"] == Array(AspectLexicon.standard.alternatives(for: "battery").prefix(AlternativesPrompt.perTerm)))
        #expect(named["delivery"]?.isEmpty == false)
    }
}
