#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import Shared

@Suite struct RankTableTests {
    /// A byte-level table: each byte is its own rank, then `merges` ranked from 256 in order.
    private static func table(merging merges: [String]) -> RankTable {
        var bytes = (0...255).map { UInt8($0) }
        var starts = (0...256).map { Int32($0) }
        for merge in merges {
            bytes += merge.utf8
            starts.append(Int32(bytes.count))
        }
        return RankTable(bytes: bytes, starts: starts, ranks: (0..<256 + merges.count).map { Int32($0) })
    }

    private static func tokens(of piece: String, in table: RankTable) -> [Int] {
        var parts: [MergePart] = []
        var tokens: [Int] = []
        Array(piece.utf8).withUnsafeBufferPointer { table.forEachToken(in: $0, parts: &parts) { tokens.append($0) } }
        return tokens
    }

    // MARK: - Merging

    @Test func theLowestRankedPairMergesFirst() {
        // "cd" outranks "bc", so "abcd" becomes ab|cd, not a|bc|d.
        let table = Self.table(merging: ["cd", "ab", "bc"])
        #expect(Self.tokens(of: "abcd", in: table) == [257, 256])
    }

    @Test func mergedPartsMergeAgain() {
        let table = Self.table(merging: ["ab", "bc", "abc"])
        #expect(Self.tokens(of: "abcd", in: table) == [258, 100])
    }

    @Test func equalPairsMergeLeftmostFirst() {
        #expect(Self.tokens(of: "aaaaa", in: Self.table(merging: ["aa"])) == [256, 256, 97])
    }

    @Test func aWholePieceThatIsATokenIsOneToken() {
        #expect(Self.tokens(of: "xyz", in: Self.table(merging: ["xy", "xyz"])) == [257])
        #expect(Self.tokens(of: "q", in: Self.table(merging: [])) == [113])
    }

    @Test func lookupsFindOnlyTokens() {
        let table = Self.table(merging: ["ab", "abc"])
        #expect(Array("abc".utf8).withUnsafeBufferPointer { table.rank(of: $0) } == 257)
        #expect(Array("abd".utf8).withUnsafeBufferPointer { table.rank(of: $0) } == nil)
        #expect(table.missingByte == nil)
    }

    // MARK: - Loading

    /// A rank file in a temporary directory; `body` gets its path.
    private static func withRankFile(_ contents: String, _ body: (String) throws -> Void) throws {
        var template = Array("/tmp/dataforge-ranks-XXXXXX".utf8CString)
        let created: UnsafeMutablePointer<CChar>? = mkdtemp(&template)
        let directory = String(cString: try #require(created))
        let path = directory + "/test.tiktoken"
        defer {
            unlink(path)
            rmdir(directory)
        }
        let opened: UnsafeMutablePointer<FILE>? = fopen(path, "w")
        let file = try #require(opened)
        fputs(contents, file)
        fclose(file)
        try body(path)
    }

    /// `base64 rank` lines for all 256 bytes, as tiktoken writes them.
    private static let byteLines = (0..<256).map { byte in
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        return "\(alphabet[byte >> 2])\(alphabet[(byte & 3) << 4])== \(byte)\n"
    }.joined()

    @Test func aTiktokenFileLoads() throws {
        try Self.withRankFile(Self.byteLines + "YWI= 256\r\nYWJj 257\n\n") { path in
            let table = try RankTable.load(path: path)
            #expect(table.count == 258)
            #expect(Array("abc".utf8).withUnsafeBufferPointer { table.rank(of: $0) } == 257)
            #expect(Self.tokens(of: "abcab", in: table) == [257, 256])
        }
    }

    @Test(arguments: ["YQ= 256\n", "YWI=256\n", "YWI= x\n", "Y!I= 256\n", "YW=I 256\n", "YWI= \n"])
    func aMalformedLineIsRefusedWithItsNumber(line: String) throws {
        try Self.withRankFile(Self.byteLines + line) { path in
            let error = try #require(throws: RankFileError.self) { try RankTable.load(path: path) }
            #expect(error.kind == .malformedLine)
            #expect(error.description.contains("line 257"))
        }
    }

    @Test func aFileWithoutEveryByteIsRefused() throws {
        try Self.withRankFile("YQ== 0\nYg== 1\n") { path in
            let error = try #require(throws: RankFileError.self) { try RankTable.load(path: path) }
            #expect(error.kind == .missingByte)
        }
    }

    @Test func aMissingFileIsUnreadable() throws {
        let error = try #require(throws: RankFileError.self) {
            try BPETokenizer.load(encoding: .o200kBase, directory: "/nonexistent/dataforge")
        }
        #expect(error.kind == .unreadable)
        #expect(error.description.contains("/nonexistent/dataforge/o200k_base.tiktoken"))
    }
}
