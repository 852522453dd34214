extension ResponseSchema {
    /// `{"<name>":[{…}]}`: an object holding one array, under the schema's own name, of objects with `properties`
    /// (name and JSON type), in the strict form OpenAI enforces: every property required, no others.
    static func itemList(named name: String, properties: [(name: String, type: String)]) -> ResponseSchema {
        let item: JSONValue = [
            "type": "object",
            "properties": .object(JSONObject(properties.map { ($0.name, ["type": .string($0.type)]) })),
            "required": .array(properties.map { .string($0.name) }), "additionalProperties": false,
        ]
        return ResponseSchema(
            name: name,
            schema: [
                "type": "object", "properties": [name: ["type": "array", "items": item]], "required": [.string(name)],
                "additionalProperties": false,
            ])
    }
}
