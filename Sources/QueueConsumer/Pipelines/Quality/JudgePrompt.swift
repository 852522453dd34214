import Shared

/// The coherence judge's prompt for several texts, and the reading of its answer.
struct JudgePrompt {
    var texts: [(index: Int, text: String)]
    var product: String
    var kind: SampleKind

    static let schema = ResponseSchema(name: "judgements", schema: [
        "type": "object", "additionalProperties": false, "required": ["judgements"],
        "properties": ["judgements": [
            "type": "array",
            "items": [
                "type": "object", "additionalProperties": false, "required": ["index", "coherence", "reason"],
                "properties": ["index": ["type": "integer"], "coherence": ["type": "number"], "reason": ["type": "string"]],
            ],
        ]],
    ])

    func request(model: String) -> CompletionRequest {
        let system = "You judge the coherence of short texts written as a \(kind.rawValue.replacingUnderscores) "
            + "about \"\(product)\": do the sentences follow from each other, stay on one subject and make sense "
            + "together? Score each text from 0 (incoherent) to 1 (fully coherent) with a short reason."
        var user = "Judge each text below. Answer with JSON: {\"judgements\":[{\"index\":<text number>,"
            + "\"coherence\":<0..1>,\"reason\":\"…\"}]}."
        for (index, text) in texts { user += "\n\n### Text \(index)\n\(text)" }
        return CompletionRequest(
            model: model, messages: [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)],
            temperature: 0, maxOutputTokens: 60 * texts.count + 50, responseSchema: Self.schema,
            sample: SampleSpec(product: product, kind: kind, sentiment: nil, tone: nil, index: 0, seed: 0))
    }

    /// Coherence by text number, clamped to 0…1; texts the answer does not judge are absent.
    static func parse(_ answer: String) -> [Int: Double] {
        // Providers hand back the JSON object alone when a schema was asked for.
        guard let object = try? JSONValue(parsing: Array(answer.utf8)), case .array(let items)? = object["judgements"] else {
            return [:]
        }
        var judged: [Int: Double] = [:]
        for item in items {
            guard let index = item["index"]?.intValue, let coherence = item["coherence"]?.doubleValue else { continue }
            judged[index] = min(max(coherence, 0), 1)
        }
        return judged
    }
}

private extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
