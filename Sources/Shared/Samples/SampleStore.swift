#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Samples on one connection.
public struct SampleStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Stores samples, in one statement, whose jobs `owner` still holds; returns how many were written (a
    /// sample is not when its lease is lost or an earlier run already stored it).
    @discardableResult
    public func insertIfOwned(_ samples: [Sample], owner: String) throws(DatabaseError) -> Int {
        guard !samples.isEmpty else { return 0 }
        let rows = JSONValue.array(samples.map { sample in
            [
                "job_id": .string(sample.jobID.sqlText), "idx": .int(sample.index), "id": .string(sample.id.sqlText),
                "kind": .string(sample.kind.rawValue), "product": .string(sample.product),
                "template": .string(sample.template), "template_version": .string(sample.templateVersion),
                "prompt_version": .string(sample.promptVersion), "temperature": .double(sample.temperature),
                "text": .string(sample.text), "tokens_estimated": .int(sample.tokensEstimated),
                "provider": .string(sample.provider), "model": .string(sample.model), "quality": sample.quality,
                "kept": .bool(sample.kept), "filter_reason": sample.filterReason.map(JSONValue.string) ?? .null,
                "lineage": sample.lineage ?? .null, "content_hash": sample.contentHash.map(JSONValue.string) ?? .null,
                "metadata": sample.metadata,
            ]
        })
        return try connection.execute(SampleSQL.insertManyIfOwned, [rows, owner]).affectedRows
    }

    /// The indices already stored for a job, and which of them were kept.
    public func indices(of jobID: UUID) throws(DatabaseError) -> (stored: Set<Int>, kept: Set<Int>) {
        var stored: Set<Int> = []
        var kept: Set<Int> = []
        for row in try connection.execute(SampleSQL.indicesByJob, [jobID]) {
            let index: Int = try row.decode("idx")
            stored.insert(index)
            if try row.decode("kept", as: Bool.self) { kept.insert(index) }
        }
        return (stored, kept)
    }

    /// A job's samples in index order; `kept` nil lists all.
    public func list(jobID: UUID, kept: Bool?, limit: Int, offset: Int) throws(DatabaseError) -> [Sample] {
        var samples: [Sample] = []
        for row in try connection.execute(SampleSQL.listByJob, [jobID, kept, limit, offset]) {
            samples.append(try Sample(jobID: jobID, row: row))
        }
        return samples
    }

    /// Count and estimated tokens of a job's kept samples, and how many of them are originals (not variants).
    public func totals(jobID: UUID) throws(DatabaseError) -> (samples: Int, originals: Int, tokens: Int) {
        guard let row = try connection.execute(SampleSQL.totalsByJob, [jobID]).first else { return (0, 0, 0) }
        return (try row.decode("samples"), try row.decode("originals"), try row.decode("tokens"))
    }

    /// A job's kept originals by index, with their stored texts.
    public func keptOriginals(of jobID: UUID) throws(DatabaseError) -> [(index: Int, text: String)] {
        try connection.execute(SampleSQL.keptOriginalsByJob, [jobID]).map { row throws(DatabaseError) in
            (try row.decode("idx"), try row.decode("text"))
        }
    }

    /// A job's augmented variants: per strategy, how many were kept and how many rejected with each reason.
    public func augmentationOutcomes(of jobID: UUID) throws(DatabaseError) -> [AugmentationOutcome] {
        var outcomes: [AugmentationStrategy: AugmentationOutcome] = [:]
        for row in try connection.execute(SampleSQL.augmentationOutcomesByJob, [jobID]) {
            guard let strategy = AugmentationStrategy(rawValue: try row.decode("strategy")) else { continue }
            let count: Int = try row.decode("samples")
            var outcome = outcomes[strategy] ?? AugmentationOutcome(strategy: strategy)
            if try row.decode("kept", as: Bool.self) {
                outcome.kept += count
            } else {
                outcome.rejected += count
                let reasons: String = try row.decode("reasons")
                for code in reasons.split(separator: ",") { outcome.reasons[String(code), default: 0] += count }
            }
            outcomes[strategy] = outcome
        }
        return AugmentationStrategy.allCases.compactMap { outcomes[$0] }
    }
}
