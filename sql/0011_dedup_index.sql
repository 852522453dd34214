-- The de-duplication index (DESIGN §8): a sample is an exact duplicate when an earlier sample of the same
-- scope normalises to the same text, and a near-duplicate when the exact Jaccard similarity of the two texts'
-- word-shingle sets reaches the threshold. Candidates are found only through equal MinHash LSH band keys, so
-- a check reads a handful of rows whatever the scope holds; dedup_check_and_record serialises writers whose
-- samples could be duplicates of each other, so two consumers writing near-duplicates at once keep one.

-- One row per recorded sample and scope: the SHA-256 hex of its normalised text.
CREATE TABLE dedup_exact (
    scope_kind   text        NOT NULL CHECK (scope_kind IN ('job', 'dataset', 'global')),
    -- The job's or dataset's id; the nil UUID for global.
    scope_id     uuid        NOT NULL,
    content_hash text        NOT NULL,
    sample_id    uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (scope_kind, scope_id, content_hash)
);

-- The sample's distinct shingle hashes (UInt64 bit patterns), which verify a band candidate exactly. The
-- 128-value MinHash estimate alone (σ 0.03 at 0.85) lets through or loses about one pair in ten near the
-- threshold (recall 0.89, precision 0.86 in bench/dedup.sh); a 60-word text has fewer shingles than a
-- signature has values, so exact verification costs no more space for typical samples.
CREATE TABLE dedup_shingles (
    scope_kind text     NOT NULL,
    scope_id   uuid     NOT NULL,
    sample_id  uuid     NOT NULL,
    shingles   bigint[] NOT NULL,
    PRIMARY KEY (scope_kind, scope_id, sample_id)
);

-- One row per band of each recorded sample; the index answers "who shares this band's key" alone.
CREATE TABLE dedup_bands (
    scope_kind text     NOT NULL,
    scope_id   uuid     NOT NULL,
    band       smallint NOT NULL,
    band_key   bigint   NOT NULL,
    sample_id  uuid     NOT NULL
);
CREATE INDEX dedup_bands_lookup_idx ON dedup_bands (scope_kind, scope_id, band, band_key) INCLUDE (sample_id);

-- Checks a batch of samples, in order, against their scope and records each one that is unique, in the
-- caller's transaction; a later sample of the batch is compared with the earlier ones it recorded. Sample i
-- has id p_sample_ids[i], hash p_content_hashes[i], the i-th run of band keys in p_band_keys (the same number
-- per sample) and the shingle hashes of p_shingles up to p_shingle_ends[i].
-- First it takes transaction-level advisory locks on every hash and every (band, key) of the batch, in
-- ascending order (so two writers never deadlock): a writer whose sample could match one of these shares at
-- least one key and waits for the other to commit; every later query runs with a fresh snapshot (READ
-- COMMITTED, volatile function) and so sees what the other recorded. A sample already recorded under its
-- own id is reported unique again (a retried stage). Returns per sample 'unique', 'exact' or 'near', the
-- matched sample and the exact Jaccard similarity of the two shingle sets.
CREATE FUNCTION dedup_check_and_record(
    p_scope_kind text, p_scope_id uuid, p_sample_ids uuid[], p_content_hashes text[], p_band_keys bigint[],
    p_shingles bigint[], p_shingle_ends integer[], p_threshold double precision)
RETURNS TABLE (item integer, verdict text, duplicate_of uuid, jaccard double precision)
LANGUAGE plpgsql
-- Every lookup here is a point probe of an index. The function's plans are cached per session and may be
-- made while the tables are still (nearly) empty, when a sequential scan looks cheapest; it would stay
-- until the next ANALYZE while the tables grow (the first 10,000 samples of bench/dedup.sh ran at ~120/s).
SET enable_seqscan = off
AS $$
DECLARE
    v_bands integer := cardinality(p_band_keys) / cardinality(p_sample_ids);
    v_lock bigint;
    v_keys bigint[];
    v_shingles bigint[];
    v_candidates uuid[];
    v_match uuid;
    v_jaccard double precision;
