import Shared
import ArgumentParser

/// `dataforge commit NAME --job ID…`: commits the next version of a dataset from the samples of some jobs,
/// creating the dataset first when it does not exist.
struct Commit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Commit a dataset version from jobs' samples.")

    @Option(help: "Base URL of the API.") var url = "http://127.0.0.1:8080"
    @Argument(help: "Dataset name (letters, digits, '.', '_', '-').") var name: String
    @Option(name: .customLong("job"), help: "A job whose samples go in; repeat for several.") var jobs: [String] = []
    @Option(help: "Keep only samples whose overall quality is at least this, 0 to 1.") var minQuality: Double?
    @Option(help: "A note stored with the version.") var note: String?

    /// A big version's commit may run up to its statement timeout (300 s, `DatasetSQL.allowLongCommit`); nginx
    /// waits as long for it. The de-duplication index is built afterwards, on a consumer.
    static let commitTimeoutSeconds = 320.0

    func validate() throws {
        guard !jobs.isEmpty else { throw ValidationError("give at least one --job") }
        guard Dataset.isValidName(name) else { throw ValidationError("invalid dataset name \(name)") }
    }

    func run() throws {
        let api = APICall(baseURL: url)
        // 409 means it exists already: committing to it is what was asked.
        _ = try api.json("POST", "/api/datasets", body: ["name": .string(name)], accepted: [200, 201, 409])
        var body: JSONObject = ["job_ids": .array(jobs.map(JSONValue.string))]
        if let minQuality { body["filter"] = ["min_quality": .double(minQuality)] }
        body["note"] = note.map(JSONValue.string)
        let version = try api.json(
            "POST", "/api/datasets/\(name)/versions", body: .object(body), accepted: [200, 201],
            timeoutSeconds: Self.commitTimeoutSeconds)
        let number = version["version"]?.intValue ?? 0
        print("\(name)@\(number): \(version["sample_count"]?.intValue ?? 0) samples, sha256 "
            + (version["content_sha256"]?.stringValue ?? "?"))
    }
}
