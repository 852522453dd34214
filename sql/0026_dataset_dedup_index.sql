-- How far each dataset's de-duplication scope answers for its versions. A commit only enqueues a
-- `dataset_index` job; the consumer brings the scope up to the latest version one page a transaction, under
-- this row's lock, so a killed consumer resumes at the cursor and two jobs of one dataset never interleave.
-- Versions are immutable, hence a table of its own rather than a column of dataset_versions.
CREATE TABLE dataset_dedup_index (
    dataset_id      uuid        PRIMARY KEY REFERENCES datasets (id),
    -- The scope answers for this version (0: none yet).
    indexed_version integer     NOT NULL DEFAULT 0 CHECK (indexed_version >= 0),
    -- The version being brought in, its phase (forgetting the samples its parent dropped, then recording its
    -- own) and the last position of that phase done; all null between versions.
    working_version integer     CHECK (working_version > indexed_version),
    phase           text        CHECK (phase IN ('forget', 'record')),
    after_position  integer     CHECK (after_position >= 0),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((working_version IS NULL) = (phase IS NULL) AND (phase IS NULL) = (after_position IS NULL))
);

-- Versions committed before this migration were recorded in their commit's transaction.
INSERT INTO dataset_dedup_index (dataset_id, indexed_version)
SELECT dataset_id, max(version) FROM dataset_versions GROUP BY dataset_id;

-- The consumers write the cursor; the API reads it and creates a dataset's row at its first commit.
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_dedup_index TO dataforge_consumer;
GRANT SELECT, INSERT, UPDATE ON dataset_dedup_index TO dataforge_api;
REVOKE DELETE ON dataset_dedup_index FROM dataforge_api;
