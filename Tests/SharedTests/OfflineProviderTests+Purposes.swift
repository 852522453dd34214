import Testing

@testable import Shared

/// The offline provider answers every purpose from the prompt: k samples, judgements, paraphrases, similarities.
extension OfflineProviderTests {
    static func answer(_ request: CompletionRequest) throws -> String {
        try #require(OfflineProvider().prepare(request).localResult).get().text
    }

    static func samplesPrompt(product: String = "Aurora Desk Lamp") -> MultiSamplePrompt {
        let briefs = [3, 7, 11, 12].map { index in
            (index: index, brief: brief(.productReview, product: product, sentiment: index % 2 == 0 ? 5 : 1, index: index))
        }
        return MultiSamplePrompt(system: "You write realistic product reviews.", briefs: briefs)
    }

    @Test func aMultiSamplePromptIsAnsweredWithOneTextPerBriefFollowingIt() throws {
        let prompt = Self.samplesPrompt()
        let request = prompt.request(model: "offline-v1", temperature: 1)
        #expect(request.responseSchema?.name == "samples")
        let answer = try Self.answer(request)
        let items = try #require(try JSONValue(parsing: answer)["samples"]?.arrayValue)
        #expect(items.compactMap { $0["index"]?.intValue } == [3, 7, 11, 12])
        let texts = SampleBatch.parse(answer, expected: [3, 7, 11, 12])
        #expect(Set(texts.keys) == [3, 7, 11, 12])
        #expect(Set(texts.values).count == 4)
        for (index, text) in texts {
            #expect(text.contains("Aurora Desk Lamp"))
            let words = Self.words(text)
            let positive = Self.count(Self.positiveWords, in: words)
            let negative = Self.count(Self.negativeWords, in: words)
            #expect(index % 2 == 0 ? positive > negative : negative > positive, "\(index): \(text)")
        }
    }

    @Test func answersAreTheSameForTheSameRequestAndDifferForAnotherSeed() throws {
        let texts = [(index: 0, text: Self.text(.productReview, product: "Aurora Desk Lamp"))]
        let requests = [
            Self.samplesPrompt().request(model: "offline-v1", temperature: 1, seed: 5),
            RewritePrompt(text: texts[0].text, count: 3, keep: ["Aurora Desk Lamp"])
                .request(model: "offline-v1", temperature: 1, seed: 5),
            Self.request(Self.brief(.supportRequest), seed: 5),
        ]
        for request in requests {
            let answer = try Self.answer(request)
            #expect(try Self.answer(request) == answer)
            var reseeded = request
            reseeded.seed = 6
            #expect(try Self.answer(reseeded) != answer)
            reseeded.seed = nil
            #expect(try Self.answer(reseeded) != answer)
        }
        let other = Self.samplesPrompt(product: "Copper Kettle").request(model: "offline-v1", temperature: 1, seed: 5)
        #expect(try Self.answer(other) != (try Self.answer(requests[0])))
    }

    @Test(arguments: SampleKind.allCases)
    func aJudgeScoresACoherentTextAboveAGarbledOne(kind: SampleKind) throws {
        let coherent = Self.text(kind, product: "Aurora Desk Lamp", index: 4)
        let garbled = "lamp lamp lamp the the the qwrtzx pllkj. asdfgh Aurora Desk Lamp lamp lamp lamp the the the "
            + "qwrtzx pllkj asdfgh zzkkvv, and and and xcvbnm lamp lamp lamp"
        let shuffled = Self.words(coherent).reversed().joined(separator: " ")
        let prompt = JudgePrompt(
            product: "Aurora Desk Lamp", kind: kind, texts: [(index: 0, text: garbled), (index: 1, text: coherent), (index: 2, text: shuffled)])
        let request = prompt.request(model: "offline-v1", temperature: 0)
        #expect(request.responseSchema?.name == "judgements" && request.temperature == 0)
        let answer = try Self.answer(request)
        let items = try #require(try JSONValue(parsing: answer)["judgements"]?.arrayValue)
        #expect(items.allSatisfy { !($0["reason"]?.stringValue ?? "").isEmpty })
        let scores = JudgePrompt.parse(answer, expected: [0, 1, 2])
        let good = try #require(scores[1])
        let bad = try #require(scores[0])
        let jumbled = try #require(scores[2])
        #expect(good > 0.8 && bad < 0.5 && good > jumbled, "\(good) \(bad) \(jumbled)")
    }

