extension ProductFamily {
    var profile: FamilyProfile {
        switch self {
        case .headphones, .speaker: Self.audioProfile
        case .device: Self.deviceProfile
        case .appliance: Self.applianceProfile
        case .software: Self.softwareProfile
        case .general: Self.generalProfile
        }
    }

    private static let audioProfile = FamilyProfile(
        uses: [
            "on my commute", "at the gym", "during video calls", "on long flights", "while running",
            "at my desk", "while cooking", "on the train", "around the house", "on weekend walks",
        ],
        routines: [
            "switch between my laptop and my phone several times a day", "take calls in a noisy open-plan office",
            "listen to audiobooks before falling asleep", "train for a half marathon four mornings a week",
            "watch films on long flights", "listen to podcasts while doing chores",
        ],
        predecessors: [
            "my old wired headphones", "the cheap pair I had before", "my previous pair",
            "a set from another brand", "the model I used for years",
        ],
        devices: [
            "an iPhone 13", "a Pixel 7", "a Samsung Galaxy S23", "a Windows laptop", "a MacBook Air", "an iPad",
            "a OnePlus phone",
        ],
        tips: [
            "keep the firmware up to date from the companion app",
            "try the equalizer presets in the app to match what you listen to",
            "charge it fully before a long trip", "pair it with your laptop as well, so switching is quicker",
            "store it in its case when you're not using it",
        ],
        roles: FamilyProfile.people, prices: 39...299, priceSuffix: "")

    private static let deviceProfile = FamilyProfile(
        uses: [
            "for work email", "on business trips", "for photos of my kids", "for reading in bed", "in meetings",
            "for video calls", "on weekend hikes", "for online classes", "on the sofa in the evenings",
        ],
        routines: [
            "read long PDFs for work", "track my runs and check my heart rate", "edit photos on the go",
            "take notes in lectures", "switch between work and personal accounts", "video call my family abroad",
        ],
        predecessors: [
            "my previous model", "my old device", "my five-year-old device", "a cheaper model I tried first",
            "a hand-me-down from {person}",
        ],
        devices: [
            "a Windows 11 PC", "a MacBook Pro", "an Android phone", "an iPhone", "my home Wi-Fi router",
            "a Chromebook",
        ],
        tips: [
            "turn on automatic updates in Settings", "set up a regular backup to the cloud",
            "try the battery saver mode on long days", "customise the quick settings panel",
            "keep at least a few gigabytes of storage free",
        ],
        roles: FamilyProfile.people, prices: 129...1299, priceSuffix: "")

    private static let applianceProfile = FamilyProfile(
        uses: [
            "every morning", "for family dinners", "on weekends", "for meal prep", "while I'm at work",
            "in a small apartment", "several times a day", "in the evenings", "before the school run",
        ],
        routines: [
            "start it before I get home from work", "prepare food for the whole week on Sundays",
            "run it while the kids are asleep", "use it twice a day in a small kitchen",
            "share it with three flatmates", "use it on a strict morning schedule",
        ],
        predecessors: [
            "my old one", "my old machine", "a cheaper model I had for years", "my parents' old machine",
            "a budget brand I tried first",
        ],
        devices: ["an Android phone", "an iPhone", "a Google Home speaker", "an Alexa speaker", "a tablet"],
        tips: [
            "run the cleaning cycle once a week", "check the filter every month or so",
            "use the scheduling feature in the app", "descale it regularly in hard-water areas",
            "keep a little space around it so air can circulate",
        ],
        roles: FamilyProfile.people, prices: 39...599, priceSuffix: "")

    private static let softwareProfile = FamilyProfile(
        uses: [
            "for our weekly reports", "with a team of {#4-40} people", "for client invoicing",
            "during month-end close", "to plan sprints", "for tracking projects", "on client calls",
            "every working day", "across {w:2-5} offices",
        ],
        routines: [
            "prepare invoices for {#10-60} clients every month", "run a stand-up with a remote team every morning",
            "export our numbers into a spreadsheet every Friday", "onboard new team members every few weeks",
            "review reports with clients on video calls", "plan work for {#5-25} people across time zones",
        ],
        predecessors: [
            "the spreadsheet we used before", "our previous tool", "the free alternative we tried first",
            "the old system we migrated from", "a competitor we used for {w:2-4} years",
        ],
        devices: [
            "Chrome on Windows 11", "Safari on a MacBook", "Firefox on Linux", "the Android app",
            "the iPhone app", "Edge on a work laptop",
        ],
        tips: [
            "set up keyboard shortcuts from the Settings page", "invite your team so everyone shares one workspace",
            "turn on the weekly summary email", "use saved views to skip repetitive filtering",
            "connect your calendar so deadlines show up automatically",
        ],
        roles: FamilyProfile.professionals, prices: 8...99, priceSuffix: " a month")

    private static let generalProfile = FamilyProfile(
        uses: [
            "every day", "at home", "at work", "on weekends", "when travelling", "around the house",
            "in the garden", "with the kids", "on camping trips",
        ],
        routines: [
            "use it outdoors in all weathers", "share it with my family", "take it with me when I travel",
            "use it for hours at a time", "pack it away in a small cupboard after every use",
        ],
        predecessors: [
            "what I used before", "a cheaper alternative", "the one I had for years",
            "a similar product from another brand",
        ],
        devices: [],
        tips: [
            "keep the receipt with the warranty card", "clean it with a damp cloth after heavy use",
            "store it somewhere dry when you're not using it", "register it on our website to extend the warranty",
        ],
        roles: FamilyProfile.people, prices: 19...199, priceSuffix: "")
}
