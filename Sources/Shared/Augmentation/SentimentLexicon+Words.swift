/// The built-in word lists: sentiment words of product, service and experience reviews, with their common
/// inflections spelled out (there is no stemming, so "loved" and "loves" are listed beside "love").
extension SentimentLexicon {
    /// Weights on the -3…3 scale: 3 for the strongest words ("excellent", "terrible"), 1 for mild ones.
    static let standardWeights: [String: Double] = [
        // Positive
        "excellent": 3, "outstanding": 3, "amazing": 3, "awesome": 3, "fantastic": 3, "superb": 3,
        "perfect": 3, "perfectly": 2.5, "wonderful": 3, "brilliant": 3, "incredible": 3, "exceptional": 3,
        "flawless": 3, "love": 3, "loved": 3, "loves": 3, "best": 3, "great": 3, "delighted": 3,
        "impressive": 2.5, "impressed": 2.5, "favorite": 2.5, "favourite": 2.5, "superior": 2.5,
        "good": 2, "nice": 2, "happy": 2, "pleased": 2, "satisfied": 2, "enjoy": 2, "enjoyed": 2,
        "enjoys": 2, "like": 1.5, "liked": 1.5, "likes": 1.5, "recommend": 2, "recommended": 2,
        "reliable": 2, "sturdy": 2, "solid": 1.5, "durable": 2, "comfortable": 2, "comfy": 2,
        "fast": 1.5, "quick": 1.5, "quickly": 1.5, "smooth": 1.5, "easy": 1.5, "effortless": 2,
        "intuitive": 2, "helpful": 2, "friendly": 2, "polite": 1.5, "responsive": 1.5, "clean": 1.5,
        "crisp": 1.5, "clear": 1.5, "bright": 1, "vibrant": 2, "beautiful": 2.5, "elegant": 2,
        "stylish": 2, "sleek": 1.5, "lightweight": 1, "quiet": 1, "worth": 1.5, "worthwhile": 2,
        "affordable": 1.5, "bargain": 2, "value": 1, "fresh": 1.5, "delicious": 3, "tasty": 2.5,
        "cozy": 2, "spacious": 1.5, "efficient": 1.5, "convenient": 1.5, "accurate": 1.5,
        "premium": 1.5, "fine": 1, "decent": 1, "pleasant": 2, "glad": 2, "thrilled": 3,
        "works": 1, "worked": 1, "improved": 1.5, "upgrade": 1, "exceeded": 2.5, "thanks": 1,
        // Negative
        "terrible": -3, "awful": -3, "horrible": -3, "horrendous": -3, "worst": -3, "useless": -3,
        "hate": -3, "hated": -3, "hates": -3, "garbage": -3, "junk": -3, "disgusting": -3,
        "pathetic": -3, "dreadful": -3, "unacceptable": -3, "scam": -3, "dangerous": -2.5,
        "bad": -2.5, "poor": -2.5, "poorly": -2.5, "broken": -2.5, "broke": -2.5, "defective": -2.5,
        "faulty": -2.5, "disappointing": -2.5, "disappointed": -2.5, "disappointment": -2.5,
        "frustrating": -2.5, "frustrated": -2.5, "annoying": -2, "annoyed": -2, "rude": -2.5,
        "unhelpful": -2, "unreliable": -2.5, "flimsy": -2, "cheap": -1, "cheaply": -1.5,
        "slow": -1.5, "sluggish": -2, "laggy": -2, "noisy": -1.5, "loud": -1, "uncomfortable": -2,
        "painful": -2, "difficult": -1.5, "confusing": -2, "complicated": -1.5, "overpriced": -2,
        "expensive": -1, "wasted": -2, "waste": -2, "fails": -2, "failed": -2, "failure": -2.5,
        "problem": -1.5, "problems": -1.5, "issue": -1, "issues": -1, "bug": -1.5, "buggy": -2,
        "crash": -2, "crashes": -2, "crashed": -2, "leak": -2, "leaks": -2, "leaked": -2,
        "stale": -2, "bland": -1.5, "dirty": -2, "cramped": -1.5, "late": -1, "delayed": -1.5,
        "refund": -1, "return": -0.5, "returned": -1, "mediocre": -1.5, "meh": -1, "sadly": -1.5,
        "unfortunately": -1.5, "worse": -2, "dull": -1.5, "dim": -1, "blurry": -2, "scratched": -1.5,
        "damaged": -2, "missing": -1.5, "regret": -2.5, "avoid": -2, "unhappy": -2, "sad": -1.5,
    ]

    /// "no" and the contractions' `t` ("don't" → "don", "t") included; misspelled contractions too.
    static let standardNegators: Set<String> = [
        "not", "never", "no", "hardly", "barely", "neither", "nor", "without", "t",
        "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "cannot", "wont", "couldnt",
        "wouldnt", "shouldnt",
    ]

    static let standardIntensifiers: Set<String> = [
        "very", "extremely", "really", "so", "super", "incredibly", "absolutely", "totally", "truly",
        "highly", "remarkably", "exceptionally", "too",
    ]
}
