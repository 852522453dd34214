extension QualityStats {
    /// `filter_stats` of `/api/quality-stats`, and of a job's result metadata.
    public var json: JSONValue {
        [
            "total_processed": .int(totalProcessed), "passed_filter": .int(passedFilter),
            "failed_length": .int(failedLength), "failed_quality": .int(failedQuality),
            "failed_duplicate": .int(failedDuplicate), "failed_pii": .int(failedPII),
            "pass_rate": .double(passRate), "duplicate_rate": .double(duplicateRate),
            "by_reason": .object(JSONObject(byReason.map { (key: $0.code, value: .int($0.count)) })),
            "mean_scores": .object(JSONObject(meanScores.map { (key: $0.name, value: $0.mean.map(JSONValue.double) ?? .null) })),
        ]
    }
}
