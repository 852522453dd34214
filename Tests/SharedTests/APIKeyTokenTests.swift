import Shared
import Testing

@Suite struct APIKeyTokenTests {
    @Test func aGeneratedKeyReadsBackAndHashesOnlyItsSecret() throws {
        let token = APIKeyToken.generate()
        #expect(token.text.hasPrefix("dfk_"))
        #expect(APIKeyToken(text: token.text) == token)
        #expect(token.secretHash.count == 64)
        #expect(token.secretHash == APIKeyToken(id: "other", secret: token.secret).secretHash)
        #expect(APIKeyToken.generate() != token)
    }

    @Test(arguments: ["", "dfk_", "dfk_abc", "dfk__secret", "dfk_abc_", "dfk_a_b_c", "sk_abc_def", "dfk_ABC_def", "dfk_a b_c"])
    func aMalformedKeyIsNotAKey(text: String) {
        #expect(APIKeyToken(text: text) == nil)
    }

    @Test func scopesParseFromAList() {
        #expect(KeyScope.parseList("read, write") == [.read, .write])
        #expect(KeyScope.parseList("admin") == [.admin])
        #expect(KeyScope.parseList("read,owner") == nil)
        #expect(KeyScope.parseList("") == nil)
        #expect(KeyScope.listText([.admin, .read]) == "read,admin")
    }
}
