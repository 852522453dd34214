/// The broad sort of product a name suggests, which decides the aspects and situations the prose talks about.
enum ProductFamily: Sendable, Hashable, CaseIterable {
    case headphones, speaker, device, appliance, software, general

    static let audio: Set<ProductFamily> = [.headphones, .speaker]
    static let gadgets: Set<ProductFamily> = audio.union([.device])
    static let hardware: Set<ProductFamily> = gadgets.union([.appliance])
    static let physical: Set<ProductFamily> = hardware.union([.general])
    static let all = Set(allCases)

    /// Guesses the family from the words of a product name; unknown names are `general`.
    init(product: String) {
        let words = Set(
            product.lowercased()
                .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .map { Self.singular(String($0)) })
        // Earlier families win, so "Headphone Stand App" counts as headphones and "Phone Case" as a device.
        self = Self.keywords.first { !$0.words.isDisjoint(with: words) }?.family ?? .general
    }

    private static func singular(_ word: String) -> String {
        word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }

    private static let keywords: [(family: ProductFamily, words: Set<String>)] = [
        (.headphones, [
            "earbud", "headphone", "headset", "earphone", "bud", "airpod", "earpiece", "iem",
        ]),
        (.speaker, ["speaker", "soundbar", "subwoofer", "boombox", "jukebox"]),
        (.device, [
            "phone", "smartphone", "iphone", "watch", "smartwatch", "tablet", "ipad", "laptop", "notebook",
            "chromebook", "macbook", "monitor", "camera", "tv", "television", "kindle", "reader", "ereader",
            "tracker", "console", "drone", "router", "projector", "pc", "computer", "band",
        ]),
        (.appliance, [
            "vacuum", "blender", "coffee", "espresso", "kettle", "fridge", "refrigerator", "oven", "microwave",
            "toaster", "fryer", "purifier", "humidifier", "dehumidifier", "thermostat", "heater", "fan", "washer",
            "dryer", "dishwasher", "mixer", "cooker", "grill", "mower", "juicer", "robot", "machine", "iron",
        ]),
        (.software, [
            "app", "application", "software", "suite", "platform", "cloud", "crm", "erp", "saas", "service",
            "api", "plugin", "extension", "dashboard", "portal", "analytic", "studio", "manager", "hub",
            "editor", "planner", "ledger", "workspace", "online", "web", "ai", "bot", "assistant", "os",
        ]),
    ]
}

/// The situations, routines and neighbours a product family's customers mention.
struct FamilyProfile: Sendable {
    /// Where or when the product gets used, as a phrase after a verb: "on my commute".
    let uses: [String]
    /// What a customer regularly does with it, after "I": "switch between my laptop and my phone".
    let routines: [String]
    /// What the customer used before: "my old wired headphones".
    let predecessors: [String]
    /// What the customer uses it with: "an iPhone 13".
    let devices: [String]
    /// Everyday advice an assistant may give, as imperative phrases: "run the cleaning cycle once a week".
    let tips: [String]
    /// Who the customer is, after "as" or "I'm": "a teacher".
    let roles: [String]
    /// Typical prices in dollars.
    let prices: ClosedRange<Int>
    let priceSuffix: String

    static let people = [
        "a teacher", "a nurse on night shifts", "a student", "a freelance designer", "a parent of two",
        "a software developer", "a retiree", "a commuter", "a keen cyclist", "a shift worker",
    ]
    static let professionals = [
        "a project manager", "a freelance accountant", "a small business owner", "an operations lead",
        "a team lead", "a consultant", "an office manager", "an agency founder",
    ]
}
