/// Renders a template's prompts: one per sample, from the request's controls, the sample's index and the
/// job's seed.
///
/// Rendering is a pure function of those three, so a resumed job renders the prompts a lost run would have.
/// The bodies are parsed once, when the renderer is made; like them, a renderer stays on one thread.
public struct PromptRenderer {
    public let template: PromptTemplate
    private let system: TemplateBody.Prepared
    private let user: TemplateBody.Prepared

    /// Checks both bodies again: a template read back from storage is rendered only if it still validates.
    public init(_ template: PromptTemplate) throws(TemplateError) {
        for body in [template.system, template.user] {
            if let problem = TemplateBody.problems(in: body.source).first { throw problem }
        }
        self.template = template
        system = try template.system.prepared()
        user = try template.user.prepared()
    }

    /// The prompt of sample `index`.
    public func prompt(_ controls: PromptControls, index: Int, seed: UInt64) throws(TemplateError) -> SamplePrompt {
        let pools = template.pools
        let draw = VariationDraw(index: index, seed: seed, sizes: pools.sizes)
        let persona = pools.personas[draw.digits[0]]
        let range = controls.lengthWords ?? template.kind.defaultLengthWords
        let position = pools.lengthPositions[draw.digits[4]]
        let target = range.lowerBound + Int((Double(range.upperBound - range.lowerBound) * position).rounded())
        var examples: [String] = []
        var exampleIndices: [Int] = []
        if controls.fewShot {
            exampleIndices = FewShotExample.choose(
                from: template.examples, tone: controls.tone, sentiment: controls.sentimentIntensity,
                seed: VariationDraw.mix(seed ^ UInt64(truncatingIfNeeded: index)))
            examples = exampleIndices.map {
                template.examples[$0].text.replacing("{product}", with: controls.product)
            }
        }
        var values: [TemplateVariable: TemplateValue] = [
            .product: .text(controls.product), .lengthConstraint: .text("between \(range.lowerBound) and \(range.upperBound) words"),
            .lengthTarget: .int(target), .constraints: .list(controls.constraints), .examples: .list(examples),
            .persona: .text(persona.persona), .ageBand: .text(persona.ageBand), .expertise: .text(persona.expertise),
            .channel: .text(persona.channel), .scenario: .text(pools.scenarios[draw.digits[1]]),
            .focus: .text(pools.focuses[draw.digits[2]]), .opening: .text(pools.openings[draw.digits[3]]),
        ]
        if let sentiment = controls.sentimentIntensity, let description = PromptTemplate.sentimentDescriptions[sentiment] {
            values[.sentimentIntensity] = .int(sentiment)
            values[.sentimentScale] = .text(description)
        }
        if let tone = controls.tone, !tone.isEmpty { values[.tone] = .text(tone) }
        let variation: JSONValue = [
            "persona": .string(persona.persona), "age_band": .string(persona.ageBand),
            "expertise": .string(persona.expertise), "channel": .string(persona.channel),
            "scenario": .string(pools.scenarios[draw.digits[1]]), "focus": .string(pools.focuses[draw.digits[2]]),
            "opening": .string(pools.openings[draw.digits[3]]), "length_target": .int(target),
            "examples": .array(exampleIndices.map(JSONValue.int)),
        ]
        return SamplePrompt(
            system: try system.render(values).trimmingSpaces, user: try user.render(values).trimmingSpaces,
            variation: variation)
    }
}

extension SampleKind {
    /// The length range a kind asks for when the request sets none.
    var defaultLengthWords: ClosedRange<Int> {
        switch self {
        case .supportRequest, .featureRequest: return 50...200
        case .productReview: return 60...250
        case .chatbotConversation: return 80...250
        }
    }
}
