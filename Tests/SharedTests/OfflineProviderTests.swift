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

    /// One sample of a job; production seeds are derived per index, and evenly spaced ones are the hard case.
    static func spec(
        _ kind: SampleKind, product: String = "Wireless Earbuds Pro", sentiment: Int? = nil, tone: String? = nil,
        index: Int = 0, jobSeed: UInt64 = 42
    ) -> SampleSpec {
        SampleSpec(
            product: product, kind: kind, sentiment: sentiment, tone: tone, index: index,
            seed: jobSeed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
    }

    static func text(_ spec: SampleSpec) -> String {
        OfflineProse.text(for: spec)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
            .map(String.init)
    }

    /// Lexicon words in `words`, skipping negated ones ("can't recommend").
    static func count(_ lexicon: Set<String>, in words: [String]) -> Int {
        let negators: Set<String> = ["not", "no", "never", "can't", "cannot", "don't", "won't", "wouldn't", "isn't"]
        return words.indices.count { index in
            lexicon.contains(words[index]) && (index == 0 || !negators.contains(words[index - 1]))
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
    func sameSeedYieldsIdenticalText(kind: SampleKind) {
        for index in 0..<20 {
            let spec = Self.spec(kind, index: index)
            #expect(Self.text(spec) == Self.text(spec))
        }
        #expect(Self.text(Self.spec(kind, index: 0)) != Self.text(Self.spec(kind, index: 1)))
    }

    @Test(arguments: SampleKind.allCases)
    func fiftySamplesOfOneJobAreMutuallyDistinct(kind: SampleKind) {
        let controls: [(Int?, String?)] = [(1, "frustrated"), (3, "neutral"), (5, "enthusiastic"), (nil, nil)]
        for product in Self.products {
            for (sentiment, tone) in controls {
                let grams = (0..<50).map { index in
                    Self.trigrams(
                        Self.text(Self.spec(kind, product: product, sentiment: sentiment, tone: tone, index: index)))
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
                let text = Self.text(Self.spec(kind, product: product, index: index))
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
                let count = OfflineProse.wordCount([Self.text(Self.spec(kind, product: product, index: index))])
                #expect(OfflineProse.wordLimit.contains(count), "\(product) #\(index): \(count) words")
            }
        }
    }

    @Test(arguments: SampleKind.allCases)
    func sentimentShowsInWording(kind: SampleKind) {
        for product in Self.products {
            for index in 0..<25 {
                let negative = Self.words(Self.text(Self.spec(kind, product: product, sentiment: 1, index: index)))
                let positive = Self.words(Self.text(Self.spec(kind, product: product, sentiment: 5, index: index)))
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
                let text = Self.text(Self.spec(kind, product: "Acme Phone", tone: tone, index: index))
                #expect(!text.contains("{") && !text.contains("}"), "\(text)")
            }
        }
    }

    @Test(arguments: SampleKind.allCases)
    func formalToneSpellsOutContractions(kind: SampleKind) {
        for index in 0..<30 {
            let text = Self.text(Self.spec(kind, tone: "formal", index: index))
            let contracted = Self.words(text).filter { $0.contains("n't") || $0.hasSuffix("'m") || $0.hasSuffix("'ve") }
            #expect(contracted.isEmpty, "\(contracted)")
        }
    }

    @Test(arguments: SampleKind.allCases)
    func enthusiasticToneExclaimsMoreThanNeutral(kind: SampleKind) {
        func exclamations(_ tone: String) -> Int {
            (0..<30).reduce(0) { total, index in
                total + Self.text(Self.spec(kind, tone: tone, index: index)).count(where: { $0 == "!" })
            }
        }
        #expect(exclamations("enthusiastic") > 2 * exclamations("neutral"))
    }

    @Test func unknownToneReadsAsNeutral() {
        for kind in SampleKind.allCases {
            #expect(Self.text(Self.spec(kind, tone: "sarcastic")) == Self.text(Self.spec(kind, tone: "neutral")))
            #expect(Self.text(Self.spec(kind, tone: " Polite ")) == Self.text(Self.spec(kind, tone: "polite")))
        }
    }

    @Test func completionIgnoresThePromptAndEstimatesTokens() throws {
        let provider = OfflineProvider(model: "offline-test")
        let sample = Self.spec(.productReview, sentiment: 4, tone: "casual")
        let short = CompletionRequest(
            model: "ignored", messages: [ChatMessage(role: "user", content: "Hi")], temperature: 0.7,
            maxOutputTokens: 300, sample: sample)
        let long = CompletionRequest(
            model: "ignored",
            messages: [
                ChatMessage(role: "system", content: String(repeating: "Write a review. ", count: 20)),
                ChatMessage(role: "user", content: "Make it about something else entirely."),
            ],
            temperature: 0.7, maxOutputTokens: 300, sample: sample)
        let first = try #require(provider.prepare(short).localResult).get()
        let second = try #require(provider.prepare(long).localResult).get()
        #expect(provider.name == "offline")
        #expect(first.model == "offline-test")
        #expect(first.text == second.text)
        #expect(first.inputTokens == 1)
        let prompt = long.messages.map(\.content).joined(separator: "\n")
        #expect(second.inputTokens == (prompt.count + 3) / 4)
        #expect(first.outputTokens == (first.text.count + 3) / 4)
    }

    @Test func latencyIsTheDelayOfTheLocalAnswer() throws {
        let request = CompletionRequest(
            model: "offline-v1", messages: [], temperature: 1, maxOutputTokens: 300, sample: Self.spec(.chatbotConversation))
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
            model: "offline-v1", messages: [], temperature: 1, maxOutputTokens: 300, sample: Self.spec(.chatbotConversation))
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
