extension GenerationRequest {
    /// Validates an enhanced generation: the body as `validated` does, and the controls of the query
    /// (`sentiment_intensity`, `tone`, `enable_few_shot`, `enable_quality_filter`, `min_quality_score`).
    ///
    /// Body and query failures are reported together, body first. The quality filter is on unless the
    /// query turns it off.
    public static func validatedEnhanced(
        body: [UInt8], query: JSONObject, maxCount: Int, catalog: ModelCatalog = .offline
    ) throws(APIError) -> GenerationRequest {
        var reader = FieldReader(source: .query, fields: query)
        reader.allowAbsent("sentiment_intensity", "tone")
        let sentiment = reader.int("sentiment_intensity", default: nil, in: 1...5)
        let tone = readTone(&reader)
        let fewShot = reader.bool("enable_few_shot", default: true)
        let qualityFilter = reader.bool("enable_quality_filter", default: true)
        let minScore = reader.double("min_quality_score", default: defaultMinQualityScore, in: 0...1)
        var request: GenerationRequest
        do {
            request = try validated(body: body, maxCount: maxCount, catalog: catalog)
        } catch {
            guard case .validation(let bodyErrors) = error else { throw error }
            throw .validation(bodyErrors + reader.errors)
        }
        guard reader.errors.isEmpty, let fewShot, let qualityFilter, let minScore else {
            throw .validation(reader.errors)
        }
        request.sentimentIntensity = sentiment
        request.tone = tone
        request.fewShot = fewShot
        request.qualityFilter = qualityFilter
        request.minQualityScore = minScore
        return request
    }

    /// The sanitised `tone`: 1 to `ToneName.maxLength` characters once sanitised.
    private static func readTone(_ reader: inout FieldReader) -> String? {
        guard let raw = reader.string("tone", default: nil, length: 1...200, sanitisedLater: true) else { return nil }
        guard let tone = ToneName.sanitise(raw) else {
            reader.fail("tone", type: "value_error", msg: "Value error, Tone must contain a letter or a digit")
            return nil
        }
        guard tone.unicodeScalars.count <= ToneName.maxLength else {
            reader.fail("tone", type: "string_too_long", msg: "String should have at most \(ToneName.maxLength) characters")
            return nil
        }
        return tone
    }
}
