import Shared
import Testing

/// Augmented variants are kept only when they keep the original's aspects, sentiment and length, and are a
/// rewrite rather than a copy or a different text.
@Suite struct VariantCheckTests {
    private let check = VariantCheck()
    private let original =
        "The battery lasts two full days and the screen is bright and sharp, so I love using this phone outdoors."
    private let aspects = ["battery", "screen"]

    @Test func goodParaphrasePasses() {
        let verdict = check.check(
            original: original,
            variant: "I love taking this phone outside: its battery keeps going for two whole days and the screen stays bright and crisp.",
            requiredTerms: aspects)
        #expect(verdict.accepted, "\(verdict.json.jsonText)")
        #expect(verdict.reasons.isEmpty)
        #expect(verdict.similarity > 0.2 && verdict.similarity < 0.9)
        #expect(abs(verdict.sentimentDelta) <= 0.35)
    }

    @Test func copyIsANearCopy() {
        let verdict = check.check(
            original: original,
            variant: "The battery lasts two full days, and the screen is bright and sharp; so I love using this phone outdoors!",
            requiredTerms: aspects)
        #expect(verdict.reasons == [.nearCopy])
        #expect(verdict.similarity == 1)
        #expect(!verdict.accepted)
    }

    @Test func unrelatedTextDrifts() {
        let verdict = check.check(
            original: original,
            variant: "Delivery was quick and the courier left my parcel with a neighbour when nobody answered our door.",
            requiredTerms: [])
        #expect(verdict.reasons.contains(.drift))
        #expect(verdict.similarity < 0.2)
    }

    @Test func variantLosingAnAspectTermFailsNamingIt() {
        let verdict = check.check(
            original: original,
            variant: "I love taking this phone outside: its charge keeps going for two whole days and the screen stays bright and crisp.",
            requiredTerms: aspects)
        #expect(verdict.reasons == [.missingAspect(["battery"])])
        #expect(verdict.json["reasons"] == [["code": "missing_aspect", "terms": ["battery"]]])
    }

    @Test func aspectTermsMatchWholeWordsIgnoringCase() {
        let variant = "I love taking this phone outside: its BATTERY keeps going for two whole days and the screens stay bright and crisp."
        let verdict = check.check(original: original, variant: variant, requiredTerms: ["Battery", "screen", "battery life"])
        #expect(verdict.reasons == [.missingAspect(["screen", "battery life"])])
    }

    @Test func replacedTermMayBeMissingForAspectSwaps() {
        let variant = "I love taking this phone outside: its battery keeps going for two whole days and the display stays bright and crisp."
        #expect(!check.check(original: original, variant: variant, requiredTerms: aspects).accepted)
        let verdict = check.check(original: original, variant: variant, requiredTerms: aspects, allowedMissing: ["Screen"])
        #expect(verdict.accepted, "\(verdict.json.jsonText)")
    }

    @Test func flippedSentimentFails() {
        let verdict = check.check(
            original: original,
            variant: "I hate taking this phone outside: its battery barely lasts two days and the screen is dim and blurry.",
            requiredTerms: aspects)
        #expect(verdict.reasons == [.sentimentChanged])
        #expect(verdict.originalPolarity > 0.2)
        #expect(verdict.variantPolarity < 0)
    }

    @Test func smallSignFlipOfAClearlyPositiveTextFails() {
        let bounds = VariantCheck.Bounds(sentimentTolerance: 2)
        let verdict = VariantCheck(bounds: bounds).check(
            original: original,
            variant: "I took this phone outside: its battery keeps going for two whole days and the screen is dim and blurry.",
            requiredTerms: aspects)
        #expect(verdict.reasons == [.sentimentChanged])
    }

    @Test func variantHalfAsLongFails() {
        let verdict = check.check(
            original: original, variant: "The battery lasts two days and I love the bright screen.", requiredTerms: aspects)
        #expect(verdict.reasons == [.lengthOutOfBounds])
        #expect(verdict.lengthRatio < 0.6)
    }

    @Test func allReasonsAreReportedTogether() {
        let verdict = check.check(
            original: original, variant: "Awful courier, parcel came late.", requiredTerms: aspects)
        #expect(verdict.reasons == [.missingAspect(["battery", "screen"]), .sentimentChanged, .lengthOutOfBounds, .drift])
        #expect(verdict.json["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue }
            == ["missing_aspect", "sentiment_changed", "length_out_of_bounds", "drift"])
    }

    @Test func boundsAreConfigurable() {
        // One word changed in twenty: similarity about 0.89, inside the default band.
        let variant = "The battery lasts two full days and the screen is bright and sharp, so I love using this phone outside."
        #expect(check.check(original: original, variant: variant, requiredTerms: aspects).accepted)
        let strict = VariantCheck(bounds: .init(similarity: 0.2...0.85))
        #expect(strict.check(original: original, variant: variant, requiredTerms: aspects).reasons == [.nearCopy])
        let short = "The battery lasts two days and I love the bright screen."
        #expect(!check.check(original: original, variant: short, requiredTerms: aspects).accepted)
        let loose = VariantCheck(bounds: .init(lengthRatio: 0.5...1.6))
        #expect(loose.check(original: original, variant: short, requiredTerms: aspects).accepted)
    }

    @Test func jsonCarriesTheMeasures() {
        let verdict = check.check(original: original, variant: original, requiredTerms: aspects)
        let json = verdict.json
        #expect(json["accepted"] == false)
        #expect(json["similarity"] == 1.0)
        #expect(json["similarity_measure"] == "char_3gram_jaccard")
        #expect(json["length_ratio"] == 1.0)
        #expect(json["sentiment_delta"] == 0.0)
        #expect(json["reasons"] == [["code": "near_copy"]])
    }

    @Test func emptyTextsStayFinite() {
        let verdict = check.check(original: "", variant: "", requiredTerms: [])
        #expect(verdict.lengthRatio == 0)
        #expect(verdict.similarity == 1)
        #expect(verdict.json["length_ratio"] == 0.0)
    }
}
