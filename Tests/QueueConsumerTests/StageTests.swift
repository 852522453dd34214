import Foundation
@testable import QueueConsumer
import Shared
import Testing

@Suite struct StageTests {
    static let jobID = UUID()
    static let origin = SampleOrigin(
        jobID: jobID, kind: .productReview, product: "Wireless Earbuds", template: "product_review",
        templateVersion: "v1", promptVersion: "v1", temperature: 0.7, provider: "offline", metadata: ["tone": "polite"])
    static let goodReview = """
        I bought the Wireless Earbuds for my daily commute and they have been great. The sound is clear and \
        the battery lasts the whole week. Pairing with my phone took seconds, and the case fits in any pocket. \
        The fit is comfortable for long calls, and the noise cancelling blocks the train. I would buy them again.
        """

    static let unique = DedupAnswer(verdict: .unique, nearestJaccard: nil)

    static func draft(_ text: String, index: Int = 0) -> SampleDraft {
        SampleDraft(index: index, text: text, model: "offline-v1")
    }

    static func scored(_ text: String, filters: Bool = true, pii: PIIPolicy = .redact) -> SampleDraft {
        let score = ScoreStage(
            scorer: QualityScorer(), kind: .productReview, product: "Wireless Earbuds", filters: filters)
        return FingerprintStage().run(score.run(PIIStage(policy: pii).run(draft(text))))
    }

    @Test func redactionReplacesPersonalDataAndRecordsItsKinds() {
        let out = PIIStage(policy: .redact).run(Self.draft("Write to jane.doe@example.com or call +44 20 7946 0958."))
        #expect(!out.text.contains("jane.doe@example.com") && !out.text.contains("7946"))
        #expect(out.pii == [.email, .phone])
        #expect(out.passesLocally)
    }

    @Test func rejectionKeepsTheTextAndRejectsWithTheKinds() {
        let out = PIIStage(policy: .reject).run(Self.draft("Write to jane.doe@example.com please."))
        #expect(out.text.contains("jane.doe@example.com"))
        #expect(out.localReasons == [.containsPII([.email])])
        #expect(PIIStage(policy: .off).run(Self.draft("jane.doe@example.com")).pii.isEmpty)
    }

    @Test func aGoodUniqueSampleIsKeptWithEveryColumnFilled() {
        let sample = FilterStage(origin: Self.origin, threshold: 0.6, filters: true).run((Self.scored(Self.goodReview), Self.unique))
        #expect(sample.kept && sample.filterReason == nil)
        #expect(sample.template == "product_review" && sample.templateVersion == "v1")
        #expect(sample.contentHash?.count == 64)
        #expect(sample.quality["uniqueness"]?.doubleValue == 1)
        #expect((sample.quality["overall"]?.doubleValue ?? 0) >= 0.6)
        #expect(sample.metadata["quality_score"] == sample.quality["overall"])
        #expect(sample.id == SampleSeed.sampleID(jobID: Self.jobID, index: 0))
    }

    @Test func aNearDuplicateIsRejectedNamingItsOriginalAndSimilarity() throws {
        let original = UUID()
        let sample = FilterStage(origin: Self.origin, threshold: 0.6, filters: true)
            .run((Self.scored(Self.goodReview), DedupAnswer(verdict: .nearDuplicate(of: original, jaccard: 0.91), nearestJaccard: 0.91)))
        #expect(!sample.kept)
        #expect(sample.filterReason?.split(separator: ",").contains("near_duplicate") == true)
        let reasons = try #require(sample.quality["reasons"]?.arrayValue)
        let near = try #require(reasons.first { $0["code"] == "near_duplicate" })
        #expect(near["duplicate_of"]?.stringValue == original.sqlText && near["jaccard"]?.doubleValue == 0.91)
        #expect(abs((sample.quality["uniqueness"]?.doubleValue ?? 0) - 0.09) < 0.001)
    }

    @Test func uniquenessIsOneMinusTheNearestSimilarityTheIndexFound() {
        let filter = FilterStage(origin: Self.origin, threshold: 0.6, filters: true)
        let alike = filter.run((Self.scored(Self.goodReview), DedupAnswer(verdict: .unique, nearestJaccard: 0.6)))
        #expect(alike.kept && alike.quality["uniqueness"]?.doubleValue == 0.4)
        let apart = filter.run((Self.scored(Self.goodReview), Self.unique))
        #expect(apart.quality["uniqueness"]?.doubleValue == 1)
        #expect((alike.quality["overall"]?.doubleValue ?? 1) < (apart.quality["overall"]?.doubleValue ?? 0))
    }

    @Test func everyReasonIsStoredNotJustTheFirst() {
        let sample = FilterStage(origin: Self.origin, threshold: 0.6, filters: true)
            .run((Self.scored("Bad. jane@example.com", pii: .reject), nil))
        let codes = Set(sample.filterReason?.split(separator: ",").map(String.init) ?? [])
        #expect(codes.isSuperset(of: ["too_short", "below_threshold", "contains_pii"]))
        #expect(!sample.kept)
    }

    @Test func withoutTheFilterOnlyDuplicatesAndRejectedPersonalDataReject() {
        let filter = FilterStage(origin: Self.origin, threshold: 0.6, filters: false)
        #expect(filter.run((Self.scored("Too short.", filters: false), Self.unique)).kept)
        let exact = DedupAnswer(verdict: .exactDuplicate(of: UUID()), nearestJaccard: 1)
        #expect(filter.run((Self.scored(Self.goodReview, filters: false), exact)).filterReason == "duplicate")
    }

    @Test func theBorderlineJudgeAsksOnlyAboutSamplesNearTheThreshold() {
        let good = Self.scored(Self.goodReview)
        let overall = good.scores?.overall ?? 0
        func judge(_ mode: CoherenceJudgeMode, threshold: Double) -> JudgeStage {
            JudgeStage(
                mode: mode, threshold: threshold, filters: true, jobID: Self.jobID, provider: OfflineProvider(),
                model: "offline-v1", product: "Wireless Earbuds", kind: .productReview, cacheMode: "auto")
        }
        #expect(judge(.borderline, threshold: overall - 0.05).wants(good))
        #expect(!judge(.borderline, threshold: overall - 0.2).wants(good), "clearly above the threshold")
        #expect(!judge(.off, threshold: overall).wants(good))
        #expect(!judge(.borderline, threshold: 0.6).wants(Self.scored("Too short.")), "outside the length limits")
    }

    @Test func aJudgementReplacesTheHeuristicCoherenceAndDecidesAgain() throws {
        let judge = JudgeStage(
            mode: .borderline, threshold: 0.6, filters: true, jobID: Self.jobID, provider: OfflineProvider(),
            model: "offline-v1", product: "Wireless Earbuds", kind: .productReview, cacheMode: "auto")
        let drafts = [Self.scored(Self.goodReview), { var d = Self.scored(Self.goodReview); d.index = 1; return d }()]
        let answer = #"{"judgements":[{"index":0,"coherence":0.0,"reason":"contradicts itself"}]}"#
        let judged = judge.apply(Completion(text: answer, inputTokens: 10, outputTokens: 10, model: "m"), to: drafts)
        #expect(judged[0].coherenceSource == "judge" && judged[0].scores?.coherence == 0)
        #expect((judged[0].scores?.overall ?? 1) < (drafts[0].scores?.overall ?? 0))
        #expect(judged[1].coherenceSource == "heuristic", "a text the judge left out keeps its heuristic")
        let call = judge.call(for: drafts, id: 7, attempt: 1)
        #expect(call.purpose == .judge && call.id == 7 && call.request.temperature == 0)
    }
}
