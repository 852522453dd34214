extension ProseContext {
    /// The value of one `{slot}`: the product, a drawn filler, a formatted number, or the slot left as written.
    mutating func value(of slot: Substring) -> String {
        switch slot {
        case "product": return product
        case "aspect": return focus.name
        case "attempt": return draw("attempt:" + focus.name, from: focus.attempts, then: Fillers.attempts)
        case "fix": return draw("fix:" + focus.name, from: focus.fixes, then: Fillers.fixes)
        case "tip": return draw("tip", from: family.profile.tips)
        case "wish": return wish()
        case "use": return draw("use", from: family.profile.uses)
        case "yourUse": return Self.addressed(draw("use", from: family.profile.uses))
        case "routine": return draw("routine", from: family.profile.routines)
        case "old": return draw("old", from: family.profile.predecessors)
        case "device": return draw("device", from: family.profile.devices)
        case "who": return draw("who", from: family.profile.roles)
        case "ago": return owned(for: ["{n} ago", "about {n} ago", "roughly {n} ago", "just over {n} ago"])
        case "span": return owned(for: ["{n}", "about {n}", "a little over {n}", "nearly {n}", "roughly {n}"])
        case "tenure": return owned(for: ["{n}"])
        case "price": return price()
        case "order": return "#\(rng.int(in: 10...99))\(rng.int(in: 1000...9999))"
        case "version": return "version \(rng.int(in: 1...6)).\(rng.int(in: 0...9)).\(rng.int(in: 0...14))"
        case "stars": return sentiment == 1 ? "one star" : "\(Fillers.numberWords[sentiment]) stars"
        default:
            if let bank = Fillers.banks[String(slot)] { return draw(String(slot), from: bank) }
            return number(slot) ?? "{\(slot)}"
        }
    }

    /// A wish of the focus aspect; the main topic's first one is spread over the job like its clauses.
    mutating func wish() -> String {
        let bank = "wish:" + focus.name
        guard decks[bank] == nil, isTopicFresh else { return draw(bank, from: focus.wishes) }
        let first = clause(from: focus.wishes)
        var rest = focus.wishes.filter { $0 != first }
        rng.shuffle(&rest)
        decks[bank] = rest
        return first
    }

    /// How long the customer has had the product, in one of `forms`: the same duration throughout one text.
    mutating func owned(for forms: [String]) -> String {
        let (count, unit) = tenure ?? drawTenure()
        tenure = (count, unit)
        let amount = count == 1 ? "a \(unit)" : "\(Fillers.numberWords[count]) \(unit)s"
        return Self.substitute(in: rng.pick(forms)) { $0 == "n" ? amount : nil }
    }

    private mutating func drawTenure() -> (count: Int, unit: String) {
        switch rng.below(7) {
        case 0: (rng.int(in: 3...12), "day")
        case 1, 2: (rng.int(in: 2...9), "week")
        case 3, 4, 5: (rng.int(in: 2...11), "month")
        default: (rng.int(in: 1...2), "year")
        }
    }

    /// A customer's phrase turned to address them: "at my desk" becomes "at your desk".
    static func addressed(_ phrase: String) -> String {
        let swaps = ["my": "your", "I'm": "you're", "I": "you", "me": "you", "My": "Your"]
        return phrase.split(separator: " ").map { swaps[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// A price in the family's usual range, e.g. `$149`, `$89.99` or `$24 a month`.
    mutating func price() -> String {
        let profile = family.profile
        let cents = rng.chance(0.4) ? ".99" : ""
        return "$\(rng.int(in: profile.prices))\(cents)\(profile.priceSuffix)"
    }

    /// `{#3-9}` gives digits, `{w:3-9}` gives words ("three"); nil for anything else.
    mutating func number(_ slot: Substring) -> String? {
        let inWords = slot.hasPrefix("w:")
        guard inWords || slot.hasPrefix("#") else { return nil }
        let bounds = slot.dropFirst(inWords ? 2 : 1).split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
        let value = rng.int(in: bounds[0]...bounds[1])
        return inWords && value < Fillers.numberWords.count ? Fillers.numberWords[value] : String(value)
    }
}

/// Filler phrases for the general-purpose slots: times, people, frequencies and the like.
enum Fillers {
    static let numberWords = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty",
    ]

    static let attempts = ["restarting everything", "searching the help pages", "reading the FAQ"]

    static let fixes = [
        "reply here if it happens again, so I can take a closer look",
        "note the time whenever it happens, which helps our engineers a lot",
    ]

    static let banks: [String: [String]] = [
        "start": [
            "last {weekday}", "the day it arrived", "early last week", "the start of the month", "the weekend",
            "a trip last weekend", "the move to a new flat", "my holiday", "the last heatwave",
        ],
        "freq": [
            "several times a day", "every single day", "about {w:2-5} times a week", "most days",
            "roughly every other day", "once or twice a day", "at least {w:3-6} times a day", "every few hours",
        ],
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "deadline": [
            "Friday", "tomorrow morning", "the end of the week", "a trip on {weekday}", "a launch next week",
            "an event this weekend", "a client visit on {weekday}",
        ],
        "person": [
            "my partner", "my daughter", "my son", "a colleague", "my dad", "my flatmate", "my sister",
            "a friend from work", "my mum",
        ],
        "name": [
            "Maria", "James", "Aisha", "Tom", "Priya", "Lukas", "Chen", "Sofia", "Daniel", "Fatima", "Oliver",
            "Hannah", "Mateo", "Grace", "Kenji", "Amara", "Noah", "Elena", "Sam", "Ines", "Ravi", "Claire",
        ],
        "saving": [
            "about {w:5-20} minutes a day", "at least an hour a week", "a good half hour every {weekday}",
            "a lot of copy and paste", "several hours a month", "a few minutes every single time",
        ],
        "audience": [
            "my team", "friends who ask about it", "my colleagues", "other parents", "people new to this",
            "the rest of my family", "anyone on a tight schedule",
        ],
        "workaround": [
            "do it all by hand", "keep notes on paper", "use a separate app", "set reminders on my phone",
            "copy things over manually", "ask {person} to help", "work around it with a spreadsheet",
        ],
        "nth": ["second", "third", "fourth"],
        "sorry": ["I'm really sorry", "I'm so sorry", "I'm sorry", "I'm truly sorry", "I'm very sorry"],
        "sorryLower": ["I'm sorry", "I'm very sorry", "my apologies", "I'm truly sorry"],
        "trouble": [
            "the trouble", "the hassle", "all the hassle", "the inconvenience", "everything you've been through",
        ],
        "frankly": ["Honestly, ", "Frankly, ", "To be honest, ", "", "Truly, "],
        "warranty": ["one-year", "two-year", "24-month", "12-month"],
        "soon": ["later this week", "in the next few days", "by the end of the month", "early next month"],
    ]
}
