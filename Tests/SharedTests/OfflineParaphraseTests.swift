import Testing

@testable import Shared

/// The offline provider's paraphrases of its own texts pass the variant check a CDA job applies: the aspect
/// terms kept verbatim, the sentiment kept, and reworded enough not to be a near copy.
@Suite struct OfflineParaphraseTests {
    static let sentiments: [Int?] = [1, 2, 3, 4, 5, nil]
    static let tones: [String?] = [nil, "frustrated", "formal", "casual", "enthusiastic", "polite", "neutral"]

    /// Paraphrase outcomes of 40 texts of one kind, 2 variants each, asked and checked as an augmented job does.
    struct Outcome {
        var passed = 0
        var checked = 0
        var failures: [String] = []
        var rate: Double { checked == 0 ? 0 : Double(passed) / Double(checked) }
    }

    static func outcome(_ kind: SampleKind, texts: Int = 40) throws -> Outcome {
        let check = VariantCheck()
        var outcome = Outcome()
        for index in 0..<texts {
            let original = OfflineProviderTests.text(
                kind, product: OfflineProviderTests.products[index % OfflineProviderTests.products.count],
                sentiment: sentiments[index % sentiments.count], tone: tones[index % tones.count], index: index)
            let terms = AspectExtractor().extract(original).firstMentions.map(\.written)
            let request = RewritePrompt(text: original, count: 2, keep: terms)
                .request(model: "offline-v1", temperature: 1, seed: index)
            let variants = RewritePrompt.parse(try OfflineProviderTests.answer(request))
            #expect(variants.count == 2 && Set(variants).count == 2, "\(kind) #\(index)")
            for variant in variants {
                let verdict = check.check(original: original, variant: variant, requiredTerms: terms)
                outcome.checked += 1
                if verdict.accepted {
                    outcome.passed += 1
                } else {
                    outcome.failures.append("\(kind) #\(index) \(verdict.json.jsonText)\n\(original)\n---\n\(variant)")
                }
                #expect(!verdict.reasons.contains { $0.code == "missing_aspect" }, "\(kind) #\(index): \(variant)")
                #expect(!verdict.reasons.contains(.sentimentChanged), "\(kind) #\(index): \(variant)")
            }
        }
        return outcome
    }

    /// Measured pass rates, 80 variants each: support_request 1.0, product_review 1.0, feature_request 1.0,
    /// chatbot_conversation 1.0.
    @Test(arguments: SampleKind.allCases)
    func paraphrasesOfGeneratedTextsPassTheVariantCheck(kind: SampleKind) throws {
        let outcome = try Self.outcome(kind)
        #expect(outcome.checked == 80)
        #expect(outcome.rate >= 0.95, "\(kind): \(outcome.rate)\n\(outcome.failures.joined(separator: "\n\n"))")
    }

    /// Every rewrite weighs the same in the sentiment lexicon, alone and before a sentiment word, so swapping one
    /// in neither moves a text's polarity nor turns an intensifier or a negator into a plain word.
    @Test func rewritesKeepTheirSentimentWeight() {
        let lexicon = SentimentLexicon.standard
        var changed: [String] = []
        for (phrase, alternatives) in OfflineParaphrase.lexicon {
            for alternative in alternatives
            where lexicon.score(of: alternative) != lexicon.score(of: phrase)
                || lexicon.score(of: alternative + " good") != lexicon.score(of: phrase + " good")
            {
                changed.append("\(phrase) → \(alternative)")
            }
        }
        #expect(changed.isEmpty, "\(changed.sorted())")
    }

    /// Keys are lower-case words joined by single spaces, the only form a sentence's words can match, and no
    /// alternative repeats its key.
    @Test func everyRewriteCanMatchAndChangesSomething() {
        for (phrase, alternatives) in OfflineParaphrase.lexicon {
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false)
            let matchable = words.allSatisfy { word in
                !word.isEmpty && word.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "'" }
            }
            #expect(matchable, "\(phrase)")
            #expect(!alternatives.isEmpty && !alternatives.contains { $0.lowercased() == phrase }, "\(phrase)")
        }
    }
}
