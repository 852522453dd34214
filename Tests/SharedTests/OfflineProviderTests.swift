import Testing

@testable import Shared

@Suite struct OfflineProviderTests {
    static let products = ["Wireless Earbuds Pro", "Acme Cloud Ledger", "Smart Blender 3000", "Trail Backpack 40L"]
    static let tones = [
        "frustrated", "polite", "urgent", "professional", "casual", "formal", "friendly", "concerned",
        "enthusiastic", "neutral",
    ]

    static let negativeWords: Set<String> = [
        "bad", "poor", "terrible", "awful", "broken", "disappointed", "disappointing", "disappointment",
        "frustrating", "useless", "worst", "worse", "unacceptable", "annoying", "unreliable", "waste", "regret",
        "regretting", "sorry", "apologies", "apologise", "unfortunately", "sadly", "letdown", "headache",
        "trouble", "fed", "avoid", "grief", "complaint", "mess", "unhappy",
    ]
    static let positiveWords: Set<String> = [
        "great", "excellent", "love", "perfect", "perfectly", "amazing", "fantastic", "happy", "pleased",
        "impressed", "reliably", "recommend", "recommended", "wonderful", "best", "brilliant", "delighted", "glad",
        "flawless", "flawlessly", "favourite", "enjoy", "enjoying", "highlight", "upgrade",
    ]

    /// Who writes and when: 5 × 10 scenarios, one per sample of a 50-sample job.
    static let customers = ["a first-time buyer", "a long-time customer", "a student", "a parent", "a traveller"]
    static let moments = [
        "on the first day", "after a week", "after a month", "after an update", "before a trip", "at work",
        "at home", "after a refund", "after a repair", "after a move",
    ]

    /// The generation brief of one sample of a job: the controls, and a scenario that varies with `index`.
    static func brief(
        _ kind: SampleKind, product: String = "Wireless Earbuds Pro", sentiment: Int? = nil, tone: String? = nil,
        index: Int = 0
    ) -> String {
        var brief = "Write one \(kind.noun) about \"\(product)\". Length: between 50 and 200 words."
        if let sentiment { brief += "\nSentiment: \(sentiment)/5." }
        if let tone { brief += "\nTone: \(tone)." }
        let scenario = customers[index % customers.count] + " " + moments[index / customers.count % moments.count]
        return brief + "\nScenario: \(scenario)."
    }

    static func request(_ brief: String, seed: Int? = nil) -> CompletionRequest {
        CompletionRequest(
            model: "offline-v1",
            messages: [
                ChatMessage(role: "system", content: "You write realistic texts about products."),
                ChatMessage(role: "user", content: brief),
            ],
            temperature: 1, maxOutputTokens: 300, seed: seed)
    }

    /// The offline provider's answer to one sample's brief.
    static func text(
        _ kind: SampleKind, product: String = "Wireless Earbuds Pro", sentiment: Int? = nil, tone: String? = nil,
        index: Int = 0
    ) -> String {
        let brief = brief(kind, product: product, sentiment: sentiment, tone: tone, index: index)
        guard case .success(let completion)? = OfflineProvider().prepare(request(brief)).localResult else { return "" }
        return completion.text
    }

    static func words(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
            .map(String.init)
    }

    /// Lexicon words in `words`, skipping negated ones ("can't recommend") and sign-off formulas ("Best regards").
    static func count(_ lexicon: Set<String>, in words: [String]) -> Int {
        let negators: Set<String> = ["not", "no", "never", "can't", "cannot", "don't", "won't", "wouldn't", "isn't"]
        return words.indices.count { index in
            lexicon.contains(words[index]) && (index == 0 || !negators.contains(words[index - 1]))
                && !(index + 1 < words.count && ["regards", "wishes"].contains(words[index + 1]))
        }
    }

    static func trigrams(_ text: String) -> Set<[String]> {
        let tokens = words(text)
        guard tokens.count >= 3 else { return [] }
        return Set((0...(tokens.count - 3)).map { Array(tokens[$0..<($0 + 3)]) })
    }

    static func jaccard(_ lhs: Set<[String]>, _ rhs: Set<[String]>) -> Double {
        let union = lhs.union(rhs).count
        return union == 0 ? 0 : Double(lhs.intersection(rhs).count) / Double(union)
    }

