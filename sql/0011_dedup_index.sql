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

-- Checks one sample against its scope and records it only when it is unique, in the caller's transaction.
-- First it takes transaction-level advisory locks on the sample's hash and on each of its band keys, in
-- ascending order (so two writers never deadlock): a writer whose sample could match this one shares at
-- least one of these keys and waits for the other to commit; every later query runs with a fresh snapshot
-- (READ COMMITTED, volatile function) and so sees what the other recorded. A sample already recorded under
-- its own id is reported unique again (a retried stage). Returns 'unique', 'exact' or 'near', the matched
-- sample and the exact Jaccard similarity of the two shingle sets.
CREATE FUNCTION dedup_check_and_record(
    p_scope_kind text, p_scope_id uuid, p_sample_id uuid, p_content_hash text, p_band_keys bigint[],
    p_shingles bigint[], p_threshold double precision)
RETURNS TABLE (verdict text, duplicate_of uuid, jaccard double precision)
LANGUAGE plpgsql AS $$
DECLARE
    v_lock bigint;
    v_match uuid;
    v_jaccard double precision;
BEGIN
    FOR v_lock IN
        SELECT DISTINCT hashtextextended(p_scope_kind || ':' || p_scope_id || ':' || k.band || ':' || k.key, 0)
        FROM unnest(p_band_keys) WITH ORDINALITY AS k(key, band)
        UNION
        SELECT hashtextextended(p_scope_kind || ':' || p_scope_id || ':exact:' || p_content_hash, 0)
        ORDER BY 1
    LOOP
        PERFORM pg_advisory_xact_lock(v_lock);
    END LOOP;

    SELECT e.sample_id INTO v_match
    FROM dedup_exact e
    WHERE e.scope_kind = p_scope_kind AND e.scope_id = p_scope_id AND e.content_hash = p_content_hash;
    IF FOUND THEN
        IF v_match = p_sample_id THEN
            RETURN QUERY SELECT 'unique'::text, NULL::uuid, NULL::double precision;
        ELSE
            RETURN QUERY SELECT 'exact'::text, v_match, 1.0::double precision;
        END IF;
        RETURN;
    END IF;

    -- The most similar candidate: the rows sharing a band key (dedup_bands_lookup_idx), their shingles by
    -- primary key, and the exact Jaccard similarity of the two sets.
    SELECT c.sample_id, c.shared::double precision / (cardinality(c.shingles) + cardinality(p_shingles) - c.shared)
      INTO v_match, v_jaccard
    FROM (
        SELECT s.sample_id, s.shingles,
               (SELECT count(*) FROM unnest(s.shingles) AS x WHERE x = ANY (p_shingles)) AS shared
        FROM dedup_shingles s
        WHERE s.scope_kind = p_scope_kind AND s.scope_id = p_scope_id AND s.sample_id <> p_sample_id
          AND s.sample_id IN (
              SELECT b.sample_id
              FROM unnest(p_band_keys) WITH ORDINALITY AS k(key, band)
              JOIN dedup_bands b
                ON b.scope_kind = p_scope_kind AND b.scope_id = p_scope_id AND b.band = k.band - 1
               AND b.band_key = k.key)
    ) AS c
    ORDER BY 2 DESC, 1
    LIMIT 1;
    IF FOUND AND v_jaccard >= p_threshold THEN
        RETURN QUERY SELECT 'near'::text, v_match, v_jaccard;
        RETURN;
    END IF;

    INSERT INTO dedup_exact (scope_kind, scope_id, content_hash, sample_id)
    VALUES (p_scope_kind, p_scope_id, p_content_hash, p_sample_id);
    INSERT INTO dedup_shingles (scope_kind, scope_id, sample_id, shingles)
    VALUES (p_scope_kind, p_scope_id, p_sample_id, p_shingles);
    INSERT INTO dedup_bands (scope_kind, scope_id, band, band_key, sample_id)
    SELECT p_scope_kind, p_scope_id, (k.band - 1)::smallint, k.key, p_sample_id
    FROM unnest(p_band_keys) WITH ORDINALITY AS k(key, band);
    RETURN QUERY SELECT 'unique'::text, NULL::uuid, NULL::double precision;
END;
$$;
