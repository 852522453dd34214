extension OfflineParaphrase {
    /// Rewrites of words and phrases (lower case), each alternative of the same part of speech, inflection and
    /// sentiment, so swapping one in keeps the sentence grammatical and its tone. Phrases are matched before
    /// words and shield theirs ("a great deal" is not "a superb deal"); words with other senses or forms that
    /// would not survive a swap ("use", "issue", "started", "it's") are left out.
    static let lexicon: [String: [String]] = [
        // Connectives and adverbs.
        "because": ["since", "as"], "however": ["that said", "even so"], "but": ["yet"],
        "also": ["additionally"], "really": ["truly", "genuinely"], "very": ["really", "remarkably"],
        "extremely": ["incredibly", "exceptionally"], "incredibly": ["extremely"], "completely": ["totally", "entirely"],
        "totally": ["completely"], "entirely": ["completely"], "definitely": ["certainly", "surely"],
        "certainly": ["definitely"], "probably": ["likely"], "usually": ["normally", "typically"],
        "normally": ["usually"], "often": ["frequently"], "frequently": ["often"], "sometimes": ["at times", "occasionally"],
        "occasionally": ["at times"], "immediately": ["right away", "at once"], "quickly": ["rapidly", "swiftly"],
        "honestly": ["frankly", "to be honest"], "frankly": ["honestly"], "unfortunately": ["sadly", "regrettably"],
        "sadly": ["unfortunately"], "perfectly": ["flawlessly"], "flawlessly": ["perfectly"], "almost": ["nearly"],
        "nearly": ["almost"], "finally": ["at last"], "currently": ["at the moment", "right now"],
        "right away": ["immediately"], "at the moment": ["right now", "currently"], "so far": ["up to now", "to date"],
        "for example": ["for instance"], "for instance": ["for example"], "in addition": ["on top of that"],
        "as well": ["too"], "as well as": ["along with"], "every day": ["daily"], "every time": ["each time"], "a lot of": ["plenty of", "lots of"],
        "lots of": ["plenty of", "a lot of"], "a great deal": ["a lot"], "no problem": ["no worries"],
        "thanks to": ["owing to"], "big fan": ["huge fan"], "good morning": ["hello"], "good afternoon": ["hello"],
        "as soon as possible": ["at the earliest opportunity", "promptly"], "very much": ["a great deal"],
        "it seems": ["it appears"], "seems": ["appears"], "seem": ["appear"],
        // Adjectives, kept within their polarity.
        "great": ["excellent", "superb"], "excellent": ["outstanding", "superb"], "good": ["solid", "nice"],
        "nice": ["pleasant"], "amazing": ["incredible", "wonderful"], "wonderful": ["amazing", "lovely"],
        "fantastic": ["terrific", "brilliant"], "brilliant": ["fantastic"], "impressive": ["remarkable"],
        "happy": ["pleased", "glad"], "pleased": ["happy", "glad"], "glad": ["happy", "pleased"],
        "delighted": ["thrilled"], "thrilled": ["delighted"], "easy": ["simple", "straightforward"],
        "simple": ["easy", "straightforward"], "difficult": ["hard", "tricky"], "fast": ["quick", "speedy"],
        "quick": ["fast", "speedy"], "slow": ["sluggish"], "big": ["large"], "large": ["big"], "huge": ["massive"],
        "whole": ["entire"], "entire": ["whole"], "reliable": ["dependable"], "dependable": ["reliable"],
        "bad": ["poor"], "poor": ["subpar", "weak"], "terrible": ["awful", "dreadful"],
        "awful": ["terrible", "dreadful"], "horrible": ["dreadful", "awful"], "broken": ["faulty", "defective"],
        "faulty": ["defective", "broken"], "useless": ["worthless"], "unreliable": ["undependable", "flaky"],
        "annoying": ["irritating", "frustrating"], "frustrating": ["annoying", "maddening"],
        "irritating": ["annoying"], "disappointed": ["dissatisfied"], "disappointing": ["underwhelming"],
        "unacceptable": ["not acceptable"], "expensive": ["pricey", "costly"], "furious": ["livid"],
        "upset": ["unhappy"], "worried": ["concerned"], "concerned": ["worried"], "strange": ["odd", "weird"],
        "odd": ["strange"], "weird": ["strange", "odd"],
        // Nouns and verbs.
        "problem": ["issue", "fault"], "problems": ["issues", "faults"],
        "fix": ["repair"], "fixed": ["repaired"], "repair": ["fix"], "buy": ["purchase"], "bought": ["purchased"],
        "purchased": ["bought"], "received": ["got"], "arrived": ["turned up"], "noticed": ["spotted"],
        "tried": ["attempted"], "works": ["functions"],
        "working": ["functioning"], "stopped working": ["quit working", "gave out"], "stops working": ["quits working"],
        "wanted to": ["hoped to"], "need to": ["have to"], "needs to": ["has to"],
        "would love": ["would really like"], "get in touch": ["reach out"], "customer service": ["customer support"],
        "customer support": ["customer service"], "option": ["choice"], "options": ["choices"],
        "thanks": ["thank you"], "thank you": ["many thanks"], "hi": ["hello"], "hello": ["hi"],
        // Contractions, only ever spelled out, so a formal text stays formal.
        "don't": ["do not"], "doesn't": ["does not"], "didn't": ["did not"], "can't": ["cannot"],
        "won't": ["will not"], "isn't": ["is not"], "wasn't": ["was not"], "haven't": ["have not"],
        "hasn't": ["has not"], "couldn't": ["could not"], "wouldn't": ["would not"],
        "i'm": ["I am"], "i've": ["I have"], "you're": ["you are"], "we're": ["we are"],
    ]

    /// Openers for a text no rewrite could change, each making a distinct variant.
    static let openers = ["In short, ", "Put simply, ", "To sum up, ", "Briefly, ", "All in all, ", "In a word, "]

    /// Conjunctions a sentence may open with and move to its end: "When A, B." becomes "B when A.".
    static let leadingConjunctions = ["When", "If", "Once", "After", "Before", "While", "Whenever"]

    /// Conjunctions a sentence may be turned around at: "B when A." becomes "When A, B.".
    static let innerConjunctions = ["because", "when", "whenever", "once"]
}
