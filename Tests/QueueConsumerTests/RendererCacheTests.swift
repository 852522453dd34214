@testable import QueueConsumer
import Shared
import Testing

@Suite struct RendererCacheTests {
    @Test func oneRendererPerTemplateContentAndTheSamePrompts() throws {
        let cache = RendererCache()
        let review = try #require(PromptTemplate.builtIn(name: "product_review", version: "v1"))
        let support = try #require(PromptTemplate.builtIn(name: "support_request", version: "v1"))
        let first = try cache.renderer(for: review)
        _ = try cache.renderer(for: review)
        #expect(cache.count == 1, "the same content is checked and parsed once")
        _ = try cache.renderer(for: support)
        #expect(cache.count == 2)
        let controls = PromptControls(product: "Kettle", sentimentIntensity: 4)
        #expect(try cache.renderer(for: review).prompt(controls, index: 3, seed: 9)
            == PromptRenderer(review).prompt(controls, index: 3, seed: 9))
        #expect(first.template.contentHash == review.contentHash)
    }

    @Test func pastItsCapacityTheCacheStartsOver() throws {
        let cache = RendererCache()
        let kinds = SampleKind.allCases
        for index in 0..<RendererCache.capacity {
            let template = PromptTemplate.user(
                name: "custom_\(index)", version: "v1", kind: kinds[index % kinds.count], description: "",
                body: try TemplateBody("Write about \"{{ product }}\" number \(index)."))
            _ = try cache.renderer(for: template)
        }
        #expect(cache.count == RendererCache.capacity)
        _ = try cache.renderer(for: try #require(PromptTemplate.builtIn(name: "product_review", version: "v1")))
        #expect(cache.count == 1)
    }
}
