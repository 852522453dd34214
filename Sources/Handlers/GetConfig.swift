import Shared

/// `GET /api/config`: features, templates, controls and limits a client can use.
struct GetConfig: Handler {
    static let tones = ["frustrated", "polite", "urgent", "professional", "casual", "formal", "friendly", "concerned",
                        "enthusiastic", "neutral"]

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let descriptions = JSONObject(
            PromptTemplate.sentimentDescriptions.sorted { $0.key < $1.key }.map { (key: String($0.key), value: .string($0.value)) })
        return .json([
            "features": [
                "generation": true, "enhanced_generation": true, "augmentation": true, "quality_filtering": true,
                "job_cancellation": true, "job_listing": true,
            ],
            "templates": [
                // Built-ins; user templates are listed by `GET /api/templates`.
                "available": .array(PromptTemplate.builtIns.map { .string($0.name) }),
                "default": .string(SampleKind.supportRequest.rawValue),
                "versions": .array(PromptTemplate.builtInVersions.map(JSONValue.string)),
                "kinds": .array(SampleKind.allCases.map { .string($0.rawValue) }),
                "variables": .array(TemplateVariable.names.map(JSONValue.string)),
                "list_url": "/api/templates",
            ],
            "sentiment_intensity": ["scale": "1-5", "descriptions": .object(descriptions)],
            "tone_options": .array(Self.tones.map(JSONValue.string)),
            "augmentation_strategies": .array(AugmentationStrategy.allCases.map { .string($0.rawValue) }),
            "quality_filtering": [
                "default_min_score": .double(GenerationRequest.defaultMinQualityScore),
                "metrics": .array(QualityComponent.allCases.map { .string($0.rawValue) }),
                "deduplication": [
                    "exact": true,
                    "near_duplicate": ["method": "minhash-lsh", "threshold": .double(DedupStore.defaultThreshold)],
                    "scopes": .array(DedupScopeKind.allCases.map { .string($0.rawValue) }),
                ],
            ],
            "limits": [
                "max_samples": .int(context.settings.maxSamplesPerRequest), "min_samples": 1, "max_tokens": 4096,
                "max_body_bytes": .int(context.settings.maxBodyBytes),
            ],
            "provider": ["name": .string(context.settings.provider), "model": .string(context.settings.model)],
        ])
    }
}
