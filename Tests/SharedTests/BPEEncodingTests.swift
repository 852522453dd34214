import Shared
import Testing

@Suite struct BPEEncodingTests {
    @Test(arguments: [
        ("gpt-4o", BPEEncoding.o200kBase), ("gpt-4o-mini", .o200kBase), ("gpt-4o-2024-08-06", .o200kBase),
        ("gpt-4.1", .o200kBase), ("gpt-4.1-nano", .o200kBase), ("gpt-5", .o200kBase), ("gpt-5-mini", .o200kBase),
        ("o1", .o200kBase), ("o3-mini", .o200kBase), ("o4-mini", .o200kBase), ("ft:gpt-4o-mini:acme::abc", .o200kBase),
        ("gpt-4", .cl100kBase), ("gpt-4-turbo", .cl100kBase), ("gpt-4-0613", .cl100kBase),
        ("gpt-3.5-turbo", .cl100kBase), ("ft:gpt-3.5-turbo:acme::abc", .cl100kBase),
    ])
    func openAIModelsHaveTheirEncoding(model: String, encoding: BPEEncoding) {
        #expect(BPEEncoding.forModel(model) == encoding)
    }

    @Test(arguments: ["offline-v1", "claude-sonnet-4-5", "llama3", "", "text-davinci-003", "GPT-4O"])
    func otherModelsHaveNone(model: String) {
        #expect(BPEEncoding.forModel(model) == nil)
    }

    @Test func rankFilesAreNamedAfterTheEncoding() {
        #expect(BPEEncoding.o200kBase.fileName == "o200k_base.tiktoken")
        #expect(BPEEncoding.cl100kBase.name == "cl100k_base")
    }
}
