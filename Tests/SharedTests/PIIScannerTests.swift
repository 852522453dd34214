import Shared
import Testing

@Suite struct PIIScannerTests {
    /// What the scanner found in `text`: each match as its kind and its text.
    private func found(_ text: String) -> [String] {
        PIIScanner().scan(text).matches.map { "\($0.kind.rawValue):\($0.text(in: text))" }
    }

    @Test(arguments: [
        ("Write to jane.doe+orders@example.co.uk today.", "email:jane.doe+orders@example.co.uk"),
        ("(bob_99@mail-server.example.com)", "email:bob_99@mail-server.example.com"),
        ("Contact:SUPPORT@Example.ORG", "email:SUPPORT@Example.ORG"),
        ("Card 4111 1111 1111 1111 expires soon", "card:4111 1111 1111 1111"),
        ("card 4111-1111-1111-1111.", "card:4111-1111-1111-1111"),
        ("paid with 4111111111111111", "card:4111111111111111"),
        ("MasterCard 5555 5555 5555 4444", "card:5555 5555 5555 4444"),
        ("Amex 3782 822463 10005 on file", "card:3782 822463 10005"),
        ("Discover 6011111111111117", "card:6011111111111117"),
        ("Visa 4222222222222 (13 digits)", "card:4222222222222"),
        ("Mastercard 2221 0000 0000 0009", "card:2221 0000 0000 0009"),
        ("Diners 3056 930902 5904", "card:3056 930902 5904"),
        ("card 4111 1111 1111 1111 2027", "card:4111 1111 1111 1111"),
        ("IBAN GB82 WEST 1234 5698 7654 32, thanks", "iban:GB82 WEST 1234 5698 7654 32"),
        ("send to DE89 3704 0044 0532 0130 00 please", "iban:DE89 3704 0044 0532 0130 00"),
        ("DE89370400440532013000", "iban:DE89370400440532013000"),
        ("FR14 2004 1010 0505 0001 3M02 606", "iban:FR14 2004 1010 0505 0001 3M02 606"),
        ("NL91ABNA0417164300.", "iban:NL91ABNA0417164300"),
        ("lowercase gb82west12345698765432 too", "iban:gb82west12345698765432"),
        ("server at 192.168.1.254.", "ip:192.168.1.254"),
        ("from 10.0.0.1, 0.0.0.0 and 255.255.255.255", "ip:10.0.0.1"),
        ("IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 full", "ip:2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        ("compressed 2001:db8::ff00:42:8329 here", "ip:2001:db8::ff00:42:8329"),
        ("link-local fe80::1 and loopback", "ip:fe80::1"),
        ("loopback ::1 only", "ip:::1"),
        ("Call +1 (415) 555-2671 now", "phone:+1 (415) 555-2671"),
        ("Call (415) 555-2671 now", "phone:(415) 555-2671"),
        ("Call 415.555.2671 now", "phone:415.555.2671"),
        ("Toll free 1-800-555-0199.", "phone:1-800-555-0199"),
        ("London +44 20 7946 0958", "phone:+44 20 7946 0958"),
        ("Ring 020 7946 0958 today", "phone:020 7946 0958"),
        ("Paris 06 12 34 56 78.", "phone:06 12 34 56 78"),
        ("WhatsApp +14155552671", "phone:+14155552671"),
        ("Tel. (415)555-2671.", "phone:(415)555-2671"),
        ("Paris +33 6 12 34 56 78", "phone:+33 6 12 34 56 78"),
        ("Berlin 030 12345678", "phone:030 12345678"),
        ("Phone:+49 30 12345678", "phone:+49 30 12345678"),
    ])
    func eachKindIsFoundWithExactlyItsCharacters(text: String, expected: String) {
        #expect(found(text).first == expected)
    }

    @Test func everyOccurrenceIsFoundInOrder() {
        let text = "a@b.io, 4111 1111 1111 1111, GB82 WEST 1234 5698 7654 32, 8.8.8.8, ::1, +44 20 7946 0958, c@d.io"
        #expect(found(text) == [
            "email:a@b.io", "card:4111 1111 1111 1111", "iban:GB82 WEST 1234 5698 7654 32", "ip:8.8.8.8", "ip:::1",
            "phone:+44 20 7946 0958", "email:c@d.io",
        ])
    }

    @Test(arguments: [
        "4111 1111 1111 1112",  // fails Luhn
        "4111111111111112",
        "1234 5678 9012 3456",  // no network starts with 1, and fails Luhn
        "0000 0000 0000 0000",  // passes Luhn, but is no number
        "4444444444444444444",
        "order 9111111111111111",
        "ref 3411 1111 1111 1110",  // passes Luhn, but American Express numbers have 15 digits
        "id 7111 1111 1111 1114",  // passes Luhn, but no network starts with 7
        "SKU4111111111111111",  // inside a word
        "41 11 11 11 11 11 11 11",  // groups too short
        "4111 1111 1111 1111.50",  // a longer decimal number
        "GB82 WEST 1234 5698 7654 33",  // bad check digits
        "GB83 WEST 1234 5698 7654 32",
        "GB82 WEST 1234 5698 7654 3",  // one character short
        "GB82 WEST 1234 5698 7654 321",  // one too many
        "DE89 3704 0044 0532 0130 01",
        "XX82 WEST 1234 5698 7654 32",  // no such country
        "ABGB82WEST12345698765432",
        "version 1.2.3.4b",
        "v1.2.3.4 of the app",
        "Version 1.2.3.4 fixed it",
        "firmware 10.0.0.1",
        "release 1.2.3.4.5",
        "256.1.1.1",
        "192.168.01.1",
        "10:30:45",
        "00:1A:2B:3C:4D:5E",
        "std::vector",
        "1::2::3",
        "price $1,299.99",
        "costs 1 299 000 euros",
        "in 2019 2020 2021 and 2022",
        "on 2024-01-15",
        "on 15.01.2024 at noon",
        "on 01.02.2024 12 times",
        "order #123-456-7890",
        "order 4155552671",
        "order no. 987654321012",
        "ISBN 978-3-16-148410-0",
        "123-456-7890",  // no area code starts with 1
        "call 555-2671",  // too short
        "+5 points",
        "Room 101, call 911 in 3-5 days between 12:30-14:00",
        "ticket 2024-000123-45",
        "0 5 10 20 50 100",
        "+44 20 (7946 0958",
        "jane.doe@localhost",
        "jane@example.c",
        "@example.com",
        "a.@example.com",
        "2 + 2 = 4; 3.14159; 42; 1,000,000",
    ])
    func lookalikesAreNotFound(text: String) {
        #expect(found(text) == [])
    }

    @Test func redactionReplacesEachMatchByItsPlaceholderAndListsTheKinds() {
        let text = "Mail jo@x.org or call +44 20 7946 0958 or jo@y.org; card 4111-1111-1111-1111 from 10.1.2.3."
        let result = PIIScanner().redacted(text)
        #expect(result.text == "Mail [EMAIL] or call [PHONE] or [EMAIL]; card [CARD] from [IP].")
        #expect(result.kinds == [.email, .phone, .card, .ip])
    }

    @Test func redactedTextKeepsOtherScriptsAndHasNothingLeftToFind() {
        let text = "Écrivez à marie@exemple.fr — 电话 +86 138 0013 8000 ✅"
        let result = PIIScanner().redacted(text)
        #expect(result.text == "Écrivez à [EMAIL] — 电话 [PHONE] ✅")
        #expect(PIIScanner().scan(result.text).isClean)
    }

    @Test func aCleanTextIsReturnedUnchangedWithNoKinds() {
        let text = "The earbuds arrived on 2024-03-02, cost $129.99 and v2.1.0 fixed the pairing."
        let result = PIIScanner().redacted(text)
        #expect(result.text == text)
        #expect(result.kinds.isEmpty)
    }

    @Test func aLongRunOfDigitsAndSeparatorsIsNotAPhoneOrCard() {
        let text = String(repeating: "12 ", count: 5_000) + String(repeating: "9", count: 5_000)
        #expect(PIIScanner().scan(text).isClean)
    }

    @Test func placeholdersAreUpperCaseKindNames() {
        #expect(PIIKind.allCases.map(\.placeholder) == ["[EMAIL]", "[PHONE]", "[CARD]", "[IBAN]", "[IP]"])
    }
}
