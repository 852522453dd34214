/// What a vendor's answer said, before it becomes a `Completion`: one text per choice, and the usage it reported.
struct VendorAnswer {
    var texts: [String] = []
    var inputTokens: Int?
    var outputTokens: Int?
    var model: String?

    /// The completion in a vendor's response to `request`: a failure status classified, a success read as an event
    /// stream or as one document, as its content type says (a server may answer whole although asked to stream).
    static func read(
        _ response: HTTPResponse, for request: CompletionRequest,
        whole: ([UInt8]) -> Result<VendorAnswer, ProviderError>,
        streamed: (_ body: [UInt8], _ model: String) -> Result<VendorAnswer, ProviderError>
    ) -> Result<Completion, ProviderError> {
        if let error = ProviderErrors.classify(
            status: response.status, headers: response.headers, body: response.body, model: request.model)
        {
            return .failure(error)
        }
        let answer = response.isEventStream ? streamed(response.body, request.model) : whole(response.body)
        return answer.flatMap { $0.completion(for: request) }
    }

    /// The completion for `request`, with usage the vendor did not report estimated.
    ///
    /// When the request has a schema, each text becomes its JSON object, compactly written; texts without one
    /// are dropped, and an answer left with none is malformed (a retry usually gets a well-formed one).
    func completion(for request: CompletionRequest) -> Result<Completion, ProviderError> {
        let texts = request.responseSchema == nil ? self.texts : self.texts.compactMap(StructuredAnswer.extractObject)
        guard !texts.isEmpty else { return .failure(ProviderErrors.malformedResponse) }
        return .success(
            Completion(
                texts: texts,
                inputTokens: inputTokens ?? TokenEstimator.estimate(request.messages),
                outputTokens: outputTokens ?? self.texts.reduce(0) { $0 + TokenEstimator.estimate($1) },
                model: model ?? request.model))
    }
}
