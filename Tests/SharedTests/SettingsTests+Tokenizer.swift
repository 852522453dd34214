import Shared
import Testing

extension SettingsTests {
    @Test func tokenizerDirectoryDefaultsToTokenizersInTheHome() throws {
        #expect(try Settings(environment: ["DATAFORGE_HOME": "/srv/dataforge"]).tokenizerDirectory
            == "/srv/dataforge/tokenizers")
    }

    @Test func tokenizerDirectoryIsReadFromTheEnvironment() throws {
        let environment = ["DATAFORGE_TOKENIZER_DIR": "/opt/ranks", "DATAFORGE_HOME": "/srv/dataforge"]
        #expect(try Settings(environment: environment).tokenizerDirectory == "/opt/ranks")
    }

    @Test func tokenizerDirectoryIsUnsetWithoutAHome() throws {
        #expect(try Settings(environment: [:]).tokenizerDirectory == nil)
    }
}
