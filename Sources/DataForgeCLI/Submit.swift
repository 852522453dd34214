import Shared
import ArgumentParser

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#endif

/// `dataforge submit`: posts a generation job, shows its progress, and saves its samples as JSONL.
struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Submit a generation job and wait for its samples.")

    @Option(help: "Base URL of the API.") var url = "http://127.0.0.1:8080"
    @Option(help: "Product the samples are about.") var product: String
    @Option(help: "Number of samples.") var count = 5
    @Option(help: "Template: support_request, product_review, feature_request, chatbot_conversation.")
    var template = "support_request"
    @Option(help: "Sampling temperature, 0 to 2.") var temperature = 0.7
    @Option(help: "A configured provider (offline, openai, anthropic, openai-compatible); default: the service's.")
    var provider: String?
    @Option(help: "The provider's model; default: the provider's.") var model: String?
    @Option(help: "Seed for reproducible samples (identical re-runs are answered from the response cache).")
    var seed: Int?
    @Option(help: "Stop before the job's provider calls cost more than this many USD.") var maxCost: Double?
    @Option(help: "Augment the kept samples with these strategies, comma-separated (CDA, ADA, CADA).")
    var augment: String?
    @Option(help: "Share of the kept samples augmented, 0 to 1 (with --augment).") var augmentRatio = 0.5
    @Option(help: "Write the samples to this file as JSON lines.") var out: String?
    @Option(help: "Give up after this many seconds.") var timeout = 600
    @Option(help: "How many samples to print.") var show = 3

    func run() throws {
        let client = APICall(baseURL: url)
        var body: JSONObject = [
            "product": .string(product), "count": .int(count), "template": .string(template),
            "temperature": .double(temperature),
        ]
        body["provider"] = provider.map(JSONValue.string)
        body["model"] = model.map(JSONValue.string)
        body["seed"] = seed.map(JSONValue.int)
        body["max_cost_usd"] = maxCost.map(JSONValue.double)
        let path = augment.map { strategies in
            "/api/generate-augmented?augmentation_strategies=\(strategies)&augment_ratio=\(augmentRatio)"
        } ?? "/api/generate"
        let created = try client.json("POST", path, body: .object(body))
        guard let jobID = created["job_id"]?.stringValue else { throw ValidationError("unexpected answer: \(created.jsonText)") }
        print("job \(jobID) submitted")
        let job = try wait(for: jobID, client: client)
        print("")
        guard job["status"]?.stringValue == "completed", let samples = job["result"]?["samples"]?.arrayValue else {
            throw ValidationError("job ended \(job["status"]?.stringValue ?? "?"): \(job["error_message"]?.stringValue ?? "")")
        }
        let variants = samples.filter { $0["metadata"]?["augmentation_strategy"] != nil }.count
        print("\(samples.count) samples generated" + (variants > 0 ? " (\(variants) of them augmented variants)" : ""))
        for sample in samples.prefix(show) {
            print("\n— \(sample["text"]?.stringValue ?? "")")
        }
        if let out {
            let lines = samples.map(\.jsonText).joined(separator: "\n") + "\n"
            try Data(lines.utf8).write(to: URL(fileURLWithPath: out))
            print("\nwrote \(samples.count) samples to \(out)")
        }
    }

    private func wait(for jobID: String, client: APICall) throws -> JSONValue {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while ContinuousClock.now < deadline {
            let job = try client.json("GET", "/api/result/\(jobID)")
            let status = job["status"]?.stringValue ?? "?"
            ProgressBar.draw(percent: job["progress"]?.intValue ?? 0, status: status)
            if ["completed", "error", "cancelled"].contains(status) { return job }
            usleep(200_000)
        }
        throw ValidationError("the job did not finish within \(timeout) s")
    }
}