    @Test func aRewriteKeepsEveryListedTermAndChangesTheText() throws {
        let original = "Hi team,\n\nI bought the Aurora Desk Lamp 2 weeks ago and I'm really disappointed. "
            + "The dimmer flickers when I use the USB-C port, and the battery life is terrible because it never "
            + "charges fully. I've tried a different cable. Customer service hasn't replied yet. "
            + "Please fix this problem quickly or send a replacement.\n\nThanks,\nDana"
        let keep = ["Aurora Desk Lamp", "battery life", "USB-C port", "dimmer", "2"]
        let answer = try Self.answer(RewritePrompt(text: original, count: 4, keep: keep).request(
            model: "offline-v1", temperature: 0.9))
        let variants = RewritePrompt.parse(answer)
        #expect(variants.count == 4)
        #expect(Set(variants).count == 4)
        for variant in variants {
            #expect(variant != original)
            // "2" also checks that a short term never matches inside the placeholders shielding longer ones.
            for term in keep { #expect(variant.contains(term), "\(term) in \(variant)") }
            #expect(!variant.contains("\u{E000}"))
            let words = Self.words(variant)
            #expect(Self.count(Self.negativeWords, in: words) >= Self.count(Self.positiveWords, in: words), "\(variant)")
            #expect(Self.jaccard(Self.trigrams(variant), Self.trigrams(original)) < 0.8, "\(variant)")
        }
    }

    @Test(arguments: SampleKind.allCases)
    func rewritesOfGeneratedTextsKeepTheirTermsAndDiffer(kind: SampleKind) throws {
        for index in 0..<10 {
            let original = Self.text(kind, product: "Trail Backpack 40L", index: index)
            let answer = try Self.answer(RewritePrompt(text: original, count: 3, keep: ["Trail Backpack 40L"]).request(
                model: "offline-v1", temperature: 1))
            let variants = RewritePrompt.parse(answer)
            #expect(variants.count == 3 && Set(variants).count == 3)
            #expect(variants.allSatisfy { $0 != original && $0.contains("Trail Backpack 40L") })
        }
    }

    @Test func aSimilarityPromptIsAnsweredWithEachPairsCharacterTrigramSimilarity() throws {
        let original = "The battery life is terrible.\nIt dies by noon."
        let pairs = [
            (index: 2, original: original, variant: "Battery life is terrible: it is dead by noon."),
            (index: 5, original: original, variant: original),
            (index: 9, original: original, variant: "Shipping was quick and the box arrived intact."),
        ]
        let request = SimilarityPrompt(pairs: pairs).request(model: "offline-v1", temperature: 0)
        let answer = try Self.answer(request)
        #expect(try Self.answer(request) == answer)
        let items = try #require(try JSONValue(parsing: answer)["judgements"]?.arrayValue)
        #expect(items.allSatisfy { $0["coherence"] == nil && $0["reason"] == nil })
        let scores = SimilarityPrompt.parse(answer)
        #expect(Set(scores.keys) == [2, 5, 9])
        for pair in pairs {
            let exact = CharacterTrigrams(text: pair.original).jaccard(CharacterTrigrams(text: pair.variant))
            let score = try #require(scores[pair.index])
            #expect(score == (exact * 1000).rounded() / 1000, "\(score) \(exact)")
        }
        #expect(scores[5] == 1)
        #expect(try #require(scores[2]) > (try #require(scores[9])))
    }
}
