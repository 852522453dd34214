/// Every statement on datasets and their versions. Versions and their sample lists are insert-only: the
/// tables' triggers refuse any change once committed.
enum DatasetSQL {
    /// A version of a million samples takes longer to select, hash and record than a request's statement timeout
    /// allows; the commit's own transaction may take this long instead.
    static let allowLongCommit = Statement("DatasetSQL.allowLongCommit", "SET LOCAL statement_timeout = '300s'")

    /// Creates a dataset owned by key $4 (NULL: none); no row back when the name is taken (the unique index on
    /// `name` decides).
    static let insertIfNameFree = Statement(
        "DatasetSQL.insertIfNameFree",
        """
        INSERT INTO datasets (id, name, description, created_by, owner_key_id)
        VALUES (gen_random_uuid(), $1, $2, $3, $4)
        ON CONFLICT (name) DO NOTHING
        RETURNING id, name, description, created_at, created_by, 0 AS version_count, NULL::integer AS latest_version
        """)

    /// Every dataset by name, of owner $1 when given, with its number of versions and the newest one (through
    /// the versions' unique (dataset_id, version) index).
    static let listAll = Statement(
        "DatasetSQL.listAll",
        """
        SELECT d.id, d.name, d.description, d.created_at, d.created_by,
               (SELECT count(*) FROM dataset_versions v WHERE v.dataset_id = d.id) AS version_count,
               (SELECT max(version) FROM dataset_versions v WHERE v.dataset_id = d.id) AS latest_version
        FROM datasets d WHERE $1::text IS NULL OR d.owner_key_id = $1 ORDER BY d.name
        """)

    /// One dataset by its unique name, of owner $2 when given.
    static let findByName = Statement(
        "DatasetSQL.findByName",
        """
        SELECT d.id, d.name, d.description, d.created_at, d.created_by,
               (SELECT count(*) FROM dataset_versions v WHERE v.dataset_id = d.id) AS version_count,
               (SELECT max(version) FROM dataset_versions v WHERE v.dataset_id = d.id) AS latest_version
        FROM datasets d WHERE d.name = $1 AND ($2::text IS NULL OR d.owner_key_id = $2)
        """)

    /// The name of the dataset with id $1 (the primary key), of owner $2 when given.
    static let nameByID = Statement(
        "DatasetSQL.nameByID",
        "SELECT name FROM datasets WHERE id = $1 AND ($2::text IS NULL OR owner_key_id = $2)")

    /// Locks a dataset's row (of owner $2 when given) until commit, so two commits to one dataset number their
    /// versions one after the other.
    static let lockByName = Statement(
        "DatasetSQL.lockByName",
        "SELECT id FROM datasets WHERE name = $1 AND ($2::text IS NULL OR owner_key_id = $2) FOR UPDATE")

    /// The ids of `$1` that name no job, live or finished, of owner $2 when given, in the order given.
    static let unknownJobIDs = Statement(
        "DatasetSQL.unknownJobIDs",
        """
        SELECT j.id FROM unnest($1::uuid[]) WITH ORDINALITY AS j (id, ord)
        WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = j.id AND ($2::text IS NULL OR jobs.owner_key_id = $2))
          AND NOT EXISTS (SELECT 1 FROM job_history h WHERE h.id = j.id AND ($2::text IS NULL OR h.owner_key_id = $2))
        ORDER BY j.ord
        """)

