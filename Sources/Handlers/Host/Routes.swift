import Shared

/// The API: every method, path and handler, in one table.
enum Routes {
    static let all: [Router.Route] = [
        .init("GET", "/", GetRoot(), access: .open),
        .init("GET", "/health", GetLiveness(), access: .open),
        .init("GET", "/api/health", GetHealth(), access: .open),
        .init("POST", "/api/generate", PostGenerate()),
        .init("POST", "/api/generate-enhanced", PostGenerateEnhanced()),
        .init("POST", "/api/generate-augmented", PostGenerateAugmented()),
        .init("GET", "/api/result/{job_id}", GetResult()),
        .init("DELETE", "/api/job/{job_id}", DeleteJob()),
        .init("POST", "/api/validate", PostValidate()),
        .init("POST", "/api/test-llm", PostTestLLM()),
        .init("GET", "/api/config", GetConfig()),
        .init("GET", "/api/augmentation/strategies", GetAugmentationStrategies()),
        .init("GET", "/api/rate-limit-status", GetRateLimitStatus()),
        .init("GET", "/api/jobs", ListJobs()),
        .init("GET", "/api/jobs/{job_id}/samples", ListJobSamples()),
        .init("GET", "/api/quality-stats", GetQualityStats()),
        .init("POST", "/api/templates", PostTemplate()),
        .init("GET", "/api/templates", ListTemplates()),
        .init("GET", "/api/templates/{name}/versions/{version}", GetTemplateVersion()),
        .init("POST", "/api/datasets", PostDataset()),
        .init("GET", "/api/datasets", ListDatasets()),
        .init("GET", "/api/datasets/{name}", GetDataset()),
        .init("POST", "/api/datasets/{name}/versions", PostDatasetVersion()),
        .init("GET", "/api/datasets/{name}/versions", ListDatasetVersions()),
        .init("GET", "/api/datasets/{name}/versions/{version}", GetDatasetVersion()),
        .init("GET", "/api/datasets/{name}/diff", GetDatasetDiff()),
        .init("GET", "/api/datasets/{name}/versions/{version}/export", GetDatasetExport()),
        .init("GET", "/api/datasets/{name}/versions/{version}/card", GetDatasetCard()),
        .init("GET", "/api/audit", ListAudit()),
        .init("GET", "/api/audit/verify", GetAuditVerify()),
        .init("GET", "/api/jobs/{job_id}/review", GetJobReview()),
    ]

    static let router = Router(routes: all)
}
