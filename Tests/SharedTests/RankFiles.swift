#if canImport(Glibc)
import Glibc
#endif
import Shared

/// The installed rank files, looked for where `scripts/install-deps.sh` puts them: the configured folder
/// (`Settings.tokenizerDirectory`), else `.dataforge/tokenizers` in this repository (`make test`'s case).
enum RankFiles {
    /// That folder when it holds both files, or nil: tests that need them are then skipped.
    static let directory: String? = {
        var repository = #filePath
        for _ in 0..<3 { repository = String(repository[..<(repository.lastIndex(of: "/") ?? repository.startIndex)]) }
        let configured = (try? Settings(environment: currentEnvironment()))?.tokenizerDirectory
        let directory = configured ?? repository + "/.dataforge/tokenizers"
        let isComplete = BPEEncoding.allCases.allSatisfy { access(directory + "/" + $0.fileName, R_OK) == 0 }
        return isComplete ? directory : nil
    }()

    static var areInstalled: Bool { directory != nil }
}