    @Test(arguments: SampleKind.allCases)
    func sameBriefYieldsIdenticalTextAndAnotherBriefOrSeedAnother(kind: SampleKind) throws {
        let provider = OfflineProvider()
        for index in 0..<20 {
            let request = Self.request(Self.brief(kind, index: index), seed: 7)
            let first = try #require(provider.prepare(request).localResult).get().text
            #expect(first == (try #require(provider.prepare(request).localResult).get().text))
            let reseeded = try #require(provider.prepare(Self.request(Self.brief(kind, index: index), seed: 8)).localResult)
            #expect(try reseeded.get().text != first)
        }
        #expect(Self.text(kind, index: 0) != Self.text(kind, index: 1))
    }

    @Test(arguments: SampleKind.allCases)
    func briefsNameTheirKindAndLengthOrGetDefaults(kind: SampleKind) {
        let brief = OfflineBrief(reading: Self.brief(kind, sentiment: 2, tone: "Casual"), context: "", seed: 1)
        #expect(brief.product == "Wireless Earbuds Pro")
        #expect(brief.kind == kind)
        #expect(brief.sentiment == 2)
        #expect(brief.tone == "Casual")
        #expect(brief.words == 50...200)
        let bare = OfflineBrief(reading: "Write something.", context: "", seed: 1)
        #expect(bare.product == OfflineBrief.unnamedProduct && bare.kind == .supportRequest)
        #expect(bare.sentiment == nil && bare.tone == nil && bare.words == nil)
        let text = OfflineProse.text(for: bare)
        #expect(text.contains("the product") || text.contains("The product"))
        #expect(OfflineProse.usualWords(for: kind).contains(OfflineProse.wordCount([text])))
        let short = OfflineBrief(reading: "A \(kind.noun), between 50 and 90 words.", context: "", seed: 3)
        for seed in 0..<20 as Range<UInt64> {
            var seeded = short
            seeded.seed = seed
            #expect(OfflineProse.wordCount([OfflineProse.text(for: seeded)]) <= 90)
        }
    }

    @Test(arguments: SampleKind.allCases)
    func fiftySamplesOfOneJobAreMutuallyDistinct(kind: SampleKind) {
        let controls: [(Int?, String?)] = [(1, "frustrated"), (3, "neutral"), (5, "enthusiastic"), (nil, nil)]
        for product in Self.products {
            for (sentiment, tone) in controls {
                let grams = (0..<50).map { index in
                    Self.trigrams(
                        Self.text(kind, product: product, sentiment: sentiment, tone: tone, index: index))
                }
                var worst = 0.0
                for first in grams.indices {
                    for second in grams.indices where second > first {
                        worst = max(worst, Self.jaccard(grams[first], grams[second]))
                    }
                }
                #expect(worst < 0.5, "\(product), sentiment \(String(describing: sentiment)): \(worst)")
            }
        }
    }

    @Test(arguments: SampleKind.allCases)
    func textMentionsTheProduct(kind: SampleKind) throws {
        let products = Self.products + ["Widget (v2) [Pro]-X! {beta}", "zeta_ring 3.0, mk.II?"]
        for product in products {
            var repeated = 0
            for index in 0..<40 {
                let text = Self.text(kind, product: product, index: index)
                let first = try #require(text.firstRange(of: product), "\(product) #\(index)")
                if text[first.upperBound...].contains(product) { repeated += 1 }
            }
            #expect(repeated >= 20, "\(product): only \(repeated) of 40 texts name it twice")
        }
    }

    @Test(arguments: SampleKind.allCases)
    func lengthIsBetweenFiftyAndTwoHundredWords(kind: SampleKind) {
        for product in Self.products {
            for index in 0..<100 {
                let count = OfflineProse.wordCount([Self.text(kind, product: product, index: index)])
                #expect(OfflineProse.wordLimit.contains(count), "\(product) #\(index): \(count) words")
            }
        }
    }

