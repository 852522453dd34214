/// A template's own aspect terms: an object of category names, each with a list of terms.
extension FieldReader {
    /// At most this many categories, and terms in one category.
    public static let aspectCategoryLimit = 20
    public static let aspectTermLimit = 50
    /// Characters of a category name or a term.
    public static let aspectNameLength = 1...60

    /// Category name → terms, empty when the field is absent or null; nil after a failure.
    ///
    /// Names and terms may hold letters, digits, spaces and hyphens, with at least one letter or digit: the
    /// lexicon matches terms on their words, so anything else could never match. A failure inside is located at
    /// the category (`["body","aspect_terms","dish"]`) and a term's index (`…,"dish","2"]`).
    public mutating func aspectTerms(_ field: String) -> [String: [String]]? {
        guard let value = present(field) else { return [:] }
        guard case .object(let object) = value else {
            fail(field, type: "dict_type", msg: "Input should be a valid dictionary")
            return nil
        }
        let failures = errors.count
        if object.members.count > Self.aspectCategoryLimit {
            fail(
                field, type: "too_long",
                msg: "Dictionary should have at most \(Self.aspectCategoryLimit) items after validation, "
                    + "not \(object.members.count)")
        }
        var terms: [String: [String]] = [:]
        for (category, list) in object.members {
            checkAspectName(category, at: [field, category], what: "category name")
            terms[category] = aspectTermList(list, at: [field, category])
        }
        return errors.count == failures ? terms : nil
    }

    private mutating func aspectTermList(_ value: JSONValue, at path: [String]) -> [String] {
        guard case .array(let items) = value else {
            fail(at: path, type: "list_type", msg: "Input should be a valid list")
            return []
        }
        if items.isEmpty {
            fail(at: path, type: "too_short", msg: "List should have at least 1 item after validation, not 0")
        } else if items.count > Self.aspectTermLimit {
            fail(
                at: path, type: "too_long",
                msg: "List should have at most \(Self.aspectTermLimit) items after validation, not \(items.count)")
        }
        var terms: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let term) = item else {
                fail(at: path + [String(index)], type: "string_type", msg: "Input should be a valid string")
                continue
            }
            checkAspectName(term, at: path + [String(index)], what: "term")
            terms.append(term)
        }
        return terms
    }

    private mutating func checkAspectName(_ text: String, at path: [String], what: String) {
        if let failure = Self.lengthFailure(text, Self.aspectNameLength) {
            fail(at: path, type: failure.type, msg: "\(failure.msg) (\(what))")
            return
        }
        let isWordy = text.contains { $0.isLetter || $0.isNumber }
        guard isWordy && text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }) else {
            fail(
                at: path, type: "string_pattern_mismatch",
                msg: "String should hold only letters, digits, spaces and hyphens, with a letter or digit (\(what))")
            return
        }
    }
}
