/// How far a dataset's de-duplication scope answers for its versions (`dataset_dedup_index`).
public struct DedupIndexState: Sendable, Equatable {
    /// Where the version after `indexedVersion` is being brought in.
    public struct Cursor: Sendable, Equatable {
        public enum Phase: String, Sendable {
            /// Removing the samples the parent version held and this one dropped.
            case forget
            /// Recording this version's samples.
            case record
        }

        public var version: Int
        public var phase: Phase
        /// The last position of the phase's version done (0: none).
        public var after: Int

        public init(version: Int, phase: Phase, after: Int) {
            self.version = version
            self.phase = phase
            self.after = after
        }
    }

    /// The scope answers for this version (0: none).
    public var indexedVersion: Int
    /// The dataset's newest version (0: none).
    public var latestVersion: Int
    public var cursor: Cursor?

    public init(indexedVersion: Int, latestVersion: Int, cursor: Cursor? = nil) {
        self.indexedVersion = indexedVersion
        self.latestVersion = latestVersion
        self.cursor = cursor
    }

    /// The scope answers for the latest version.
    public var isCurrent: Bool { indexedVersion >= latestVersion }

    /// As the API shows it (`dedup_index`).
    public var view: JSONObject {
        ["indexed_version": .int(indexedVersion), "latest_version": .int(latestVersion), "current": .bool(isCurrent)]
    }

    init(row: Row) throws(DatabaseError) {
        indexedVersion = try row.decode("indexed_version")
        latestVersion = try row.decode("latest_version")
        if let version: Int = try row.decodeIfPresent("working_version"),
            let phase = Cursor.Phase(rawValue: try row.decode("phase", as: String.self)) {
            cursor = Cursor(version: version, phase: phase, after: try row.decode("after_position"))
        }
    }
}
