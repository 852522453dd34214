import Shared
import Testing

@Suite struct ProductNameTests {
    @Test(arguments: [
        "Écouteurs sans fil",
        "无线耳机",
        "Ноутбук 15",
        "ヘッドホン X2",
        "هاتف ٣",
        "Ψηφιακή κάμερα",
        "iPhone 15 Pro (2023) [Red] {X}, v.2 - new! ok? a_b",
        "Smart  Watch",
        "ab",
        "!!",
    ])
    func lettersDigitsOfAnyScriptAndAllowedPunctuationAreKept(name: String) {
        #expect(ProductName.sanitise(name) == name)
    }

    @Test(arguments: [
        ("<script>alert(1)</script>", "scriptalert(1)script"),
        ("\"Quoted\" 'Phone'", "Quoted Phone"),
        ("Phone`s", "Phones"),
        ("a@b#c$d%e^f&g*h;i:j/k\\l|m", "abcdefghijklm"),
        ("Phone <>=+~ X", "Phone  X"),
        ("Phone 😀", "Phone"),
        ("👍🏽Phone🇫🇷", "Phone"),
        ("Phone™ ©2024", "Phone 2024"),
        ("Smart\tWatch\n2", "SmartWatch2"),
        ("Line\r\nBreak", "LineBreak"),
        ("Zero\u{200B}Width", "ZeroWidth"),
        ("Null\u{0}Byte", "NullByte"),
    ])
    func everythingElseIsStripped(raw: String, expected: String) {
        #expect(ProductName.sanitise(raw) == expected)
    }

    @Test(arguments: [
        ("   Phone   ", "Phone"),
        ("@@ Phone ##", "Phone"),
        ("\t Phone \n", "Phone"),
        ("😀 Phone X 😀", "Phone X"),
        ("\u{00A0}Phone\u{00A0}", "Phone"),
    ])
    func resultIsTrimmed(raw: String, expected: String) {
        #expect(ProductName.sanitise(raw) == expected)
    }

    @Test(arguments: ["", "a", "  a  ", "@#$%^&*", "😀😀😀", "a😀", "\t\n", "   ", "<>", "x@@@", "!@#"])
    func fewerThanTwoCharactersLeftIsNil(raw: String) {
        #expect(ProductName.sanitise(raw) == nil)
    }
}