    /// Commits the next version of dataset $1 in one statement: the samples matching the jobs ($2, NULL for any)
    /// and filter ($3…$10) in (job_id, idx) order, numbered from 1, of jobs of owner $14 when given; their count;
    /// the sha256 of their content hashes concatenated in that order; the previous version as parent. No row back
    /// when nothing matches.
    /// The caller holds the dataset's lock (`lockByName`), so the version number is free.
    static let commitNextVersion = Statement(
        "DatasetSQL.commitNextVersion",
        """
        WITH matched AS (
            SELECT s.job_id, s.idx, s.id,
                   coalesce(s.content_hash, encode(sha256(convert_to(s.text, 'UTF8')), 'hex')) AS hash,
                   row_number() OVER (ORDER BY s.job_id, s.idx)::integer AS position
            FROM samples s
            WHERE ($2::uuid[] IS NULL OR s.job_id = ANY ($2::uuid[]))
              AND ($3::text IS NULL OR s.template = $3)
              AND ($4::text IS NULL OR s.template_version = $4)
              AND ($5::double precision IS NULL OR (s.quality ->> 'overall')::double precision >= $5)
              AND (NOT $6::boolean OR s.kept)
              AND ($7::timestamptz IS NULL OR s.generated_at >= $7)
              AND ($8::timestamptz IS NULL OR s.generated_at < $8)
              AND ($9::text IS NULL OR s.product = $9)
              AND ($10::text IS NULL OR coalesce(s.lineage ->> 'augmentation_strategy', 'original') = $10)
              AND ($14::text IS NULL
                   OR s.job_id IN (SELECT id FROM jobs WHERE owner_key_id = $14
                                   UNION ALL SELECT id FROM job_history WHERE owner_key_id = $14))
        ),
        summary AS (
            SELECT count(*)::integer AS n,
                   encode(sha256(convert_to(coalesce(string_agg(hash, '' ORDER BY position), ''), 'UTF8')), 'hex') AS sha
            FROM matched
        ),
        previous AS (SELECT max(version) AS version FROM dataset_versions WHERE dataset_id = $1),
        committed AS (
            INSERT INTO dataset_versions (id, dataset_id, version, parent_version, job_ids, filter, sample_count,
                                          content_sha256, created_by, note)
            SELECT gen_random_uuid(), $1, coalesce(p.version, 0) + 1, p.version, coalesce($2::uuid[], '{}'),
                   $11::jsonb, m.n, m.sha, $12, $13
            FROM previous p, summary m
            WHERE m.n > 0
            RETURNING *
        ),
        listed AS (
            INSERT INTO dataset_version_samples (version_id, job_id, idx, sample_id, position)
            SELECT c.id, m.job_id, m.idx, m.id, m.position FROM committed c, matched m
        )
        SELECT id, version, parent_version, to_jsonb(job_ids) AS job_ids, filter, sample_count, content_sha256,
               created_at, created_by, note
        FROM committed
        """)

    /// Up to $4 samples of version $1 after position $2, in position order, with their texts; when $3 is not
    /// NULL only those version $3 no longer holds. A keyset page of the version's primary key, each sample by the
    /// samples' primary key (and probed in $3 by the (version_id, sample_id) index).
    static let versionTextsPage = Statement(
        "DatasetSQL.versionTextsPage",
        """
        SELECT v.position, v.sample_id, s.text
        FROM dataset_version_samples v
        JOIN samples s ON s.job_id = v.job_id AND s.idx = v.idx
        WHERE v.version_id = $1 AND v.position > $2
          AND ($3::uuid IS NULL
               OR NOT EXISTS (SELECT 1 FROM dataset_version_samples n WHERE n.version_id = $3 AND n.sample_id = v.sample_id))
        ORDER BY v.position
        LIMIT $4
        """)

    /// Every version of dataset $1, oldest first (the unique (dataset_id, version) index).
    static let listVersions = Statement(
        "DatasetSQL.listVersions",
        """
        SELECT id, version, parent_version, to_jsonb(job_ids) AS job_ids, filter, sample_count, content_sha256,
               created_at, created_by, note
        FROM dataset_versions WHERE dataset_id = $1 ORDER BY version
        """)

    /// Version $2 of dataset $1 (the unique (dataset_id, version) index).
    static let findVersion = Statement(
        "DatasetSQL.findVersion",
        """
        SELECT id, version, parent_version, to_jsonb(job_ids) AS job_ids, filter, sample_count, content_sha256,
               created_at, created_by, note
        FROM dataset_versions WHERE dataset_id = $1 AND version = $2
        """)

    /// Statistics of version $1 over its samples (the version's primary key, then samples by id): counts by
    /// template, sentiment intensity and augmentation strategy ("original" when none), the means of the scores
    /// named in $2, and the cost of every provider call of the jobs its samples come from.
    static let statistics = Statement(
        "DatasetSQL.statistics",
        """
        WITH s AS (
            SELECT s.job_id, s.template, s.metadata, s.lineage, s.quality
            FROM dataset_version_samples v JOIN samples s ON s.id = v.sample_id
            WHERE v.version_id = $1
        )
        SELECT jsonb_build_object(
            'by_template', (SELECT coalesce(jsonb_object_agg(k, n), '{}')
                            FROM (SELECT template AS k, count(*) AS n FROM s GROUP BY 1) AS x),
            'by_sentiment', (SELECT coalesce(jsonb_object_agg(k, n), '{}')
                             FROM (SELECT coalesce(metadata ->> 'sentiment_intensity', 'unset') AS k, count(*) AS n
                                   FROM s GROUP BY 1) AS x),
            'by_strategy', (SELECT coalesce(jsonb_object_agg(k, n), '{}')
                            FROM (SELECT coalesce(lineage ->> 'augmentation_strategy', 'original') AS k, count(*) AS n
                                  FROM s GROUP BY 1) AS x),
            'mean_scores', (SELECT coalesce(jsonb_object_agg(key, mean), '{}')
                            FROM (SELECT key, avg((value #>> '{}')::double precision) AS mean
                                  FROM s, jsonb_each(s.quality)
                                  WHERE key = ANY ($2::text[]) AND jsonb_typeof(value) = 'number'
                                  GROUP BY key) AS m),
            'total_cost_usd', (SELECT coalesce(sum(cost_usd), 0)::double precision FROM llm_calls
                               WHERE job_id IN (SELECT DISTINCT job_id FROM s)),
            'job_count', (SELECT count(DISTINCT job_id) FROM s)
        ) AS statistics
        """)

