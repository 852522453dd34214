extension OfflineParaphrase {
    /// Rewrites of words and phrases (lower case), each alternative of the same part of speech, inflection and
    /// sentiment weight, so swapping one in keeps the sentence grammatical and its tone. Phrases are matched
    /// before words and shield theirs ("a great deal" is not "a superb deal"); words with other senses or forms
    /// that would not survive a swap ("use", "issue", "started", "it's") are left out, and so is any swap the
    /// sentiment lexicon would weigh differently ("reliable" and "dependable", "thanks" and "thank you").
    static let lexicon: [String: [String]] = [common, feelings, customerPhrases, assistantPhrases]
        .reduce(into: [:]) { merged, bank in merged.merge(bank) { first, _ in first } }

    /// Connectives, adverbs, everyday verbs and nouns, and contractions.
    static let common: [String: [String]] = [
        // Connectives and adverbs.
        "because": ["since", "as"], "however": ["that said", "all the same"], "but": ["yet"], "also": ["additionally"],
        "really": ["truly"], "very": ["really", "remarkably"], "extremely": ["incredibly", "exceptionally"],
        "incredibly": ["extremely"], "completely": ["entirely"], "totally": ["absolutely"], "entirely": ["completely"],
        "definitely": ["certainly", "surely"], "certainly": ["definitely"], "probably": ["likely"],
        "usually": ["normally", "typically"], "normally": ["usually"], "often": ["frequently"], "frequently": ["often"],
        "sometimes": ["at times", "occasionally"], "occasionally": ["at times"],
        "immediately": ["right away", "at once"], "especially": ["particularly"],
        "honestly": ["frankly", "to be honest"], "frankly": ["honestly"], "unfortunately": ["sadly"],
        "sadly": ["unfortunately"], "flawlessly": ["seamlessly"], "almost": ["nearly"], "nearly": ["almost"],
        "finally": ["at last"], "currently": ["at the moment", "right now"], "mostly": ["mainly", "largely"],
        "mainly": ["mostly", "largely"], "roughly": ["around", "approximately"], "exactly": ["precisely"],
        "recently": ["lately"], "rarely": ["seldom"], "clearly": ["obviously", "evidently"], "seriously": ["genuinely"],
        "easily": ["comfortably"], "happily": ["gladly"], "overall": ["on the whole"], "right away": ["immediately"],
        "at the moment": ["right now", "currently"], "right now": ["at the moment", "currently"],
        "so far": ["up to now", "to date"], "for example": ["for instance"], "for instance": ["for example"],
        "in addition": ["on top of that"], "as well as": ["along with"], "every day": ["daily"],
        "every time": ["each time"], "a lot of": ["plenty of", "lots of"], "lots of": ["plenty of", "a lot of"],
        "a lot more": ["much more", "far more"], "no problem": ["not a problem"], "big fan": ["huge fan"],
        "as soon as possible": ["at the earliest opportunity", "promptly"], "very much": ["so much"],
        "it seems": ["it appears"], "seems": ["appears"], "seem": ["appear"],
        "first of all": ["to begin with", "first off"], "at this point": ["by now", "at this stage"],
        "instead of": ["rather than"], "apart from this": ["aside from this"], "other than this": ["apart from this"],
        "everything else": ["all the rest"], "anything else": ["anything more"],
        "a little over": ["slightly over", "just over"], "just over": ["a little over"],
        "a few days ago": ["several days ago"], "ever since": ["since then"], "now and then": ["from time to time"],
        "at the very least": ["if nothing else"], "at least": ["a minimum of"], "in most cases": ["most of the time"],
        "just before": ["right before", "shortly before"], "in more detail": ["at greater length", "in depth"],
        "for context": ["for background"], "any time": ["at any time"], "even better": ["better still"],
        "in years": ["in a long time"], "something else": ["an alternative"],
        // Frequencies and spans.
        "several times a day": ["many times daily", "a number of times a day"], "times a day": ["times daily"],
        "every single day": ["each and every day"], "every few hours": ["every couple of hours"],
        "once or twice a day": ["one or two times a day"], "every other day": ["on alternate days", "every second day"],
        "of daily use": ["of everyday use"], "of regular use": ["of routine use"], "working days": ["business days"],
        "the same day": ["that very day"], "a couple of things": ["a few things", "two or three things"],
        // Verbs and nouns.
        "fix": ["repair"], "fixed": ["repaired"], "repair": ["fix"], "buy": ["purchase"], "bought": ["purchased"],
        "purchased": ["bought"], "received": ["got"], "arrived": ["turned up"], "noticed": ["spotted"],
        "tried": ["attempted"], "happens": ["occurs"], "happened": ["occurred"], "happen": ["occur"],
        "working properly": ["working correctly", "working right"], "stopped working": ["quit working", "gave out"],
        "stops working": ["quits working"], "wanted to": ["hoped to"], "need to": ["have to"], "needs to": ["has to"],
        "get in touch": ["reach out"], "customer service": ["customer support"],
        "customer support": ["customer service"], "option": ["choice"], "options": ["choices"], "hi": ["hello"],
        "hello": ["hi"], "small": ["minor"], "mentioned": ["said"], "mention": ["note"], "i hope": ["hopefully"],
        "i need": ["I require"], "let me know": ["tell me"], "could you": ["would you", "can you"],
        "look into": ["investigate"], "looking into": ["investigating"], "live with": ["put up with"],
        "put up with": ["live with"], "sort this out": ["resolve this"], "sort that out": ["resolve that", "fix that"],
        "to sort out": ["to resolve"], "get this sorted": ["get this resolved", "get this fixed"],
        "sorted by": ["resolved by"], "on sale": ["discounted", "in a sale"], "on the fence": ["undecided", "unsure"],
        "a photo": ["a picture"], "a short video": ["a brief video"], "the latest": ["the newest"],
        "more details": ["further details"], "if needed": ["if required"], "a suggestion": ["an idea"],
        "the fastest way": ["the quickest way"], "the quickest fix": ["the fastest fix"],
        "the catch is": ["the snag is", "the drawback is"], "points to": ["suggests"],
        "helps narrow things down": ["narrows things down a lot"],
        // Contractions, only ever spelled out, so a formal text stays formal.
        "don't": ["do not"], "doesn't": ["does not"], "didn't": ["did not"], "can't": ["cannot"], "won't": ["will not"],
        "isn't": ["is not"], "wasn't": ["was not"], "haven't": ["have not"], "hasn't": ["has not"],
        "couldn't": ["could not"], "wouldn't": ["would not"], "shouldn't": ["should not"], "i'm": ["I am"],
        "i've": ["I have"], "you're": ["you are"], "we're": ["we are"], "i'd": ["I would"], "you'd": ["you would"],
        "i'll": ["I will"], "we'll": ["we will"], "you'll": ["you will"], "we've": ["we have"], "you've": ["you have"],
        "that's": ["that is"], "here's": ["here is"], "there's": ["there is"], "it's a": ["it is a"],
        "it's the": ["it is the"], "it's not": ["it is not"], "it's one": ["it is one"], "it's also": ["it is also"],
        "it's been": ["it has been"], "it's part": ["it is part"],
    ]

    /// Sentiment words and phrases, each alternative weighing exactly what it replaces.
    static let feelings: [String: [String]] = [
        "great": ["excellent", "superb"], "excellent": ["outstanding", "superb"], "good": ["nice", "pleasant"],
        "nice": ["pleasant"], "amazing": ["incredible", "wonderful"], "wonderful": ["amazing", "brilliant"],
        "fantastic": ["brilliant", "superb"], "brilliant": ["fantastic"], "happy": ["pleased", "glad"],
        "pleased": ["happy", "glad"], "glad": ["happy", "pleased"], "delighted": ["thrilled"],
        "thrilled": ["delighted"], "simple": ["straightforward"], "difficult": ["complicated"], "fast": ["quick"],
        "quick": ["fast"], "big": ["large"], "large": ["big"], "huge": ["massive"], "whole": ["entire"],
        "entire": ["whole"], "bad": ["poor"], "poor": ["bad"], "terrible": ["awful", "dreadful"],
        "awful": ["terrible", "dreadful"], "horrible": ["dreadful", "awful"], "broken": ["faulty", "defective"],
        "faulty": ["defective", "broken"], "frustrating": ["disappointing"], "disappointed": ["frustrated"],
        "disappointing": ["frustrating"], "furious": ["livid"], "worried": ["concerned"], "concerned": ["worried"],
        "strange": ["odd", "weird"], "odd": ["strange"], "weird": ["strange", "odd"], "good morning": ["good day"],
        "good afternoon": ["good day"], "good evening": ["good day"], "good news": ["nice news"],
        "which is helpful to know": ["which is nice to know"],
        "thanks for mentioning that": ["thanks for telling me that"], "deeply disappointed": ["bitterly disappointed"],
        "a frustrating mess": ["a frustrating ordeal"], "it's getting worse": ["it's only getting worse"],
        "basically useless": ["pretty much useless", "all but useless"],
        "i was pleased to find": ["I was happy to discover"], "has quickly become": ["has quickly turned into"],
        "exceeded my expectations": ["exceeded what I expected"], "which gets old fast": ["which wears thin quickly"],
        "many thanks": ["thanks very much"], "thanks so much": ["thanks very much"],
        "thanks in advance": ["thanks ahead of time"], "thanks for considering it": ["thanks for thinking about it"],
        "thanks for the details": ["thanks for the information"],
        "thanks for asking about": ["thanks for your question about"], "thank you for": ["I'm grateful for"],
        "the one good thing": ["the only good thing"], "is worth every penny": ["is worth every cent"],
        "looked good on paper": ["seemed good on paper"], "for best results": ["for the best results"],
        "it sounds like": ["it seems like"], "it seems like a small change": ["it looks like a minor change"],
        "a nice step up": ["a nice improvement"], "feels like a step backwards": ["feels like a step back"],
        "quick to put right": ["quick to fix"], "one missing feature": ["a single missing feature"],
        "with no luck": ["without any luck"], "without getting anywhere": ["without any progress"],
        "didn't get me anywhere": ["didn't get me far"], "made no difference at all": ["changed nothing at all"],
        "you're not the only one": ["you are not the only one"], "i'm not sure whether": ["I can't tell whether"],
        "there's no need to": ["you don't need to"],
    ]

    /// Openers for a text no rewrite could change, each making a distinct variant.
    static let openers = ["In short, ", "Put simply, ", "To sum up, ", "Briefly, ", "All in all, ", "In a word, "]

    /// Conjunctions a sentence may open with and move to its end: "When A, B." becomes "B when A.".
    static let leadingConjunctions = ["When", "If", "Once", "After", "Before", "While", "Whenever"]

    /// Conjunctions a sentence may be turned around at: "B when A." becomes "When A, B.".
    static let innerConjunctions = ["because", "when", "whenever", "once"]
}
