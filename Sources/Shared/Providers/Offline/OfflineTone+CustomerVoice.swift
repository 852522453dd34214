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
                greetings: ["", "Hello,", "Hi,", "To your support team,", "Hello again,"],
                signoffs: [
                    "Waiting for a real answer,", "Regards,", "", "Still waiting,", "Thanks in advance, I guess,",
                ],
                pleas: [
                    "This is the {nth} time I've written about this.",
                    "I've already spent {w:2-5} evenings on this.", "I'm running out of patience here.",
                    "I'd like a real answer this time, not a template.",
                    "I've been passed between departments twice already.",
                    "Nobody has followed up on my last message.",
                ],
                remarks: ["I have to get this off my chest.", "I'm writing this so others know what to expect."])
        case .polite:
            CustomerVoice(
                greetings: ["Hello,", "Hi there,", "Good morning,", "Good afternoon,", "Good evening,"],
                signoffs: ["Thank you in advance,", "Many thanks,", "Kind regards,"],
                pleas: [
                    "I'd really appreciate your help with this.", "Thank you for taking the time to read this.",
                    "I hope this is the right place to ask.", "Thank you for your patience with my questions.",
                    "I'd be most grateful for any guidance.",
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
                    "Please call me if that's faster; I'm available all day.",
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
                greetings: ["Hey,", "Hey there,", "Hi folks,", "Hiya,", "Hey all,"],
                signoffs: ["Cheers,", "Thanks!", "Thanks a bunch,", "Ta,", "Later,"],
                pleas: [
                    "No rush, but it's kinda bugging me.", "Not a huge deal, just curious what's up.",
                    "Let me know what you think.", "Any ideas?", "Would be awesome to get this sorted.",
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
                greetings: ["Hello,", "Hi,", "Hello there,", "Good morning,"],
                signoffs: ["Thank you,", "Thanks for your help,", "Regards,", "Thanks for looking into this,"],
                pleas: [
                    "I'm a bit worried about where this is heading.",
                    "Should I stop using it until this is resolved?",
                    "I'm worried this could become a safety risk.",
                ],
                remarks: ["One thing on my mind is how it will hold up over time.", "I do have some worries."])
        case .enthusiastic:
            CustomerVoice(
                greetings: ["Hi there!", "Hey team!", "Hello!", "Hi everyone!"],
                signoffs: ["Thanks a million!", "Cheers!", "Thanks again!", "Thanks so much,"],
                pleas: [
                    "Fingers crossed this is an easy one!", "I can't wait to hear back!",
                    "You folks have been super responsive before, so I'm hopeful!",
                ],
                remarks: [
                    "I don't usually write reviews, but I had to for this one!", "Okay, I have to talk about this!",
                ])
        default:
            CustomerVoice(
                greetings: ["Hello,", "Hi,", "", "Hello there,"],
                signoffs: ["Thanks,", "Regards,", "Thank you,", "Kind regards,"],
                pleas: [
                    "Let me know if you need more details.", "I can send more information if needed.",
                    "I'm available by email if you have questions.",
                ],
                remarks: ["Here's my experience so far.", "A few notes after using it for {span}."])
        }
    }
}