BEGIN
    FOR v_lock IN
        SELECT hashtextextended(p_scope_kind || ':' || p_scope_id || ':' || ((k.n - 1) % v_bands) || ':' || k.key, 0)
        FROM unnest(p_band_keys) WITH ORDINALITY AS k(key, n)
        UNION
        SELECT hashtextextended(p_scope_kind || ':' || p_scope_id || ':exact:' || h.hash, 0)
        FROM unnest(p_content_hashes) AS h(hash)
        ORDER BY 1
    LOOP
        PERFORM pg_advisory_xact_lock(v_lock);
    END LOOP;

    FOR i IN 1 .. cardinality(p_sample_ids) LOOP
        item := i;
        verdict := 'unique';
        duplicate_of := NULL;
        jaccard := NULL;
        v_keys := p_band_keys[(i - 1) * v_bands + 1 : i * v_bands];
        v_shingles := p_shingles[coalesce(p_shingle_ends[i - 1], 0) + 1 : p_shingle_ends[i]];

        SELECT e.sample_id INTO v_match
        FROM dedup_exact e
        WHERE e.scope_kind = p_scope_kind AND e.scope_id = p_scope_id AND e.content_hash = p_content_hashes[i];
        IF FOUND THEN
            IF v_match <> p_sample_ids[i] THEN
                verdict := 'exact';
                duplicate_of := v_match;
                jaccard := 1;
            END IF;
            RETURN NEXT;
            CONTINUE;
        END IF;

        -- The most similar candidate: one probe of dedup_bands_lookup_idx per band key, their shingles by
        -- primary key, and the exact Jaccard similarity of the two sets. OFFSET 0 keeps each LATERAL probe
        -- a probe: flattened, the planner hash-joined the keys with an index scan of the scope's whole
        -- prefix while the tables had no statistics (~3 ms a sample at 2,000 samples, growing).
        v_candidates := ARRAY(
            SELECT DISTINCT b.sample_id
            FROM unnest(v_keys) WITH ORDINALITY AS k(key, band)
            CROSS JOIN LATERAL (
                SELECT c.sample_id FROM dedup_bands c
                WHERE c.scope_kind = p_scope_kind AND c.scope_id = p_scope_id AND c.band = k.band - 1
                  AND c.band_key = k.key
                OFFSET 0) AS b
            WHERE b.sample_id <> p_sample_ids[i]);
        SELECT c.sample_id, c.shared::double precision / (cardinality(c.shingles) + cardinality(v_shingles) - c.shared)
          INTO v_match, v_jaccard
        FROM (
            SELECT s.sample_id, s.shingles,
                   (SELECT count(*) FROM unnest(s.shingles) AS x WHERE x = ANY (v_shingles)) AS shared
            FROM unnest(v_candidates) AS candidate(id)
            CROSS JOIN LATERAL (
                SELECT d.sample_id, d.shingles FROM dedup_shingles d
                WHERE d.scope_kind = p_scope_kind AND d.scope_id = p_scope_id AND d.sample_id = candidate.id
                OFFSET 0) AS s
        ) AS c
        ORDER BY 2 DESC, 1
        LIMIT 1;
        IF FOUND AND v_jaccard >= p_threshold THEN
            verdict := 'near';
            duplicate_of := v_match;
            jaccard := v_jaccard;
            RETURN NEXT;
            CONTINUE;
        END IF;

        INSERT INTO dedup_exact (scope_kind, scope_id, content_hash, sample_id)
        VALUES (p_scope_kind, p_scope_id, p_content_hashes[i], p_sample_ids[i]);
        INSERT INTO dedup_shingles (scope_kind, scope_id, sample_id, shingles)
        VALUES (p_scope_kind, p_scope_id, p_sample_ids[i], v_shingles);
        INSERT INTO dedup_bands (scope_kind, scope_id, band, band_key, sample_id)
        SELECT p_scope_kind, p_scope_id, (k.band - 1)::smallint, k.key, p_sample_ids[i]
        FROM unnest(v_keys) WITH ORDINALITY AS k(key, band);
        RETURN NEXT;
    END LOOP;
END;
$$;