    @Test(arguments: SampleKind.allCases)
    func sentimentShowsInWording(kind: SampleKind) {
        for product in Self.products {
            for index in 0..<25 {
                let negative = Self.words(Self.text(kind, product: product, sentiment: 1, index: index))
                let positive = Self.words(Self.text(kind, product: product, sentiment: 5, index: index))
                #expect(
                    Self.count(Self.negativeWords, in: negative) > Self.count(Self.positiveWords, in: negative),
                    "\(product) #\(index) with sentiment 1")
                #expect(
                    Self.count(Self.positiveWords, in: positive) > Self.count(Self.negativeWords, in: positive),
                    "\(product) #\(index) with sentiment 5")
            }
        }
    }

    @Test(arguments: SampleKind.allCases)
    func slotsAreAlwaysFilled(kind: SampleKind) {
        for tone in Self.tones {
            for index in 0..<30 {
                let text = Self.text(kind, product: "Acme Phone", tone: tone, index: index)
                #expect(!text.contains("{") && !text.contains("}"), "\(text)")
            }
        }
    }

    @Test(arguments: SampleKind.allCases)
    func formalToneSpellsOutContractions(kind: SampleKind) {
        for index in 0..<30 {
            let text = Self.text(kind, tone: "formal", index: index)
            let contracted = Self.words(text).filter { $0.contains("n't") || $0.hasSuffix("'m") || $0.hasSuffix("'ve") }
            #expect(contracted.isEmpty, "\(contracted)")
        }
    }

    @Test(arguments: SampleKind.allCases)
    func enthusiasticToneExclaimsMoreThanNeutral(kind: SampleKind) {
        func exclamations(_ tone: String) -> Int {
            (0..<30).reduce(0) { total, index in
                total + Self.text(kind, tone: tone, index: index).count(where: { $0 == "!" })
            }
        }
        #expect(exclamations("enthusiastic") > 2 * exclamations("neutral"))
    }

    @Test func unknownToneReadsAsNeutral() {
        for kind in SampleKind.allCases {
            let brief = OfflineBrief(product: "Acme Phone", kind: kind, tone: "neutral", seed: 5)
            var sarcastic = brief
            sarcastic.tone = "sarcastic"
            var polite = brief
            polite.tone = "polite"
            var spaced = brief
            spaced.tone = " Polite "
            #expect(OfflineProse.text(for: sarcastic) == OfflineProse.text(for: brief))
            #expect(OfflineProse.text(for: spaced) == OfflineProse.text(for: polite))
        }
    }

    @Test func completionFollowsThePromptAndEstimatesTokens() throws {
        let provider = OfflineProvider(model: "offline-test")
        let lamp = Self.request(Self.brief(.productReview, product: "Aurora Desk Lamp", sentiment: 4))
        let kettle = Self.request(Self.brief(.productReview, product: "Copper Kettle", sentiment: 4))
        let first = try #require(provider.prepare(lamp).localResult).get()
        let second = try #require(provider.prepare(kettle).localResult).get()
        #expect(provider.name == "offline")
        #expect(first.model == "offline-test")
        #expect(first.text.contains("Aurora Desk Lamp") && !first.text.contains("Copper Kettle"))
        #expect(second.text.contains("Copper Kettle"))
        let prompt = lamp.messages.map(\.content).joined(separator: "\n")
        #expect(first.inputTokens == (prompt.count + 3) / 4)
        #expect(first.outputTokens == (first.text.count + 3) / 4)
        var three = lamp
        three.choices = 3
        let choices = try #require(provider.prepare(three).localResult).get()
        #expect(choices.texts.count == 3 && Set(choices.texts).count == 3 && choices.texts[0] == first.text)
    }

    @Test func latencyIsTheDelayOfTheLocalAnswer() throws {
        let request = CompletionRequest(
            model: "offline-v1", messages: [], temperature: 1, maxOutputTokens: 300)
        guard case .local(let result, let delay) = OfflineProvider(latency: .milliseconds(60)).prepare(request) else {
            Issue.record("the offline provider answers locally")
            return
        }
        #expect(delay == .milliseconds(60))
        #expect(try result.get().inputTokens == 1)
        #expect(OfflineProvider().prepare(request).localResult != nil)
    }

    @Test func itNeverInterpretsHTTPAndReportsNoRateLimits() {
        let provider = OfflineProvider()
        let response = HTTPResponse(status: 200, headers: ["x-ratelimit-limit-requests": "1"], body: [])
        let request = CompletionRequest(
            model: "offline-v1", messages: [], temperature: 1, maxOutputTokens: 300)
        #expect(provider.interpret(response, for: request).failure?.kind == .fatal)
        #expect(provider.rateLimits(in: response) == nil)
    }

    @Test func productFamilyFollowsTheName() {
        #expect(ProductFamily(product: "Wireless Earbuds Pro") == .headphones)
        #expect(ProductFamily(product: "BoomBox Speaker Mini") == .speaker)
        #expect(ProductFamily(product: "Pixel Watch 2") == .device)
        #expect(ProductFamily(product: "Smart Blender 3000") == .appliance)
        #expect(ProductFamily(product: "Acme Cloud Ledger") == .software)
        #expect(ProductFamily(product: "Trail Backpack 40L") == .general)
    }
}
