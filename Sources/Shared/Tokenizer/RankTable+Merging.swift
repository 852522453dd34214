/// One part of a piece during merging: where it starts, its own token, and the rank of the token it
/// would make with the next part (`Int.max` when that is no token).
struct MergePart {
    var start: Int
    var token: Int
    var pairRank: Int
}

extension RankTable {
    /// Calls `body` with the tokens of one piece, merging its bytes pair by pair as tiktoken does.
    ///
    /// Each round merges the adjacent pair whose joined bytes have the lowest rank, the leftmost on a tie,
    /// until no adjacent pair is a token. Quadratic in the piece's length, like tiktoken's own loop, which
    /// is cheap for pieces (words, numbers of up to 3 digits, runs of punctuation or spaces). `parts` is
    /// scratch space reused across the pieces of one text.
    func forEachToken(in piece: UnsafeBufferPointer<UInt8>, parts: inout [MergePart], _ body: (Int) -> Void) {
        if piece.count == 1 { return body(byteRanks[Int(piece[0])]) }
        if let whole = rank(of: piece) { return body(whole) }
        parts.removeAll(keepingCapacity: true)
        for index in piece.indices {
            parts.append(MergePart(start: index, token: byteRanks[Int(piece[index])], pairRank: Int.max))
        }
        // The last part has no right neighbour; an end marker makes `parts[i + 1].start` always valid.
        parts.append(MergePart(start: piece.count, token: -1, pairRank: Int.max))
        for index in 0..<piece.count - 1 { parts[index].pairRank = pairRank(in: piece, parts: parts, at: index) }
        while true {
            var lowest = Int.max
            var merge = -1
            for index in 0..<parts.count - 1 where parts[index].pairRank < lowest {
                lowest = parts[index].pairRank
                merge = index
            }
            if merge < 0 { break }
            parts[merge].token = lowest
            parts.remove(at: merge + 1)
            parts[merge].pairRank = pairRank(in: piece, parts: parts, at: merge)
            if merge > 0 { parts[merge - 1].pairRank = pairRank(in: piece, parts: parts, at: merge - 1) }
        }
        for index in 0..<parts.count - 1 { body(parts[index].token) }
    }

    /// The rank of part `index` joined with the next one, or `Int.max`.
    private func pairRank(in piece: UnsafeBufferPointer<UInt8>, parts: [MergePart], at index: Int) -> Int {
        guard index + 2 < parts.count else { return Int.max }
        return rank(of: UnsafeBufferPointer(rebasing: piece[parts[index].start..<parts[index + 2].start])) ?? Int.max
    }
}
