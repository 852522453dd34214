#if canImport(Glibc)
import Glibc
#endif

extension RankTable {
    /// Reads a tiktoken rank file: one token a line, its bytes in base64, a space, its rank in decimal.
    ///
    /// Parses the file's bytes in place, with no `String` per line: o200k_base has 200k lines and this
    /// runs once per process, on the first estimate.
    static func load(path: String) throws(RankFileError) -> RankTable {
        let file = try readFile(path: path)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.count * 3 / 4)
        var starts: [Int32] = [0]
        var ranks: [Int32] = []
        let badLine = file.withUnsafeBufferPointer { file -> Int? in
            var position = 0
            var line = 0
            while position < file.count {
                line += 1
                let start = position
                while position < file.count && file[position] != UInt8(ascii: "\n") { position += 1 }
                var content = UnsafeBufferPointer(rebasing: file[start..<position])
                position += 1
                if content.last == UInt8(ascii: "\r") { content = UnsafeBufferPointer(rebasing: content.dropLast()) }
                if content.isEmpty { continue }
                guard let space = content.firstIndex(of: UInt8(ascii: " ")),
                    let rank = decimal(UnsafeBufferPointer(rebasing: content[(space + 1)...])),
                    decodeBase64(UnsafeBufferPointer(rebasing: content[..<space]), into: &bytes)
                else { return line }
                starts.append(Int32(bytes.count))
                ranks.append(rank)
            }
            return nil
        }
        if let badLine {
            throw RankFileError(kind: .malformedLine, path: path, detail: "line \(badLine) is not 'base64 rank'")
        }
        let table = RankTable(bytes: bytes, starts: starts, ranks: ranks)
        if let byte = table.missingByte {
            throw RankFileError(kind: .missingByte, path: path, detail: "byte \(byte) has no rank")
        }
        return table
    }

    private static func decimal(_ digits: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value: Int32 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int32(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Appends the decoded bytes of padded base64 text; false when the text is not base64.
    private static func decodeBase64(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        guard !text.isEmpty, text.count % 4 == 0 else { return false }
        var accumulator: UInt32 = 0
        var padding = 0
        for (index, character) in text.enumerated() {
            let value: UInt32
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(character - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(character - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "=") where index >= text.count - 2: value = 0; padding += 1
            default: return false
            }
            // Padding only at the end: a character after '=' makes the text invalid.
            if padding > 0 && character != UInt8(ascii: "=") { return false }
            accumulator = accumulator << 6 | value
            if index % 4 == 3 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
            }
        }
        output.removeLast(padding)
        return true
    }

    private static func readFile(path: String) throws(RankFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RankFileError(kind: .unreadable, path: path, detail: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else {
            throw RankFileError(kind: .unreadable, path: path, detail: "empty or not a regular file")
        }
        let size = Int(status.st_size)
        var failed = false
        let contents = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(descriptor, buffer.baseAddress.map { $0 + initialized }, size - initialized)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { failed = count < 0; break }
                initialized += count
            }
        }
        guard !failed, contents.count == size else {
            throw RankFileError(kind: .unreadable, path: path, detail: "read failed after \(contents.count) bytes")
        }
        return contents
    }
}
