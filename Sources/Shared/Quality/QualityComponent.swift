/// One of the measures a sample's quality score is the weighted mean of.
///
/// The raw value is the name stored with a sample and used in `DATAFORGE_…` and API field names.
public enum QualityComponent: String, Sendable, Codable, CaseIterable {
    /// Word count against the kind's `LengthBands`.
    case length
    /// Sentences capitalised and punctuated, no stuttered words or stretched characters.
    case grammar
    /// Moving-average type-token ratio: how varied the vocabulary is, independent of length.
    case lexicalDiversity = "lexical_diversity"
    /// The product named, and words a text of its kind uses.
    case relevance
    /// How far the sample is from the others (from the de-duplication index; 1 when unknown).
    case uniqueness
    /// A local heuristic on sentence structure; an LLM judge may replace it where configured.
    case coherence
}
