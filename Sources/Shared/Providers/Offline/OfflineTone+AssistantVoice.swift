/// How a support assistant answering in one tone opens and closes a reply.
///
/// Like `CustomerVoice`, these phrases carry tone only and leave polarity to the sentiment banks.
struct AssistantVoice: Sendable {
    /// First sentences; an empty string means the reply starts with the answer.
    let openers: [String]
    /// Last sentences.
    let closers: [String]
}

extension OfflineTone {
    var assistant: AssistantVoice {
        switch self {
        case .frustrated:
            AssistantVoice(
                openers: [
                    "I completely understand, and I want to get this sorted for you.", "I hear you.",
                    "You've been patient, and I'll make this quick.",
                    "I understand; let's get this fixed properly.", "",
                ],
                closers: [
                    "If this doesn't solve it, reply here and I'll escalate it myself.",
                    "You won't need to explain all of this again; I've added these notes to your case.",
                    "I'll stay on this case until it's resolved.",
                    "Reply to this message directly and it comes straight back to me.",
                ])
        case .polite:
            AssistantVoice(
                openers: [
                    "Thank you for getting in touch.", "Thank you for your patience.",
                    "Thank you for the clear description.", "",
                ],
                closers: [
                    "Please let me know if there is anything else I can do.", "Thank you again for reaching out.",
                    "Please don't hesitate to write back if you have any questions.",
                    "Thank you for bearing with us.",
                ])
        case .urgent:
            AssistantVoice(
                openers: ["I'll get straight to it.", "Let's fix this right away.", "Here's the quickest route.", ""],
                closers: [
                    "I've marked your case as high priority.",
                    "If it's still not working within the hour, reply here and I'll escalate it immediately.",
                    "I'm keeping an eye on this case today.", "Our team has been alerted and will follow up today.",
                ])
        case .professional:
            AssistantVoice(
                openers: [
                    "Thank you for contacting us.", "I've reviewed your request.", "Thank you for the details.", "",
                ],
                closers: [
                    "Let me know if you need anything further.", "I'll keep this case open in the meantime.",
                    "We'll follow up once the case is closed on our side.", "Feel free to reply with any questions.",
                ])
        case .casual:
            AssistantVoice(
                openers: [
                    "Hey there!", "Hi! Thanks for the message.", "Hey, thanks for writing in.",
                    "Hi, good to hear from you.",
                ],
                closers: [
                    "Shout if you need anything else.", "Give that a go and let me know.", "Catch you later!",
                    "Ping me here if it acts up again.",
                ])
        default:
            calmerAssistant
        }
    }

    private var calmerAssistant: AssistantVoice {
        switch self {
        case .formal:
            AssistantVoice(
                openers: [
                    "Good day, and thank you for your enquiry.", "Thank you for contacting customer care.",
                    "We acknowledge receipt of your message.", "",
                ],
                closers: [
                    "Should you require further assistance, please do not hesitate to contact us.",
                    "We remain at your disposal for any further questions.",
                    "We trust this information is of assistance.", "Please reply should anything remain unclear.",
                ])
        case .friendly:
            AssistantVoice(
                openers: [
                    "Hi there, thanks so much for reaching out!", "Hello, and thanks for the message!",
                    "Hi! Thanks for getting in touch.", "Hello there!",
                ],
                closers: [
                    "I'm here if you need anything else!", "Have a lovely rest of your day!",
                    "Take care, and write any time.", "Always here to help!",
                ])
        case .concerned:
            AssistantVoice(
                openers: [
                    "I understand why this worries you.", "Thank you for flagging this with us.",
                    "I can see why you'd want this checked.", "",
                ],
                closers: [
                    "Please let me know either way, so I can be sure it's resolved.",
                    "If anything about it seems unsafe, stop using it and reply here straight away.",
                    "I'll check back in a couple of days to make sure all is well.",
                    "Your peace of mind matters to us, so do write back with any doubts.",
                ])
        case .enthusiastic:
            AssistantVoice(
                openers: [
                    "Hi there! Thanks for reaching out!", "Hello and thanks for the message!",
                    "Hey, thanks for writing!",
                    "Hi! So nice to hear from you!",
                ],
                closers: [
                    "Let me know how it goes!", "Can't wait to hear how you get on!", "Here whenever you need us!",
                    "Keep us posted!",
                ])
        default:
            AssistantVoice(
                openers: ["Hello.", "Thanks for your message.", "Hi.", ""],
                closers: [
                    "Let me know if you have other questions.", "Reply here if you need more help.",
                    "That should cover it.", "Write back if anything is unclear.",
                ])
        }
    }
}
