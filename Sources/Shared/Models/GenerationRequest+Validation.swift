extension GenerationRequest {
    /// Validates a generation body: every failing field is reported at once, as a 422.
    ///
    /// Unknown fields are ignored. A body that is not JSON, not an object or empty is a 422 on `["body"]`.
    /// `provider` and `model` resolve against `catalog` (defaults filled in), and the result always names both.
    public static func validated(body: [UInt8], maxCount: Int, catalog: ModelCatalog = .offline) throws(APIError)
        -> GenerationRequest
    {
        let object = try jsonObject(body: body)
        var reader = FieldReader(source: .body, fields: object)
        let rawProduct = reader.string("product", default: nil, length: 2...200, sanitisedLater: true)
        let count = reader.int("count", default: 5, in: 1...maxCount)
        let version = reader.string("version", default: "v1", length: 1...20)
        let temperature = reader.double("temperature", default: 0.7, in: 0...2)
        let templateName = reader.string("template", default: SampleKind.supportRequest.rawValue, length: 1...64)
        reader.allowAbsent("seed", "max_cost_usd")
        let choice = reader.modelChoice(catalog)
        let seed = reader.int("seed", default: nil, in: 0...Int(Int32.max))
        let maxCost = reader.double("max_cost_usd", default: nil, in: 0...1_000_000)
        let controls = readBodyControls(&reader)
        var product: String?
        if let rawProduct {
            product = ProductName.sanitise(rawProduct)
            if product == nil {
                reader.fail(
                    "product", type: "value_error",
                    msg: "Value error, Product name must contain at least 2 letters, digits or allowed punctuation")
            }
        }
        // Whether the template and version exist is a 400 from the handler, which sees user templates too; a
        // built-in name already gives the kind, a user template's kind comes with its resolution.
        guard reader.errors.isEmpty, let product, let count, let version, let temperature, let templateName,
            let choice
        else {
            throw .validation(reader.errors)
        }
        let builtInKind = SampleKind(name: templateName)
        var request = GenerationRequest(
            product: product, count: count, version: version, temperature: temperature,
            templateName: builtInKind?.rawValue ?? templateName, kind: builtInKind ?? .supportRequest,
            provider: choice.provider, model: choice.model, seed: seed, maxCostUSD: maxCost)
        request.apply(controls)
        return request
    }

    /// Parses the body as a JSON object, or throws the 422 the earlier service gave; an empty body is an
    /// empty object when `emptyIsAllowed` (every field of the endpoint is optional).
    public static func jsonObject(body: [UInt8], emptyIsAllowed: Bool = false) throws(APIError) -> JSONObject {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            if emptyIsAllowed { return [:] }
            throw .validation([FieldError(type: "missing", loc: ["body"], msg: "Field required")])
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            throw .validation([FieldError(type: "json_invalid", loc: ["body"], msg: "JSON decode error")])
        }
        guard case .object(let object) = value else {
            throw .validation([
                FieldError(
                    type: "model_attributes_type", loc: ["body"],
                    msg: "Input should be a valid dictionary or object to extract fields from")
            ])
        }
        return object
    }
}
