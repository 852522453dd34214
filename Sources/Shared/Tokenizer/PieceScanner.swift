/// Splits UTF-8 text into the pieces that byte-pair merging works within, as an encoding's split
/// regex does in tiktoken, without a regex engine.
///
/// tiktoken runs its pattern with leftmost-first alternation and backtracking; each `…End(from:)` here
/// computes the match that search would return at a position, alternative by alternative (see
/// `PieceScanner+Patterns.swift`). Every scalar falls in some alternative, so pieces tile the text.
struct PieceScanner {
    let encoding: BPEEncoding
    /// Each scalar's UTF-8 offset, then the text's length: piece `i..<j` is `offsets[i]..<offsets[j]`.
    private var offsets: [Int] = []
    private var scalars: [UInt32] = []
    private var classes: [ScalarClass] = []

    /// Decodes `utf8`, which must be valid UTF-8 (as a `String`'s bytes are).
    init(utf8: UnsafeBufferPointer<UInt8>, encoding: BPEEncoding) {
        self.encoding = encoding
        offsets.reserveCapacity(utf8.count + 1)
        scalars.reserveCapacity(utf8.count)
        classes.reserveCapacity(utf8.count)
        var position = 0
        while position < utf8.count {
            let lead = UInt32(utf8[position])
            var value = lead
            var width = 1
            if lead >= 0xF0 {
                value = lead & 0x07
                width = 4
            } else if lead >= 0xE0 {
                value = lead & 0x0F
                width = 3
            } else if lead >= 0xC0 {
                value = lead & 0x1F
                width = 2
            }
            for next in stride(from: position + 1, to: min(position + width, utf8.count), by: 1) {
                value = value << 6 | UInt32(utf8[next] & 0x3F)
            }
            offsets.append(position)
            scalars.append(value)
            classes.append(Unicode.Scalar(value).map(ScalarClass.init) ?? [])
            position += width
        }
        offsets.append(utf8.count)
    }

    /// How many scalars the text has.
    var count: Int { scalars.count }

    /// Calls `body` with the UTF-8 offsets of each piece, in order.
    func forEachPiece(_ body: (Range<Int>) -> Void) {
        var start = 0
        while start < count {
            let end = pieceEnd(from: start)
            body(offsets[start]..<offsets[end])
            start = end
        }
    }

    /// The end (a scalar index) of the piece that starts at `start`; always past `start`.
    func pieceEnd(from start: Int) -> Int {
        switch encoding {
        case .cl100kBase: return cl100kPieceEnd(from: start)
        case .o200kBase: return o200kPieceEnd(from: start)
        }
    }

    // MARK: - Building blocks of both patterns

    func has(_ kind: ScalarClass, at index: Int) -> Bool {
        index < count && classes[index].contains(kind)
    }

    func leadsWord(at index: Int) -> Bool {
        index < count && classes[index].leadsWord
    }

    /// The end of the longest run of scalars of `kind` from `start` (`start` itself when there is none).
    func run(of kind: ScalarClass, from start: Int) -> Int {
        var end = start
        while end < count && classes[end].contains(kind) { end += 1 }
        return end
    }

    /// `\p{N}{1,3}`.
    func digitsEnd(from start: Int) -> Int? {
        guard has(.number, at: start) else { return nil }
        return min(run(of: .number, from: start), start + 3)
    }

    /// The length of `(?i:'s|'t|'re|'ve|'m|'ll|'d)` at `index`, or 0. Case-insensitive as Rust's regex
    /// folds case: `s` also matches `ſ` (U+017F).
    func contractionLength(at index: Int) -> Int {
        guard index < count, scalars[index] == 0x27 else { return 0 }
        switch (foldedLetter(at: index + 1), foldedLetter(at: index + 2)) {
        case ("s", _), ("t", _), ("m", _), ("d", _): return 2
        case ("r", "e"), ("v", "e"), ("l", "l"): return 3
        default: return 0
        }
    }

    /// The ASCII letter at `index` in lower case (`ſ` as `s`), or NUL for anything else.
    private func foldedLetter(at index: Int) -> Unicode.Scalar {
        guard index < count else { return "\0" }
        switch scalars[index] {
        case 0x41...0x5A: return Unicode.Scalar(UInt8(scalars[index] + 0x20))
        case 0x61...0x7A: return Unicode.Scalar(UInt8(scalars[index]))
        case 0x17F: return "s"
        default: return "\0"
        }
    }

    /// ` ?[^\s\p{L}\p{N}]+` followed by a run of `trailing` (`[\r\n]*` or o200k's `[\r\n/]*`).
    func punctuationEnd(from start: Int, trailing: (UInt32) -> Bool) -> Int? {
        var first = start
        if scalars[start] == 0x20 && start + 1 < count && classes[start + 1].isPunctuation { first += 1 }
        guard classes[first].isPunctuation else { return nil }
        var end = first + 1
        while end < count && classes[end].isPunctuation { end += 1 }
        while end < count && trailing(scalars[end]) { end += 1 }
        return end
    }

    /// The whitespace alternatives, for a run of whitespace at `start`.
    ///
    /// `\s*[\r\n]+` ends after the run's last newline; `\s+(?!\S)` takes the run if it ends the text, or
    /// leaves its last scalar to lead the next word; `\s+` takes the single scalar before a non-space.
    /// cl100k_base first tries `\s++$`, the whole run when it ends the text.
    func whitespaceEnd(from start: Int, wholeRunAtTextEnd: Bool) -> Int {
        let end = run(of: .whitespace, from: start)
        if wholeRunAtTextEnd && end == count { return end }
        if let lastNewline = (start..<end).last(where: { classes[$0].contains(.newline) }) { return lastNewline + 1 }
        if end == count || end - start == 1 { return end }
        return end - 1
    }
}
