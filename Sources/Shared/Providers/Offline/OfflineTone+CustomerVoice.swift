/// How a customer writing in one tone greets, signs off, presses a request and frames an opinion.
///
/// These phrases carry tone only: they avoid sentiment-laden words so the sentiment banks decide polarity.
struct CustomerVoice: Sendable {
    /// Salutation lines; an empty string means no greeting.
    let greetings: [String]
    /// Sign-off lines; an empty string means none.
    let signoffs: [String]
    /// A sentence addressed to the company that carries the tone.
    let pleas: [String]
    /// A sentence about the writing itself, fit for a review.
    let remarks: [String]
}

extension OfflineTone {
    var customer: CustomerVoice {
        switch self {
        case .frustrated:
            CustomerVoice(
                greetings: ["", "Hello,", "Hi,"],
                signoffs: ["Waiting for a real answer,", "Regards,", ""],
                pleas: [
                    "This is the {nth} time I've written about this.",
                    "I've already spent {w:2-5} evenings on this.", "I'm running out of patience here.",
                    "I'd like a real answer this time, not a template.",
                ],
                remarks: ["I have to get this off my chest.", "I'm writing this so others know what to expect."])
        case .polite:
            CustomerVoice(
                greetings: ["Hello,", "Hi there,", "Good morning,", "Good afternoon,"],
                signoffs: ["Thank you in advance,", "Many thanks,", "Kind regards,"],
                pleas: [
                    "I'd really appreciate your help with this.", "Thank you for taking the time to read this.",
                    "I hope this is the right place to ask.", "Thank you for your patience with my questions.",
                ],
                remarks: [
                    "I hope this review helps someone decide.", "Just sharing my experience in case it's useful.",
                ])
        case .urgent:
            CustomerVoice(
                greetings: ["URGENT:", "Hello,", "Hi, this is urgent.", ""],
                signoffs: ["Please reply as soon as you can.", "Thanks,", "Waiting for your quick reply,"],
                pleas: [
                    "I need this sorted by {deadline}, so a quick reply would help a lot.",
                    "Please treat this as urgent.", "This is time-sensitive because of {deadline}.",
                    "I need an answer today if at all possible.",
                ],
                remarks: ["If you're about to buy one, read this first.", "Quick review for anyone deciding today."])
        case .professional:
            CustomerVoice(
                greetings: ["Hello,", "Hello support team,", "Good morning,"],
                signoffs: ["Best regards,", "Regards,", "Thank you,"],
                pleas: [
                    "I can provide logs or screenshots if needed.",
                    "Our team depends on this, so a timely response is appreciated.",
                    "Please let me know if you need any further details from our side.",
                ],
                remarks: [
                    "I've tried to keep this review objective.", "I evaluated it over {span} of regular use.",
                ])
        case .casual:
            CustomerVoice(
                greetings: ["Hey,", "Hey there,", "Hi folks,", "Hiya,"],
                signoffs: ["Cheers,", "Thanks!", "Thanks a bunch,"],
                pleas: [
                    "No rush, but it's kinda bugging me.", "Not a huge deal, just curious what's up.",
                    "Let me know what you think.", "Any ideas?",
                ],
                remarks: ["Not gonna lie, I didn't plan on writing a review.", "Okay, quick review."])
        default:
            calmerCustomer
        }
    }

    private var calmerCustomer: CustomerVoice {
        switch self {
        case .formal:
            CustomerVoice(
                greetings: ["Dear Sir or Madam,", "Dear Support Team,", "To whom it may concern,"],
                signoffs: ["Yours faithfully,", "Yours sincerely,", "Respectfully,"],
                pleas: [
                    "I would be grateful for a prompt response.", "Please advise at your earliest convenience.",
                    "I trust this matter will receive your attention.",
                ],
                remarks: [
                    "What follows is my assessment after {span} of use.",
                    "I offer this review in the interest of other buyers.",
                ])
        case .friendly:
            CustomerVoice(
                greetings: ["Hi there!", "Hello friends!", "Hi team,", "Hey team!"],
                signoffs: ["Thanks so much,", "Cheers,", "Warm wishes,"],
                pleas: [
                    "Thanks a ton in advance, you folks are usually quick.", "Hope your week is going well!",
                    "I really appreciate you taking a look.",
                ],
                remarks: ["Hope this helps someone out there!", "Writing this for anyone on the fence."])
        case .concerned:
            CustomerVoice(
                greetings: ["Hello,", "Hi,", "Hello there,"],
                signoffs: ["Thank you,", "Thanks for your help,", "Regards,"],
                pleas: [
                    "I'm a bit worried this might get worse over time.",
                    "Should I stop using it until this is resolved?",
                    "I'm worried this could become a safety risk.",
                ],
                remarks: ["One thing on my mind is how it will hold up over time.", "I do have some worries."])
        case .enthusiastic:
            CustomerVoice(
                greetings: ["Hi there!", "Hey team!", "Hello!"],
                signoffs: ["Thanks a million!", "Cheers!", "Thanks again!"],
                pleas: ["Fingers crossed this is an easy one!", "I can't wait to hear back!"],
                remarks: ["I don't usually write reviews, but I had to for this one!", "Okay, I have to talk about this!"])
        default:
            CustomerVoice(
                greetings: ["Hello,", "Hi,", ""],
                signoffs: ["Thanks,", "Regards,", "Best,"],
                pleas: ["Let me know if you need more details.", "I can send more information if needed."],
                remarks: ["Here's my experience so far.", "A few notes after using it for {span}."])
        }
    }
}
