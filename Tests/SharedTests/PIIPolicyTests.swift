import Shared
import Testing

@Suite struct PIIPolicyTests {
    static let leaky = "Mail me at jane.doe@example.com about the order."

    @Test func redactionKeepsOnlyTheRedactedTextInTheCache() throws {
        let kept = try #require(PIIPolicy.redact.keepable(Self.leaky))
        #expect(!kept.contains("jane.doe@example.com"))
        #expect(kept.hasPrefix("Mail me at ") && kept.hasSuffix(" about the order."))
    }

    @Test func rejectionKeepsNoTextWithPersonalDataAndCleanTextsAsTheyAre() {
        #expect(PIIPolicy.reject.keepable(Self.leaky) == nil)
        #expect(PIIPolicy.reject.keepable("Nothing personal here.") == "Nothing personal here.")
        #expect(PIIPolicy.off.keepable(Self.leaky) == Self.leaky)
    }

    @Test func anEchoNeverShowsWhatRedactionRemovesUnlessThePolicyIsOff() {
        #expect(!PIIPolicy.redact.echoable(Self.leaky).contains("@example.com"))
        #expect(!PIIPolicy.reject.echoable(Self.leaky).contains("@example.com"))
        #expect(PIIPolicy.off.echoable(Self.leaky) == Self.leaky)
    }
}
