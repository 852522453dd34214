extension PieceScanner {
    /// cl100k_base, as tiktoken spells it (alternatives joined by `|`):
    /// `'(?i:[sdmt]|ll|ve|re)`, `[^\r\n\p{L}\p{N}]?+\p{L}++`, `\p{N}{1,3}+`, ` ?[^\s\p{L}\p{N}]++[\r\n]*+`, `\s++$`,
    /// `\s*[\r\n]`, `\s+(?!\S)`, `\s`.
    ///
    /// The older spelling `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
    /// ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+` differs only in `\s++$`, which keeps the spaces
    /// after a text's last newline in the newline's piece; no cl100k token ends in spaces after a newline,
    /// so both give the same tokens.
    func cl100kPieceEnd(from start: Int) -> Int {
        let contraction = contractionLength(at: start)
        if contraction > 0 { return start + contraction }
        if has(.letter, at: start) { return run(of: .letter, from: start) }
        // A leader (a space, a quote…) joins the word only when a letter follows it.
        if leadsWord(at: start) && has(.letter, at: start + 1) { return run(of: .letter, from: start + 1) }
        if let end = digitsEnd(from: start) { return end }
        if let end = punctuationEnd(from: start, trailing: { $0 == 0x0A || $0 == 0x0D }) { return end }
        return whitespaceEnd(from: start, wholeRunAtTextEnd: true)
    }

    /// o200k_base, as tiktoken spells it (alternatives joined by `|`):
    /// `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
    /// `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?`,
    /// `\p{N}{1,3}`, ` ?[^\s\p{L}\p{N}]+[\r\n/]*`, `\s*[\r\n]+`, `\s+(?!\S)`, `\s+`.
    func o200kPieceEnd(from start: Int) -> Int {
        if let end = casedWordEnd(from: start) { return end }
        if let end = digitsEnd(from: start) { return end }
        if let end = punctuationEnd(from: start, trailing: { $0 == 0x0A || $0 == 0x0D || $0 == 0x2F }) { return end }
        return whitespaceEnd(from: start, wholeRunAtTextEnd: false)
    }

    /// o200k's two word alternatives, head `H = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]` and tail
    /// `T = [\p{Ll}\p{Lm}\p{Lo}\p{M}]`: first `P?H*T+C?`, then `P?H+T*C?`.
    ///
    /// A backtracking engine tries the optional leader `P` taken, then not; and `H*` at its longest, then
    /// one scalar shorter at a time until `T+` can start, which is at the last scalar of the head run
    /// that is also in `T` (Lm, Lo and marks are in both). Each try is linear in the run it scans.
    private func casedWordEnd(from start: Int) -> Int? {
        let leaders = stride(from: leadsWord(at: start) ? start + 1 : start, through: start, by: -1)
        for head in leaders {
            var tail = run(of: .wordHead, from: head)
            while !has(.wordTail, at: tail) && tail > head { tail -= 1 }
            if has(.wordTail, at: tail) {
                let end = run(of: .wordTail, from: tail)
                return end + contractionLength(at: end)
            }
        }
        for head in leaders {
            let headEnd = run(of: .wordHead, from: head)
            if headEnd > head {
                let end = run(of: .wordTail, from: headEnd)
                return end + contractionLength(at: end)
            }
        }
        return nil
    }
}
