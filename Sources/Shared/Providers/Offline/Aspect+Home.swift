extension Aspect {
    /// Aspects of physical products in general and of home appliances, plus their apps and updates.
    static let homeAspects: [Aspect] = [build, design, care, comfort, contents, noise, cleaning, app, updates]

    static let build = Aspect(
        "build quality", for: ProductFamily.physical, claims: true, recurs: false,
        faults: [
            "a seam started to split after {tenure}",
            "the materials feel cheap and flimsy",
            "a small piece broke off after a minor knock",
            "the finish scratches far too easily",
            "a small crack appeared after {tenure}",
            "one of the edges has started to peel",
        ],
        merits: [
            "it feels solid and well made, with nothing loose or rattling",
            "it has survived some rough handling without a scratch",
            "the materials feel premium for the price",
        ],
        wishes: [
            "a tougher finish option", "replaceable parts, so a small breakage doesn't mean a new one",
            "a lifetime warranty option",
        ],
        attempts: [
            "contacting the shop I bought it from", "checking the warranty page", "calling your hotline",
            "filling in the online claim form",
        ],
        fixes: [
            "send us a photo of the damage so we can start a warranty replacement",
            "reply with your order number and we'll arrange a replacement",
            "bring it to the shop you bought it from, which can swap it on the spot",
        ])

    static let design = Aspect(
        "design", for: ProductFamily.physical, core: false,
        faults: [
            "it is bulkier than the photos suggest",
            "the colour looks noticeably different from the photos",
            "it is heavier than the listing suggests",
        ],
        merits: [
            "the design is clean and understated",
            "it looks even better in person than in the photos",
            "it is compact enough to take anywhere",
        ],
        wishes: ["more colour options", "a lighter version for travel", "a matte finish option"])

    static let care = Aspect(
        "care", for: [.general], recurs: false,
        faults: [
            "it picks up marks that don't wipe off",
            "the finish has started to wear off after {tenure}",
            "it still has a strong chemical smell after {tenure}",
            "it absorbs stains far too easily",
        ],
        merits: [
            "it wipes clean in seconds",
            "it still looks new after {tenure} of regular use",
            "it shrugs off dirt and spills",
        ],
        wishes: ["a care kit in the box", "clear care instructions on the label", "a water-repellent coating"],
        attempts: ["the cleaning method on the label", "mild soap and water", "airing it out for a few days"],
        fixes: [
            "clean it with a damp cloth and mild soap, then let it air-dry",
            "keep it out of direct sunlight for long periods",
            "store it somewhere dry and airy when you're not using it",
        ])

    static let comfort = Aspect(
        "comfort", for: [.general],
        faults: [
            "it gets uncomfortable after about {#30-90} minutes of use",
            "the edges dig in when it's used for long",
            "it still feels stiff and awkward after {tenure}",
            "it rubs in the same spot every time",
        ],
        merits: [
            "it stays comfortable even after hours of use",
            "it feels natural to use from day one",
            "it is light and easy to handle",
        ],
        wishes: [
            "a softer, padded version", "an adjustable version for different sizes", "a version in a softer material",
        ],
        attempts: ["adjusting it every way I could think of", "giving it a few weeks to break in"],
        fixes: [
            "adjust it following the fitting guide on our website",
            "give it a couple of weeks of regular use, since the materials soften over time",
            "try the next size up, which we can exchange free of charge",
        ])

    static let contents = Aspect(
        "box contents", for: ProductFamily.physical, core: false, claims: true, recurs: false,
        faults: [
            "one of the parts was missing from the box",
            "the included accessories are not the ones listed",
            "the box contained the wrong colour",
            "the instructions were missing from the box",
        ],
        merits: [
            "everything listed was in the box, neatly organised",
            "a few useful extras came in the box",
        ],
        attempts: ["checking every compartment of the box", "comparing it with the parts list"],
        fixes: [
            "send us a photo of the parts list with the missing item circled",
            "tell us which part is missing and we'll post it today",
        ])

    static let noise = Aspect(
        "noise level", for: [.appliance],
        faults: [
            "it is loud enough that conversation stops while it runs",
            "it makes a high-pitched whine that carries through the whole flat",
            "a rattling sound started after {tenure}",
        ],
        merits: [
            "it is quiet enough to run while a baby sleeps in the next room",
            "it runs with a low hum that's easy to ignore",
            "it is far quieter than most machines in its class",
        ],
        wishes: ["a night mode that runs more quietly", "a scheduled quiet mode for early mornings"],
        attempts: ["placing it on a different surface", "cleaning the filter", "checking for anything loose"],
        fixes: [
            "place it on a flat, stable surface away from the wall",
            "remove and clean the filter, since a clogged filter makes it work harder",
            "check that every removable part clicks firmly into place",
        ])

    static let cleaning = Aspect(
        "cleaning", for: [.appliance],
        faults: [
            "cleaning it takes longer than actually using it",
            "food gets trapped in corners that are impossible to reach",
            "the removable parts aren't dishwasher safe, despite what the box says",
            "water collects in the base and starts to smell after a few days",
        ],
        merits: [
            "every removable part goes straight in the dishwasher",
            "cleaning takes about two minutes",
            "the self-cleaning cycle actually works",
        ],
        wishes: ["a reminder when the filter needs cleaning", "dishwasher-safe parts across the board"],
        attempts: ["soaking the parts overnight", "following the cleaning guide", "running the self-clean cycle"],
        fixes: [
            "run the cleaning cycle with warm water and a drop of washing-up liquid",
            "soak the removable parts in warm water for {#10-20} minutes",
            "descale it every few weeks if you live in a hard-water area",
        ])

    static let app = Aspect(
        "companion app", for: ProductFamily.hardware,
        faults: [
            "the companion app crashes every time it opens",
            "the companion app keeps asking to sign in again",
            "half the settings in the companion app don't actually save",
            "the app takes ages to find the {product}",
        ],
        merits: [
            "the companion app is simple, fast and doesn't nag",
            "the app makes every setting easy to find",
            "the app gets useful updates every few weeks",
        ],
        wishes: [
            "a home screen widget for the companion app",
            "an app that works without creating an account",
            "a way to back up and restore settings in the app",
        ],
        attempts: ["reinstalling the app", "logging out of the app and back in", "clearing the app's cache"],
        fixes: [
            "delete the app, restart your phone and install it again",
            "sign out of the app and sign back in",
            "make sure the app has permission to use Bluetooth and location",
        ])

    static let updates = Aspect(
        "update process", for: ProductFamily.hardware.union([.software]), core: false, recurs: false,
        faults: [
            "the latest update ({version}) broke something that used to work",
            "updates take over {#20-45} minutes and sometimes fail halfway",
            "there hasn't been a single update in {w:4-9} months",
        ],
        merits: [
            "regular updates keep adding useful features",
            "updates install quietly in the background",
            "every update so far has made it better",
        ],
        wishes: ["release notes that explain what each update changes", "an option to roll back an update"],
        attempts: ["running the update again", "restarting before updating", "updating over a different network"],
        fixes: [
            "keep it connected to a stable network while it updates",
            "restart it and run the update again",
            "check our status page for known problems with the latest release",
        ])
}
