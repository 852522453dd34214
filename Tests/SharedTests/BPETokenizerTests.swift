import Shared
import Testing

/// A text with the token ids tiktoken gives it in each encoding (`BPEReferenceCases.swift`).
struct BPEReferenceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var cl100k: [Int]
    var o200k: [Int]

    var testDescription: String { name }

    func ids(_ encoding: BPEEncoding) -> [Int] {
        switch encoding {
        case .cl100kBase: return cl100k
        case .o200kBase: return o200k
        }
    }
}

@Suite(.enabled(if: RankFiles.areInstalled, "needs the rank files that scripts/install-deps.sh installs"))
struct BPETokenizerTests {
    /// Loaded through `TokenCounter`, so once per test process: parsing o200k_base takes a second in a
    /// debug build.
    private static func tokenizer(_ encoding: BPEEncoding) throws -> BPETokenizer {
        try #require(TokenCounter(directory: RankFiles.directory).tokenizer(encoding: encoding), "\(encoding.fileName)")
    }

    @Test(arguments: BPEReferenceCase.all)
    func encodesAsTiktokenDoes(reference: BPEReferenceCase) throws {
        for encoding in BPEEncoding.allCases {
            let tokenizer = try Self.tokenizer(encoding)
            #expect(tokenizer.encode(reference.text) == reference.ids(encoding), "\(encoding.name)")
            #expect(tokenizer.count(reference.text) == reference.ids(encoding).count, "\(encoding.name)")
        }
    }

    @Test func oneTokenizerServesManyThreadsAtOnce() async throws {
        let tokenizer = try Self.tokenizer(.o200kBase)
        let reference = try #require(BPEReferenceCase.all.last)
        let results = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 { group.addTask { tokenizer.encode(reference.text) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference.o200k })
    }

    @Test func theEncodingIsTheOneLoaded() throws {
        #expect(try Self.tokenizer(.cl100kBase).encoding == .cl100kBase)
        #expect(try Self.tokenizer(.o200kBase).encoding == .o200kBase)
    }
}
