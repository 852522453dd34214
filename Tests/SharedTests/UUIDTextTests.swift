import Foundation
import Shared
import Testing

@Suite struct UUIDTextTests {
    @Test func formatsAsFoundationDoesInLowerCase() {
        for _ in 0..<1000 {
            let id = UUID()
            #expect(id.lowercasedText == id.uuidString.lowercased())
        }
    }

    @Test func parsesBothCasesBackToTheSameUUID() {
        for _ in 0..<1000 {
            let id = UUID()
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.lowercasedText) == id)
        }
    }

    @Test(arguments: [
        "", "not-a-uuid", "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000",
        "000000000000-0000-0000-0000-00000000", "0000000g-0000-0000-0000-000000000000",
        "00000000-0000-0000-0000-000000000000 ", "{00000000-0000-0000-0000-000000000000}",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(UUID(text: text) == nil)
        #expect(UUID(uuidString: text) == nil, "Foundation agrees")
    }
}
