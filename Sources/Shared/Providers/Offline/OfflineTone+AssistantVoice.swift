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
                openers: ["I completely understand, and I want to get this sorted for you.", "I hear you."],
                closers: [
                    "If this doesn't solve it, reply here and I'll escalate it myself.",
                    "You won't need to explain all of this again; I've added these notes to your case.",
                ])
        case .polite:
            AssistantVoice(
                openers: ["Thank you for getting in touch.", "Thank you for your patience.", ""],
                closers: [
                    "Please let me know if there is anything else I can do.",
                    "Thank you again for reaching out.",
                ])
        case .urgent:
            AssistantVoice(
                openers: ["I'll get straight to it.", "Let's fix this right away.", ""],
                closers: [
                    "I've marked your case as high priority.",
                    "If it's still not working within the hour, reply here and I'll escalate it immediately.",
                ])
        case .professional:
            AssistantVoice(
                openers: ["Thank you for contacting us.", "I've reviewed your request.", ""],
                closers: [
                    "Let me know if you need anything further.", "I'll keep this case open in the meantime.",
                ])
        case .casual:
            AssistantVoice(
                openers: ["Hey there!", "Hi! Thanks for the message.", "Hey, thanks for writing in."],
                closers: ["Shout if you need anything else.", "Give that a go and let me know."])
        default:
            calmerAssistant
        }
    }

    private var calmerAssistant: AssistantVoice {
        switch self {
        case .formal:
            AssistantVoice(
                openers: ["Good day, and thank you for your enquiry.", "Thank you for contacting customer care."],
                closers: [
                    "Should you require further assistance, please do not hesitate to contact us.",
                    "We remain at your disposal for any further questions.",
                ])
        case .friendly:
            AssistantVoice(
                openers: ["Hi there, thanks so much for reaching out!", "Hello, and thanks for the message!"],
                closers: ["I'm here if you need anything else!", "Have a lovely rest of your day!"])
        case .concerned:
            AssistantVoice(
                openers: ["I understand why this worries you.", "Thank you for flagging this with us."],
                closers: [
                    "Please let me know either way, so I can be sure it's resolved.",
                    "If anything about it seems unsafe, stop using it and reply here straight away.",
                ])
        case .enthusiastic:
            AssistantVoice(
                openers: ["Hi there! Thanks for reaching out!", "Hello and thanks for the message!"],
                closers: ["Let me know how it goes!", "Can't wait to hear how you get on!"])
        default:
            AssistantVoice(
                openers: ["Hello.", "Thanks for your message.", ""],
                closers: ["Let me know if you have other questions.", "Reply here if you need more help."])
        }
    }
}
