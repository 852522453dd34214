extension QualityScorer {
    /// The MATTR window: long enough to be stable, short enough that length does not drag the ratio down.
    static let diversityWindow = 50

    /// 1 for clean prose; loses 0.4 × the share of sentences starting in lower case, 0.2 when the text does not end
    /// with `.`, `!` or `?`, 0.4 for a word repeated three or more times in a row, 0.2 for a character stretched to
    /// four or more (`soooo`, `!!!!`).
    static func grammar(of profile: TextProfile) -> Double {
        guard let last = profile.sentences.last else { return 0 }
        let sentences = Double(profile.sentences.count)
        let uncapitalised = Double(profile.sentences.count { !$0.startsCapitalised })
        var score = 1 - 0.4 * uncapitalised / sentences
        if !last.isTerminated { score -= 0.2 }
        if profile.longestWordRepeat >= 3 { score -= 0.4 }
        if profile.longestCharacterRun >= 4 { score -= 0.2 }
        return max(score, 0)
    }

    /// The moving-average type-token ratio over `diversityWindow` words (plain type-token ratio for shorter texts),
    /// mapped so 0.3 or less scores 0 and 0.7 or more scores 1: ordinary prose sits around 0.7, a text that keeps
    /// saying the same thing well below.
    ///
    /// Linear: words become integer ids once, and the window keeps a count per id as it slides.
    static func lexicalDiversity(of profile: TextProfile) -> Double {
        guard !profile.words.isEmpty else { return 0 }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(profile.words.count)
        let tokens = profile.words.map { word in
            if let id = ids[word] { return id }
            ids[word] = ids.count
            return ids.count - 1
        }
        let window = min(diversityWindow, tokens.count)
        var counts = [Int](repeating: 0, count: ids.count)
        var distinct = 0
        for token in tokens[..<window] {
            if counts[token] == 0 { distinct += 1 }
            counts[token] += 1
        }
        var ratioSum = Double(distinct) / Double(window)
        for index in window..<tokens.count {
            counts[tokens[index - window]] -= 1
            if counts[tokens[index - window]] == 0 { distinct -= 1 }
            if counts[tokens[index]] == 0 { distinct += 1 }
            counts[tokens[index]] += 1
            ratioSum += Double(distinct) / Double(window)
        }
        let ratio = ratioSum / Double(tokens.count - window + 1)
        return min(max((ratio - 0.3) / 0.4, 0), 1)
    }

    /// 1 for well-formed prose; loses 0.4 when a kind other than a chatbot reply is a single sentence, 0.3 when the
    /// average sentence is under 5 or over 35 words, and up to 0.3 for the share of fragments (sentences of one or
    /// two words).
    static func coherence(of profile: TextProfile, kind: SampleKind) -> Double {
        guard !profile.sentences.isEmpty else { return 0 }
        let sentences = Double(profile.sentences.count)
        var score = 1.0
        if kind != .chatbotConversation && profile.sentences.count < 2 { score -= 0.4 }
        let averageLength = Double(profile.words.count) / sentences
        if averageLength < 5 || averageLength > 35 { score -= 0.3 }
        score -= 0.3 * Double(profile.sentences.count { $0.wordCount < 3 }) / sentences
        return max(score, 0)
    }
}
