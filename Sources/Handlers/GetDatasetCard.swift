import Shared

/// `GET /api/datasets/{name}/versions/{version}/card`: the version's dataset card as Markdown with the YAML
/// front matter the Hugging Face hub reads; 404 if unknown.
struct GetDatasetCard: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let (store, dataset, version) = try DatasetView.pathVersion(request, context: context)
        let card = DatasetCard(
            dataset: dataset, version: version, statistics: try store.statistics(of: version),
            facts: try store.cardFacts(of: version))
        return Response(
            status: 200, headers: [("Content-Type", "text/markdown; charset=utf-8")], body: Array(card.markdown.utf8))
    }
}
