import Shared

/// `POST /api/datasets` `{name, description?}`: creates an empty dataset, 201; a taken name is a 409.
struct PostDataset: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let object = try GenerationRequest.jsonObject(body: request.body)
        var reader = FieldReader(source: .body, fields: object)
        let name = reader.string("name", default: nil, length: 1...100)
        let description = reader.string("description", default: "", length: 0...1000)
        if let name, !Dataset.isValidName(name) {
            reader.fail(
                "name", type: "string_pattern_mismatch",
                msg: "String should match pattern '^[A-Za-z0-9._-]{1,100}$'")
        }
        guard reader.errors.isEmpty, let name, let description else { throw APIError.validation(reader.errors) }
        let store = DatasetStore(try context.connection(), visibleTo: context.visibleOwner)
        guard
            let dataset = try store.create(
                name: name, description: description, createdBy: context.actor, ownerKeyID: context.caller?.id)
        else {
            throw APIError.conflict("Dataset \(name) already exists")
        }
        return .json(.object(DatasetView.dataset(dataset)), status: 201)
    }
}
