import Shared
import Testing

@Suite struct AugmentationStrategyTests {
    @Test func namesAreReadInOrderOnceEachAndCDAIsTheDefault() throws {
        #expect(try AugmentationStrategy.parse(["ADA", "CDA", "ADA"]).get() == [.ada, .cda])
        #expect(try AugmentationStrategy.parse([]).get() == [.cda])
    }

    @Test func aBadNameIsA400NamingItAndTheValidOnesInTheirFixedOrder() {
        guard case .failure(let error) = AugmentationStrategy.parse(["CADA", "XYZ", "cda"]),
            case .badRequest(let message) = error
        else {
            Issue.record("expected a 400")
            return
        }
        #expect(message == "Invalid augmentation strategies: XYZ, cda. Valid options: CDA, ADA, CADA")
    }

    @Test func theContractsTextsAreKept() {
        #expect(AugmentationStrategy.allCases.map(\.rawValue) == ["CDA", "ADA", "CADA"])
        #expect(AugmentationStrategy.cda.title == "Context-Focused Data Augmentation")
        #expect(AugmentationStrategy.cada.usageNote == "Best overall performance but computationally intensive")
    }
}