    /// Samples of version $2 not in $1 (added), of $1 not in $2 (removed), in both (unchanged), by sample id,
    /// with the first 100 ids of each change in position order (the (version_id, sample_id) index).
    static let diff = Statement(
        "DatasetSQL.diff",
        """
        WITH f AS (SELECT sample_id, position FROM dataset_version_samples WHERE version_id = $1),
             t AS (SELECT sample_id, position FROM dataset_version_samples WHERE version_id = $2),
             added AS (SELECT t.sample_id, t.position FROM t
                       WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.sample_id = t.sample_id)),
             removed AS (SELECT f.sample_id, f.position FROM f
                         WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.sample_id = f.sample_id))
        SELECT (SELECT count(*) FROM added) AS added,
               (SELECT count(*) FROM removed) AS removed,
               (SELECT count(*) FROM t) - (SELECT count(*) FROM added) AS unchanged,
               (SELECT coalesce(jsonb_agg(sample_id ORDER BY position), '[]')
                FROM (SELECT sample_id, position FROM added ORDER BY position LIMIT 100) AS a) AS added_ids,
               (SELECT coalesce(jsonb_agg(sample_id ORDER BY position), '[]')
                FROM (SELECT sample_id, position FROM removed ORDER BY position LIMIT 100) AS r) AS removed_ids
        """)
}

extension DatasetSQL {
    /// The samples of version $1 in position order, one JSON object per row as the JSONL export writes it
    /// (the version's primary key, then samples by id). Read through a cursor, a batch at a time.
    static let exportJSONLines = Statement(
        "DatasetSQL.exportJSONLines",
        """
        SELECT jsonb_build_object(
                   'id', s.id, 'text', s.text, 'product', s.product, 'template', s.template,
                   'template_version', s.template_version, 'kind', s.kind, 'quality', s.quality, 'kept', s.kept,
                   'lineage', s.lineage, 'metadata', s.metadata, 'job_id', s.job_id, 'idx', s.idx)::text AS line
        FROM dataset_version_samples v JOIN samples s ON s.id = v.sample_id
        WHERE v.version_id = $1 ORDER BY v.position
        """)

    /// The samples of version $1 in position order as the CSV export's columns, all as text (JSON columns as
    /// their JSON text; NULL lineage stays NULL, an empty field).
    static let exportCSVRows = Statement(
        "DatasetSQL.exportCSVRows",
        """
        SELECT s.id::text AS id, s.text, s.product, s.template, s.template_version, s.kind,
               s.quality::text AS quality, s.kept::text AS kept, s.lineage::text AS lineage,
               s.metadata::text AS metadata, s.job_id::text AS job_id, s.idx::text AS idx
        FROM dataset_version_samples v JOIN samples s ON s.id = v.sample_id
        WHERE v.version_id = $1 ORDER BY v.position
        """)

    /// What a dataset card reports of version $1 beyond its statistics: the templates (name@version),
    /// provider/model pairs and augmentation strategies its samples came from, and the UTF-8 size of their texts.
    static let cardFacts = Statement(
        "DatasetSQL.cardFacts",
        """
        WITH s AS (
            SELECT s.template, s.template_version, s.provider, s.model, s.lineage, s.text
            FROM dataset_version_samples v JOIN samples s ON s.id = v.sample_id
            WHERE v.version_id = $1
        )
        SELECT jsonb_build_object(
            'templates', (SELECT coalesce(jsonb_agg(DISTINCT template || '@' || template_version), '[]') FROM s),
            'models', (SELECT coalesce(jsonb_agg(DISTINCT provider || '/' || model), '[]') FROM s),
            'strategies', (SELECT coalesce(jsonb_agg(DISTINCT coalesce(lineage ->> 'augmentation_strategy',
                                                                        'original')), '[]') FROM s),
            'text_bytes', (SELECT coalesce(sum(octet_length(text)), 0) FROM s)
        ) AS facts
        """)
}
