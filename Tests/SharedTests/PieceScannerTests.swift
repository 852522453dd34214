import Testing

@testable import Shared

@Suite struct PieceScannerTests {
    /// The pieces of `text` as `encoding` splits it.
    private static func pieces(_ text: String, _ encoding: BPEEncoding) -> [String] {
        var text = text
        return text.withUTF8 { utf8 in
            var pieces: [String] = []
            PieceScanner(utf8: utf8, encoding: encoding).forEachPiece { piece in
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[piece]), as: UTF8.self))
            }
            return pieces
        }
    }

    // Expected pieces are what tiktoken's patterns give (checked with a regex engine).
    @Test(arguments: [
        ("Hello world's  \n\n  x", ["Hello", " world", "'s", "  \n\n", " ", " x"]),
        ("I'M 'Ll", ["I", "'M", " '", "Ll"]),
        ("don't", ["don", "'t"]),
        ("NASA's", ["NASA", "'s"]),
        ("12345", ["123", "45"]),
        ("a  b", ["a", " ", " b"]),
        ("x!!\n\ny", ["x", "!!\n\n", "y"]),
        ("x/\n/y", ["x", "/\n", "/y"]),
        ("a\n  ", ["a", "\n  "]),
        ("HelloWorld", ["HelloWorld"]),
        ("e\u{301}", ["e", "\u{301}"]),
        ("  (yes)", [" ", " (", "yes", ")"]),
        ("\tword", ["\tword"]),
    ])
    func cl100kSplitsLikeTiktoken(text: String, expected: [String]) {
        #expect(Self.pieces(text, .cl100kBase) == expected)
    }

    @Test(arguments: [
        ("Hello world's  \n\n  x", ["Hello", " world's", "  \n\n", " ", " x"]),
        ("I'M 'Ll", ["I'M", " '", "Ll"]),
        ("don't", ["don't"]),
        ("NASA's", ["NASA's"]),
        ("HelloWorld", ["Hello", "World"]),
        ("JSONParser", ["JSONParser"]),
        ("iPhone", ["i", "Phone"]),
        (" 中文,", [" 中文", ","]),
        ("x/\n/y", ["x", "/\n/", "y"]),
        ("a\n  ", ["a", "\n", "  "]),
        ("e\u{301}", ["e\u{301}"]),
        ("\u{301}abc", ["\u{301}abc"]),
        ("12345", ["123", "45"]),
    ])
    func o200kSplitsLikeTiktoken(text: String, expected: [String]) {
        #expect(Self.pieces(text, .o200kBase) == expected)
    }

    @Test(arguments: BPEEncoding.allCases)
    func piecesTileTheTextWhateverItHolds(encoding: BPEEncoding) {
        let text = "a\u{0}\u{7F}\u{85}\u{2028}\u{FEFF}'ſ 'ß \u{1F44D}\u{1F3FD}\r\n \u{325CA}"
        #expect(Self.pieces(text, encoding).joined() == text)
        #expect(Self.pieces("", encoding).isEmpty)
    }
}
