extension Aspect {
    /// Aspects of headphones, speakers and screen devices.
    static let gadgetAspects: [Aspect] = [battery, charging, sound, fit, connection, screen, performance]

    static let battery = Aspect(
        "battery", for: ProductFamily.gadgets,
        faults: [
            "the battery goes from full to empty in about {#2-4} hours, nowhere near the advertised {#8-12}",
            "the battery drains overnight even when it is switched off",
            "battery life has roughly halved since the last update",
            "the battery level jumps from {#40-60}% straight to zero without any warning",
        ],
        merits: [
            "the battery easily lasts {#8-14} hours on a single charge",
            "the battery gets through {w:2-4} full days of normal use",
            "a quick {#10-15}-minute charge is enough for several more hours",
            "battery life is exactly as advertised, if not a little better",
        ],
        wishes: [
            "a low-power mode that stretches the battery on long trips",
            "a way to see the exact battery percentage at a glance",
            "an option to stop charging at 80% to protect the battery",
        ],
        attempts: ["draining it completely and charging it back to full", "turning off every extra feature"],
        fixes: [
            "charge it to 100%, then let it run down completely once so the battery meter recalibrates",
            "turn off features you don't need, such as auto-detection, to save power",
            "install the latest firmware, since recent versions improve battery life",
        ])

    static let charging = Aspect(
        "charging", for: ProductFamily.gadgets,
        faults: [
            "it only charges when the cable is held at a certain angle",
            "the charging port has gone loose after just {tenure}",
            "wireless charging stops and starts every few minutes",
            "it gets uncomfortably hot while charging",
        ],
        merits: [
            "it charges from empty to full in under {#60-90} minutes",
            "wireless charging works reliably with any standard pad",
            "fast charging actually lives up to the marketing",
        ],
        wishes: [
            "a charging schedule so it is full right when the alarm goes off",
            "a notification when charging is complete",
        ],
        attempts: ["a different cable and adapter", "cleaning the charging port with a soft brush"],
        fixes: [
            "use the original cable with a wall adapter rated at {#18-30} W or more",
            "gently clean the charging port with a dry, soft brush",
            "avoid charging it under a pillow or in direct sunlight",
        ])

    static let sound = Aspect(
        "sound quality", for: ProductFamily.audio,
        faults: [
            "the sound crackles at anything above half volume",
            "the bass is muddy and vocals sound distant",
            "audio drifts out of sync with video by about half a second",
            "the left side is noticeably quieter than the right",
        ],
        merits: [
            "the sound is rich and detailed, with bass that never gets boomy",
            "vocals are crystal clear, even at low volume",
            "noise cancelling blocks out almost all of the engine hum on flights",
            "calls sound clear on both ends, even outside on a windy day",
        ],
        wishes: [
            "a proper equalizer with more than {w:3-5} presets",
            "a transparency mode that can be adjusted in finer steps",
            "spatial audio for films and series",
        ],
        attempts: ["resetting the equalizer", "testing with different apps and sources"],
        fixes: [
            "reset the equalizer to its default setting in the app",
            "check that any audio enhancement on your phone is switched off",
            "update to the latest firmware, which improves the audio processing",
        ])

    static let fit = Aspect(
        "fit", for: [.headphones],
        faults: [
            "the fit is so loose that they fall out during a run",
            "the fit gets uncomfortable after about {#30-60} minutes",
            "pressure builds up in the ears after a short while",
        ],
        merits: [
            "the fit is secure enough for running and stays comfortable for hours",
            "the fit is comfortable even through a full workday",
            "they stay put even during sprints and jumping jacks",
        ],
        wishes: ["more ear tip sizes in the box", "a fit test in the app that checks the seal"],
        attempts: ["every ear tip size in the box", "the fit test in the app"],
        fixes: [
            "try the other ear tip sizes included in the box",
            "run the fit test in the app to check the seal",
            "twist each earbud slightly backwards after putting it in",
        ])

    static let connection = Aspect(
        "Bluetooth connection", for: ProductFamily.gadgets,
        faults: [
            "the Bluetooth connection drops every {#5-20} minutes",
            "it refuses to reconnect automatically and has to be paired from scratch each time",
            "switching between paired devices takes forever, if it works at all",
        ],
        merits: [
            "pairing takes seconds and it reconnects instantly every time",
            "the connection stays rock solid even across the house",
            "switching between paired devices is seamless",
        ],
        wishes: [
            "true multipoint, so two devices can stay connected at once",
            "a way to rename and prioritise paired devices",
        ],
        attempts: ["unpairing and pairing again", "turning Bluetooth off and on", "restarting my phone"],
        fixes: [
            "remove it from your Bluetooth list and pair it again from scratch",
            "turn off Bluetooth on other nearby devices it might be connecting to",
            "restart your phone and then reconnect",
        ])

    static let screen = Aspect(
        "screen", for: [.device],
        faults: [
            "the screen flickers at low brightness",
            "there is a dead pixel right in the middle of the screen",
            "the screen is hard to read in direct sunlight",
            "touches near the edge of the screen often don't register",
        ],
        merits: [
            "the screen is sharp, bright and easy to read outdoors",
            "colours on the screen look natural rather than oversaturated",
            "the screen stays readable even in direct sunlight",
        ],
        wishes: ["an always-on display mode", "a warmer night mode for reading in bed"],
        attempts: ["turning off adaptive brightness", "removing the screen protector"],
        fixes: [
            "turn off adaptive brightness and test again",
            "remove any screen protector to check whether it is the cause",
            "run the display test in the diagnostics menu",
        ])

    static let performance = Aspect(
        "performance", for: [.device],
        faults: [
            "apps take {#5-15} seconds to open",
            "it freezes for a few seconds several times a day",
            "it gets sluggish as soon as more than {w:3-5} apps are open",
        ],
        merits: [
            "everything opens instantly and nothing ever stutters",
            "it handles heavy multitasking without slowing down",
            "it still feels as fast as on day one",
        ],
        wishes: ["a performance mode for demanding tasks", "a way to see which apps are slowing it down"],
        attempts: ["closing all background apps", "freeing up storage", "a full factory reset"],
        fixes: [
            "free up at least {#5-10} GB of storage",
            "restart it and close any apps you aren't using",
            "install the latest system update",
        ])
}
