import Shared
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// `dataforge export NAME@VERSION --format jsonl|csv --out FILE`: downloads a version as it is streamed,
/// written to the file chunk by chunk, with a progress bar of the records received against its sample count.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export a dataset version to a JSONL or CSV file.")

    @Option(help: "Base URL of the API.") var url = "http://127.0.0.1:8080"
    @Argument(help: "NAME@VERSION, e.g. reviews@3.") var version: String
    @Option(help: "jsonl or csv.") var format = "jsonl"
    @Option(help: "The file to write.") var out: String
    @Option(help: "Give up after this many seconds.") var timeout = 3600

    func validate() throws {
        guard ["jsonl", "csv"].contains(format) else { throw ValidationError("--format is jsonl or csv") }
        guard nameAndNumber != nil else { throw ValidationError("give the version as NAME@VERSION") }
    }

    private var nameAndNumber: (name: String, number: Int)? {
        guard let at = version.lastIndex(of: "@"), let number = Int(version[version.index(after: at)...]),
            number >= 1
        else { return nil }
        let name = String(version[..<at])
        return Dataset.isValidName(name) ? (name, number) : nil
    }

    func run() throws {
        guard let (name, number) = nameAndNumber else { return }
        let path = "/api/datasets/\(name)/versions/\(number)"
        let expected = try APICall(baseURL: url).json("GET", path)["sample_count"]?.intValue ?? 0
        guard let file = fopen(out, "wb") else { throw ValidationError("cannot write \(out)") }
        defer { fclose(file) }
        // CSV's header is a record too; a sample's newlines inside quotes are not.
        var counter = RecordCounter(quoted: format == "csv")
        var lastPercent = -1
        let response = try HTTPClient().send(
            HTTPRequest(method: "GET", url: url + path + "/export?format=\(format)", timeoutSeconds: Double(timeout))
        ) { chunk in
            guard fwrite(chunk, 1, chunk.count, file) == chunk.count else { return false }
            counter.add(chunk)
            let received = max(0, counter.records - (format == "csv" ? 1 : 0))
            let percent = expected > 0 ? min(100, received * 100 / expected) : 100
            if percent != lastPercent {
                lastPercent = percent
                ProgressBar.draw(percent: percent, status: "\(received)/\(expected) samples")
            }
            return true
        }
        print("")
        guard response.status == 200 else {
            throw ValidationError("HTTP \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        let received = max(0, counter.records - (format == "csv" ? 1 : 0))
        guard received == expected else {
            throw ValidationError("the export was cut short: \(received) of \(expected) samples in \(out)")
        }
        print("wrote \(received) samples to \(out)")
    }
}
