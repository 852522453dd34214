/// The built-in bodies, assembled from one shape so the four kinds lay out their prompts the same way.
extension PromptTemplate {
    /// The built-in `v1` of `kind`.
    static func builtIn(_ kind: SampleKind) -> PromptTemplate {
        let content = BuiltInContent.of(kind)
        return PromptTemplate(
            name: kind.rawValue, version: "v1", kind: kind, description: content.description,
            system: content.systemBody, user: content.userBody, examples: content.examples, pools: content.pools,
            aspectTerms: content.aspectTerms, isBuiltIn: true)
    }
}

/// What one built-in kind says; `systemBody` and `userBody` put it into the shared layout.
struct BuiltInContent {
    var kind: SampleKind
    var description: String
    /// One sentence on what makes a text of this kind realistic.
    var craft: String
    var requirements: [String]
    /// Stencil lines inserted after the fixed requirements (the review's sentiment-dependent emphasis).
    var emphasis: String = ""
    var examples: [FewShotExample]
    var pools: DiversityPools
    /// Domain terms of the kind that the standard aspect lexicon lacks, one group of alternatives per category.
    var aspectTerms: [String: [String]] = [:]

    /// What one text of the kind is called in the prompt.
    var noun: String { kind.noun }

    static func of(_ kind: SampleKind) -> BuiltInContent {
        switch kind {
        case .supportRequest: return .supportRequest
        case .productReview: return .productReview
        case .featureRequest: return .featureRequest
        case .chatbotConversation: return .chatbotConversation
        }
    }

    var systemBody: TemplateBody {
        body(
            """
            You write realistic \(noun)s for a text dataset, each the way one real person would write it. \(craft)
            Write as {{ persona }}, aged {{ age_band }}, {{ expertise }}, writing through {{ channel }}.
            Answer with the text only: no title, no quotes, no preamble, no notes.
            """)
    }

    var userBody: TemplateBody {
        let fixed = requirements.map { "- \($0)\n" }.joined()
        return body(
            """
            Write one \(noun) about "{{ product }}".
            Scenario: {{ scenario }}.
            Focus on {{ focus }}.
            Open {{ opening }}.
            {% if sentiment_intensity %}
            Sentiment: {{ sentiment_intensity }}/5 ({{ sentiment_scale }})
            {% endif %}
            {% if tone %}
            Tone: {{ tone }}
            {% endif %}
            Length: {{ length_constraint }}, about {{ length_target }} words.

            Requirements:
            \(fixed)\(emphasis){% for constraint in constraints %}
            - {{ constraint }}
            {% endfor %}
            {% if examples %}

            Examples of the style wanted; write something new rather than copying them:
            {% for example in examples %}

            Example {{ forloop.counter }}:
            {{ example }}
            {% endfor %}
            {% endif %}
            """)
    }

    /// Built-in bodies are checked by the tests; one that fails to parse is a programming error.
    private func body(_ source: String) -> TemplateBody {
        do {
            return try TemplateBody(source)
        } catch {
            preconditionFailure("built-in \(noun) template: \(error.message)")
        }
    }
}
