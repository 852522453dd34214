extension Aspect {
    /// Aspects of physical products in general and of home appliances, plus their apps and updates.
    static let homeAspects: [Aspect] = [build, design, noise, cleaning, app, updates]

    static let build = Aspect(
        "build quality", for: ProductFamily.physical,
        faults: [
            "a seam on the casing started to split after {tenure}",
            "the plastic feels cheap and creaks when pressed",
            "a small piece broke off after a minor drop",
            "the finish scratches far too easily",
        ],
        merits: [
            "it feels solid and well made, with no creaks or rattles",
            "it has survived several drops without a scratch",
            "the materials feel premium for the price",
        ],
        wishes: ["a tougher finish option", "replaceable parts, so a small breakage doesn't mean a new unit"])

    static let design = Aspect(
        "design", for: ProductFamily.physical, core: false,
        faults: [
            "the buttons sit exactly where they get pressed by accident",
            "it is bulkier than the photos suggest",
            "the status light is bright enough to light up a bedroom at night",
        ],
        merits: [
            "the design is clean and understated",
            "every button is exactly where you'd expect it",
            "it is compact enough to take anywhere",
        ],
        wishes: ["more colour options", "an option to switch off the status light completely"])

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
        "updates", for: ProductFamily.hardware.union([.software]), core: false, recurs: false,
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
