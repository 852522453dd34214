import Shared
import Testing

extension SettingsTests {
    @Test func personalDataIsRedactedUnlessConfiguredOtherwise() throws {
        #expect(try Settings(environment: [:]).piiPolicy == .redact)
    }

    @Test(arguments: [("redact", PIIPolicy.redact), ("reject", .reject), ("off", .off), ("REJECT", .reject)])
    func eachPIIPolicyIsReadInAnyCase(value: String, policy: PIIPolicy) throws {
        #expect(try Settings(environment: ["DATAFORGE_PII": value]).piiPolicy == policy)
    }

    @Test func anUnknownPIIPolicyNamesTheChoices() throws {
        let error = try #require(throws: ConfigError.self) { try Settings(environment: ["DATAFORGE_PII": "mask"]) }
        #expect(error.description == "DATAFORGE_PII: expected one of redact, reject, off, got 'mask'")
    }
}
