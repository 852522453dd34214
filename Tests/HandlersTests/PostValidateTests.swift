#if canImport(Glibc)
import Glibc
#endif
@testable import Handlers
import Logging
import Shared
import Testing

@Suite struct PostValidateTests {
    /// Where `make test` installs the rank files (the configured folder, else the repository's
    /// `.dataforge/tokenizers`), when they are there.
    private static let rankFiles: String? = {
        var repository = #filePath
        for _ in 0..<3 { repository = String(repository[..<(repository.lastIndex(of: "/") ?? repository.startIndex)]) }
        let configured = (try? Settings(environment: currentEnvironment()))?.tokenizerDirectory
        let directory = configured ?? repository + "/.dataforge/tokenizers"
        return access(directory + "/o200k_base.tiktoken", R_OK) == 0 ? directory : nil
    }()

    /// The `estimated_tokens` object of the answer to a valid request for 8 samples, and the input tokens
    /// of those 8 prompts as `TokenCounter` counts them one by one.
    private static func estimatedTokens(_ environment: [String: String]) throws -> (answer: JSONValue, prompts: Int) {
        let settings = try Settings(environment: environment)
        let body = Array(#"{"product":"Wireless Earbuds","count":8}"#.utf8)
        let request = Request(
            method: "POST", path: "/api/validate", queryString: "", parameters: [:], body: body, requestID: "test")
        let context = HandlerContext(
            requestID: "test", logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, settings: settings,
            database: DatabaseSession(settings: settings))
        let response = try PostValidate().handle(request, context: context)
        let answer = try #require(try JSONValue(parsing: response.body)["validation"]?["estimated_tokens"])
        let generation = try GenerationRequest.validated(body: body, maxCount: 50)
        let template = try #require(PromptTemplate.builtIn(name: generation.templateName, version: generation.version))
        let counter = TokenCounter(settings: settings)
        let prompts = (0..<8).reduce(0) {
            $0 + counter.count(messages: template.messages(for: generation, index: $1), model: settings.model).tokens
        }
        return (answer, prompts)
    }

    @Test func aModelWithoutATokenizerIsEstimatedApproximately() throws {
        let estimate = try Self.estimatedTokens(["DATAFORGE_TOKENIZER_DIR": Self.rankFiles ?? "/nonexistent"])
        #expect(estimate.answer["method"] == "approximate")
        #expect(estimate.answer["input"]?.intValue == estimate.prompts)
    }

    @Test(.enabled(if: rankFiles != nil)) func anOpenAIModelIsEstimatedWithItsTokenizer() throws {
        let environment = ["DATAFORGE_MODEL": "gpt-4o", "DATAFORGE_TOKENIZER_DIR": try #require(Self.rankFiles)]
        let estimate = try Self.estimatedTokens(environment)
        #expect(estimate.answer["method"] == "bpe:o200k_base")
        #expect(estimate.answer["input"]?.intValue == estimate.prompts)
        #expect(estimate.answer["output"]?.intValue == TokenEstimator.expectedSampleTokens * 8)
    }

    @Test func withoutRankFilesAnOpenAIModelIsEstimatedApproximately() throws {
        let environment = ["DATAFORGE_MODEL": "gpt-4o", "DATAFORGE_TOKENIZER_DIR": "/nonexistent"]
        let estimate = try Self.estimatedTokens(environment)
        #expect(estimate.answer["method"] == "approximate")
    }
}
