import Shared
import ArgumentParser
import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `dataforge bench-dedup` (hidden): near-duplicate detection over a planted corpus, through the real
/// `DedupStore` against the database of $DATAFORGE_DATABASE_URL and through fingerprints and bands in memory.
/// Used by `bench/dedup.sh`; prints one `RESULT` line per path.
struct BenchDedup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-dedup", abstract: "Benchmark de-duplication (bench/dedup.sh).", shouldDisplay: false)

    @Option(help: "Number of samples.") var samples = 100_000
    @Option(help: "Seed of the corpus.") var seed: UInt64 = 2026
    @Option(help: "Jaccard threshold.") var threshold = DedupStore.defaultThreshold
    @Option(help: "Samples per store call (DedupStore.maxBatch at most per statement).") var batch = DedupStore.maxBatch
    @Flag(help: "Only the in-memory path (no database).") var memoryOnly = false

    /// What one path decided (sample → the earlier sample it duplicates) and how long each 10,000 took.
    struct Run {
        var matches: [Int: Int] = [:]
        var slices: [(samples: Int, seconds: Double)] = []
        var seconds: Double { slices.reduce(0) { $0 + $1.seconds } }
    }

    func run() throws {
        let corpus = DedupCorpus(count: samples, seed: seed)
        let positives = corpus.plants.filter { $0.exactJaccard >= threshold }.count
        print("corpus: \(samples) samples, \(corpus.plants.count) planted, \(positives) at exact Jaccard ≥ \(threshold)")
        report("memory", corpus, memoryRun(corpus))
        guard !memoryOnly else { return }
        let settings = Settings.loadOrExit(program: "dataforge bench-dedup")
        let connection = try Connection(conninfo: settings.databaseURL, applicationName: "dataforge bench-dedup")
        report("store", corpus, try storeRun(corpus, store: DedupStore(connection)))
    }

    /// Every sample through `checkAndRecord` under one fresh job scope, `batch` samples per call (one
    /// statement, so one committed transaction, per call); fingerprints are computed inside the timing, each
    /// batch's on a second thread while the store checks the one before, as a stage fingerprints an answer's
    /// samples when it arrives: the client's share then overlaps the database's.
    private func storeRun(_ corpus: DedupCorpus, store: DedupStore) throws -> Run {
        let ids = corpus.texts.indices.map { _ in UUID() }
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let scope = DedupScope.job(UUID())
        let texts = corpus.texts, size = batch
        let fingerprinting = DispatchQueue(label: "bench-dedup.fingerprints")
        let fingerprint = { (start: Int) -> FingerprintBatch in
            let ahead = FingerprintBatch()
            fingerprinting.async(group: ahead.done) {
                let range = start..<min(start + size, texts.count)
                ahead.samples.withLock { $0 = range.map { FingerprintedSample(id: ids[$0], text: texts[$0]) } }
            }
            return ahead
        }
        var next = FingerprintBatch()
        return try timedSlices(corpus) { position, _ in
            if position == 0 { next = fingerprint(0) }
            guard (position + 1) % size == 0 || position + 1 == texts.count else { return [] }
            next.done.wait()
            let pending = next.samples.withLock { $0 }
            if position + 1 < texts.count { next = fingerprint(position + 1) }
            let verdicts = try store.checkAndRecord(pending, scope: scope, threshold: threshold)
            let first = position + 1 - pending.count
            return verdicts.enumerated().compactMap { offset, verdict in
                switch verdict {
                case .unique: nil
                case .exactDuplicate(let of), .nearDuplicate(let of, _): index[of].map { (first + offset, $0) }
                }
            }
        }
    }

    /// One batch's fingerprints, computed on another thread: `done` is left when `samples` holds them.
    final class FingerprintBatch: Sendable {
        let done = DispatchGroup()
        let samples = Mutex<[FingerprintedSample]>([])
    }

    /// The same decisions with the index in a dictionary: fingerprints, bands and verification alone.
    private func memoryRun(_ corpus: DedupCorpus) -> Run {
        var hashes: [String: Int] = [:]
        var buckets: [UInt64: [Int]] = [:]
        var shingles: [Int: Shingles] = [:]
        return timedSlices(corpus) { position, text in
            let fingerprint = DedupFingerprint(text: text)
            if let of = hashes[fingerprint.contentHash] { return [(position, of)] }
            // Band keys are distinct per band (the band number is mixed in), so one dictionary serves all.
            var best: (index: Int, jaccard: Double)?
            for key in fingerprint.bandKeys {
                for candidate in buckets[key] ?? [] {
                    let jaccard = shingles[candidate]?.jaccard(fingerprint.shingles) ?? 0
                    if jaccard >= threshold && jaccard > (best?.jaccard ?? 0) { best = (candidate, jaccard) }
                }
            }
            if let best { return [(position, best.index)] }
            hashes[fingerprint.contentHash] = position
            shingles[position] = fingerprint.shingles
            for key in fingerprint.bandKeys { buckets[key, default: []].append(position) }
            return []
        }
    }

    /// Runs `check` on every sample in order (it answers the (sample, match) pairs it decided, possibly for a
    /// batch ending at this sample), timing each slice of 10,000: the first and last slices' rates show
    /// whether a check costs more as the scope grows (a batch size that divides 10,000 keeps slices exact).
    private func timedSlices(_ corpus: DedupCorpus, _ check: (Int, String) throws -> [(Int, Int)]) rethrows -> Run {
        var run = Run()
        var sliceStart = ContinuousClock.now
        var sliceSamples = 0
        for (position, text) in corpus.texts.enumerated() {
            sliceSamples += 1
            for (sample, match) in try check(position, text) { run.matches[sample] = match }
            if (position + 1) % 10_000 == 0 || position + 1 == corpus.texts.count {
                let now = ContinuousClock.now
                let elapsed = now - sliceStart
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                run.slices.append((sliceSamples, seconds))
                sliceStart = now
                sliceSamples = 0
            }
        }
        return run
    }

    private func report(_ path: String, _ corpus: DedupCorpus, _ run: Run) {
        let score = corpus.score(run.matches, threshold: threshold)
        let sliceRate = { (slice: (samples: Int, seconds: Double)?) in
            Int((Double(slice?.samples ?? 0) / max(slice?.seconds ?? 1, 1e-9)).rounded())
        }
        let fields = [
            "samples=\(samples)", "seconds=\(fixed(run.seconds, 2))", "rate=\(Int((Double(samples) / run.seconds).rounded()))",
            "first_rate=\(sliceRate(run.slices.first))", "last_rate=\(sliceRate(run.slices.last))",
            "positives=\(score.positives)", "found=\(run.matches.count)", "recall=\(fixed(score.recall, 4))",
            "precision=\(fixed(score.precision, 4))",
        ]
        print("RESULT dedup \(path)|" + fields.joined(separator: " "))
    }

    /// `value` with `digits` decimals (FoundationEssentials has no `String(format:)`).
    private func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return String(scaled / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
