import Shared
import Testing

/// A template's aspect terms: its lexicon finds and swaps them, and a user template's hash covers them while a
/// built-in's stays what jobs pinned.
@Suite struct PromptTemplateTests {
    static let body = try? TemplateBody("Write one note about {{ product }}.")
    static let dishes: [String: [String]] = ["dish": ["pasta", "risotto", "gnocchi"], "service": ["waiter", "server"]]

    static func userTemplate(_ aspectTerms: [String: [String]]) throws -> PromptTemplate {
        PromptTemplate.user(
            name: "restaurant_reviews", version: "v1", kind: .productReview, description: "",
            body: try #require(body), aspectTerms: aspectTerms)
    }

    @Test func aTemplatesLexiconExtractsAndSwapsItsOwnTerms() throws {
        let lexicon = try Self.userTemplate(Self.dishes).aspectLexicon
        let extraction = AspectExtractor(lexicon: lexicon).extract("The Pasta was cold, but our waiter was lovely.")
        #expect(extraction.distinctTerms == ["pasta", "waiter"])
        #expect(extraction.mentions.first?.category == AspectCategory("dish"))
        let replacer = AspectReplacer(lexicon: lexicon)
        let swapped = try #require(replacer.replacing(extraction.mentions[0], with: "risotto", in: extraction.text))
        #expect(swapped.text == "The Risotto was cold, but our waiter was lovely.")
        #expect(lexicon.alternatives(for: "waiter") == ["server"])
        // Without the template's terms the same text has no aspects.
        #expect(AspectExtractor().extract(extraction.text).mentions.isEmpty)
    }

    @Test func builtInsAddGroupsOfTermsTheStandardLexiconLacks() {
        for template in PromptTemplate.builtIns {
            let lexicon = template.aspectLexicon
            for (category, terms) in template.aspectTerms {
                #expect(terms.count >= 2, "\(template.name) \(category): a group of alternatives")
                for term in terms {
                    #expect(AspectLexicon.standard.entry(for: term) == nil, "\(template.name): \(term) is standard")
                    #expect(lexicon.entry(for: term)?.category == AspectCategory(category), "\(template.name): \(term)")
                    #expect(Set(lexicon.alternatives(for: term)) == Set(terms.filter { $0 != term }))
                }
            }
        }
        #expect(PromptTemplate.builtIns.filter { !$0.aspectTerms.isEmpty }.count >= 3)
    }

    @Test func aSupportRequestsAccountIsAnAspectOfIt() throws {
        let template = try #require(PromptTemplate.builtIn(name: "support_request", version: "v1"))
        let extraction = AspectExtractor(lexicon: template.aspectLexicon).extract("My account settings reset again.")
        #expect(extraction.distinctTerms == ["account", "settings"])
    }

    @Test func aUserTemplatesHashChangesWithItsAspectTerms() throws {
        let body = try #require(Self.body)
        let plain = PromptTemplate.userHash(kind: .productReview, body: body)
        let withTerms = PromptTemplate.userHash(kind: .productReview, body: body, aspectTerms: Self.dishes)
        #expect(withTerms != plain)
        #expect(try Self.userTemplate(Self.dishes).contentHash == withTerms)
        #expect(try Self.userTemplate([:]).contentHash == plain)
        var reordered = Self.dishes
        reordered["dish"] = ["risotto", "pasta", "gnocchi"]
        #expect(PromptTemplate.userHash(kind: .productReview, body: body, aspectTerms: reordered) != withTerms)
        let moved: [String: [String]] = ["dish": ["pasta", "risotto", "gnocchi", "waiter", "server"]]
        #expect(PromptTemplate.userHash(kind: .productReview, body: body, aspectTerms: moved) != withTerms)
    }

    @Test func aBuiltInsHashLeavesItsAspectTermsOut() {
        for template in PromptTemplate.builtIns {
            func copy(_ aspectTerms: [String: [String]], isBuiltIn: Bool) -> PromptTemplate {
                PromptTemplate(
                    name: template.name, version: template.version, kind: template.kind,
                    description: template.description, system: template.system, user: template.user,
                    examples: template.examples, pools: template.pools, aspectTerms: aspectTerms, isBuiltIn: isBuiltIn)
            }
            #expect(copy([:], isBuiltIn: true).contentHash == template.contentHash, "\(template.name)")
            #expect(copy(Self.dishes, isBuiltIn: true).contentHash == template.contentHash, "\(template.name)")
            #expect(copy(Self.dishes, isBuiltIn: false).contentHash != template.contentHash, "\(template.name)")
        }
    }
}
