extension Aspect {
    /// Aspects of software and online services, some shared with screen devices.
    static let softwareAspects: [Aspect] = [
        sync, billing, login, integrations, notifications, speed, reporting,
    ]

    static let sync = Aspect(
        "sync", for: [.device, .software],
        faults: [
            "changes made on one device take hours to show up on another",
            "sync silently fails and overwrites newer changes with old ones",
            "sync gets stuck at {#80-99}% and never finishes",
        ],
        merits: [
            "sync is instant across every device", "changes appear everywhere within seconds",
            "offline edits merge cleanly once the connection is back",
        ],
        wishes: ["a sync status indicator that shows what is still pending", "selective sync for large folders"],
        attempts: ["signing out and back in on both devices", "forcing a manual sync"],
        fixes: [
            "trigger a manual sync from the settings menu",
            "sign out on every device and sign back in, starting with the main one",
            "make sure every device is on the latest version",
        ])

    static let billing = Aspect(
        "billing", for: [.software],
        faults: [
            "the subscription was charged twice this month",
            "the invoice shows the wrong company details and can't be edited",
            "the plan renewed automatically even though auto-renewal was switched off",
        ],
        merits: [
            "billing is transparent, with no surprise charges", "invoices are clear and easy to download",
            "switching plans takes effect immediately and is prorated fairly",
        ],
        wishes: ["annual billing with a discount", "invoices sent automatically to an accounts address"])

    static let login = Aspect(
        "login", for: [.software],
        faults: [
            "login fails with an unknown error several times a week",
            "two-factor codes arrive minutes after they have already expired",
            "the session times out after just {#5-10} minutes of inactivity",
        ],
        merits: [
            "single sign-on works flawlessly with the company account",
            "login is quick, and two-factor codes arrive instantly",
            "trusted devices stay signed in without constant prompts",
        ],
        wishes: ["single sign-on with Google and Microsoft accounts", "a longer session timeout for trusted devices"],
        attempts: ["resetting my password", "a different browser", "clearing cookies"],
        fixes: [
            "reset your password from the sign-in page and try again",
            "clear your browser cookies for our site and sign in again",
            "make sure your device clock is set automatically, since two-factor codes depend on it",
        ])

    static let integrations = Aspect(
        "integrations", for: [.software],
        faults: [
            "the calendar integration disconnects every few days",
            "the Slack integration posts every message twice",
            "exports to spreadsheets mangle dates and currency symbols",
        ],
        merits: [
            "the integrations with Slack and Google Drive just work",
            "connecting the calendar took a single click",
            "data flows into the spreadsheet export without any clean-up",
        ],
        wishes: ["a Zapier integration", "a public API for pulling data into other tools"],
        attempts: ["disconnecting and reconnecting the integration", "reauthorising the account"],
        fixes: [
            "disconnect the integration in Settings and connect it again",
            "check that the connected account still has the right permissions",
            "remove any duplicate connections under Settings, then Integrations",
        ])

    static let notifications = Aspect(
        "notifications", for: [.device, .software], core: false,
        faults: [
            "notifications arrive hours late, if at all",
            "notifications keep coming even after being switched off",
            "every notification shows up twice",
        ],
        merits: [
            "notifications are timely and easy to fine-tune",
            "notifications only show up when they actually matter",
            "the daily summary arrives right on time every morning",
        ],
        wishes: ["a do-not-disturb schedule for notifications", "a daily digest instead of separate notifications"],
        attempts: ["checking the notification settings", "turning notifications off and on"],
        fixes: [
            "check that battery optimisation isn't blocking notifications",
            "turn notifications off and on again in the app settings",
            "check that do-not-disturb isn't scheduled during working hours",
        ])

    static let speed = Aspect(
        "performance", for: [.software],
        faults: [
            "reports take over {#30-90} seconds to load",
            "the dashboard freezes whenever more than {#50-200} rows are open",
            "search takes forever and often returns nothing",
        ],
        merits: [
            "even large reports load in a couple of seconds",
            "search is instant, even across years of data",
            "the dashboard stays responsive with thousands of rows open",
        ],
        wishes: ["an offline mode for working on the go", "faster bulk editing for long lists"],
        attempts: ["a different browser", "clearing the cache", "trying from another computer"],
        fixes: [
            "try a private browser window to rule out extensions",
            "clear your browser cache and reload the page",
            "split large reports into smaller date ranges",
        ])

    static let reporting = Aspect(
        "reporting", for: [.software],
        faults: [
            "the reports leave out anything added in the last {#24-48} hours",
            "custom reports can't be saved, so they have to be rebuilt every time",
            "totals in the summary report don't match the detailed view",
        ],
        merits: [
            "the reports are clear and easy to share with clients",
            "custom reports take minutes to build",
            "scheduled reports land in the inbox every Monday without fail",
        ],
        wishes: ["scheduled reports sent by email every Monday", "a way to export reports straight to PDF"],
        attempts: ["rebuilding the report from scratch", "changing the date range", "exporting it instead"],
        fixes: [
            "refresh the report data from the menu in the top-right corner",
            "save the report as a template so you don't have to rebuild it",
            "check that the report's time zone matches your account settings",
        ])
}
