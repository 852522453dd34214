import Foundation
import Shared
import Testing

/// Augmentation's prompts through the real clients to the fake provider and back through their parsers: the
/// schema as OpenAI structured output, or asked for by instruction (OpenAI without it, Anthropic).
extension StackTests.ProviderProtocolTests {
    static let clients = ["openai", "openai no-structured-output", "anthropic", "anthropic stream"]

    static let review = "Hi team,\n\nI bought the Aurora Desk Lamp 2 weeks ago and I'm really disappointed. "
        + "The dimmer flickers when I use the USB-C port, and the battery life is terrible because it never charges "
        + "fully. I've tried a different cable. Please fix this problem quickly or send a replacement.\n\nThanks,\nDana"

    func client(_ name: String) throws -> any Provider {
        switch name {
        case "openai": try openAI()
        case "openai no-structured-output": try openAI("no-structured-output")
        default: anthropic(stream: name.hasSuffix("stream"))
        }
    }

    @Test(arguments: clients)
    func aRewritePromptComesBackAsDistinctParaphrasesKeepingTheTerms(client name: String) throws {
        let terms = ["Aurora Desk Lamp", "battery life", "USB-C port", "dimmer", "2"]
        let prompt = RewritePrompt(text: Self.review, count: 3, keep: terms)
        let completion = try client(name).completeBlocking(
            prompt.request(model: "gpt-4o-mini", temperature: 0.9, seed: 4), client: HTTPClient())
        let variants = RewritePrompt.parse(completion.text)
        #expect(variants.count == 3 && Set(variants).count == 3, "\(completion.text)")
        for variant in variants {
            #expect(variant != Self.review)
            for term in terms { #expect(variant.contains(term), "\(term) in \(variant)") }
        }
    }

    @Test(arguments: clients)
    func aSimilarityPromptComesBackWithAJudgementPerPair(client name: String) throws {
        let prompt = SimilarityPrompt(pairs: [
            (index: 1, original: Self.review, variant: Self.review),
            (index: 4, original: Self.review, variant: "Shipping was quick and the box arrived intact."),
            (index: 6, original: "The lamp is bright.", variant: "The lamp is very bright."),
        ])
        let completion = try client(name).completeBlocking(
            prompt.request(model: "gpt-4o-mini", temperature: 0), client: HTTPClient())
        let scores = SimilarityPrompt.parse(completion.text)
        #expect(Set(scores.keys) == [1, 4, 6], "\(completion.text)")
        #expect(scores[1] == 1)
        #expect((scores[4] ?? 1) < (scores[6] ?? 0))
    }
}
