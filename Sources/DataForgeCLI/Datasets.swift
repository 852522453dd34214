import Shared
import ArgumentParser

/// `dataforge datasets`: every dataset with its number of versions and the newest one.
struct Datasets: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the datasets.")

    @Option(help: "Base URL of the API.") var url = "http://127.0.0.1:8080"

    func run() throws {
        let answer = try APICall(baseURL: url).json("GET", "/api/datasets")
        let datasets = answer["datasets"]?.arrayValue ?? answer.arrayValue ?? []
        if datasets.isEmpty { print("no datasets") }
        for dataset in datasets {
            let latest = dataset["latest_version"]?.intValue.map { "latest v\($0)" } ?? "no version"
            let versions = dataset["version_count"]?.intValue ?? 0
            print("\(dataset["name"]?.stringValue ?? "?")\t\(versions) versions\t\(latest)")
        }
    }
}
