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
    -- Its 16 LSH band keys, each scoped (dedup_scoped_band_key) so that one array holds every band and one
    -- single-column GIN serves every scope; a key equal by chance across scopes or bands only makes a
    -- candidate, which the scope columns and the exact verification reject. Beside the shingles: one heap
    -- tuple a sample (a table of band rows took 17 and two thirds of the WAL), and the probe that finds a
    -- candidate returns the shingles that verify it.
    band_keys  bigint[] NOT NULL,
    PRIMARY KEY (scope_kind, scope_id, sample_id)
);

-- "Which recorded samples share one of these keys": one GIN scan for a whole batch's keys. Without the
-- pending list (fastupdate), since every scan reads all of it: with a 256 kB list bench/dedup.sh took 57 s,
-- against 27-36 s without.
CREATE INDEX dedup_shingles_band_keys_idx ON dedup_shingles USING gin (band_keys) WITH (fastupdate = off);

-- dedup_scoped_band_key(scope kind, scope id, band (0-based), key): the key as dedup_shingles.band_keys holds it.
CREATE FUNCTION dedup_scoped_band_key(p_scope_kind text, p_scope_id uuid, p_band integer, p_key bigint)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN hashint8extended(p_key, hashtextextended(p_scope_kind || ':' || p_scope_id || ':' || p_band, 0));

-- Checks a batch of samples set-wise: one query each for the locks, the exact hashes, the band probes with
-- their verification and the pairs within the batch, one insert per table; only the in-order decision over
-- the batch's small arrays loops.
CREATE FUNCTION dedup_check_and_record(
    p_scope_kind text, p_scope_id uuid, p_sample_ids uuid[], p_content_hashes text[], p_band_keys bigint[],
    p_shingles bigint[], p_shingle_ends integer[], p_threshold double precision)
RETURNS TABLE (item integer, verdict text, duplicate_of uuid, jaccard double precision)
LANGUAGE plpgsql
-- Every lookup of a table here uses an index: the exact hashes are point probes of dedup_exact (LATERAL with
-- OFFSET 0 keeps each one a probe whatever the statistics), the band keys one bitmap scan of
-- dedup_shingles_band_keys_idx. The plans are cached per session and may be made while the tables are still
-- (nearly) empty, when a sequential scan looks cheapest; it would stay until the next ANALYZE.
SET enable_seqscan = off
AS $$
DECLARE
    v_count integer := cardinality(p_sample_ids);
    v_bands integer := cardinality(p_band_keys) / cardinality(p_sample_ids);
    -- Per sample: the recorded sample with the same hash; the most similar recorded one sharing a band key.
    v_exact uuid[];
    -- p_band_keys scoped as dedup_shingles.band_keys holds them; the ones of samples without an exact match.
    v_scoped bigint[];
    v_probe bigint[];
    v_match uuid[];
    v_similarity double precision[];
    -- The pairs (earlier, later) of the batch sharing a band key or the hash, by later then earlier.
    v_earlier integer[];
    v_later integer[];
    v_pair_similarity double precision[];
    v_pair integer := 1;
    v_recorded boolean[] := array_fill(false, ARRAY[cardinality(p_sample_ids)]);
    v_verdicts text[] := array_fill('unique'::text, ARRAY[cardinality(p_sample_ids)]);
    v_duplicates uuid[] := array_fill(NULL::uuid, ARRAY[cardinality(p_sample_ids)]);
    v_jaccards double precision[] := array_fill(NULL::double precision, ARRAY[cardinality(p_sample_ids)]);
    v_best uuid;
    v_best_similarity double precision;
    v_same integer;
    v_other integer;
BEGIN
    -- One statement for all locks: the sorted subquery (a UNION, never flattened) feeds them in order.
    PERFORM pg_advisory_xact_lock(l.key)
    FROM (
        SELECT hashtextextended(p_scope_kind || ':' || p_scope_id || ':' || ((k.n - 1) % v_bands) || ':' || k.key, 0)
        FROM unnest(p_band_keys) WITH ORDINALITY AS k(key, n)
        UNION
        SELECT hashtextextended(p_scope_kind || ':' || p_scope_id || ':exact:' || h.hash, 0)
        FROM unnest(p_content_hashes) AS h(hash)
        ORDER BY 1) AS l(key);

    -- Every hash of the batch: one probe of dedup_exact's unique index each.
    v_exact := ARRAY(
        SELECT e.sample_id
        FROM unnest(p_content_hashes) WITH ORDINALITY AS h(hash, n)
        LEFT JOIN LATERAL (
            SELECT x.sample_id FROM dedup_exact x
            WHERE x.scope_kind = p_scope_kind AND x.scope_id = p_scope_id AND x.content_hash = h.hash
            OFFSET 0) AS e ON true
        ORDER BY h.n);

    v_scoped := ARRAY(
        SELECT dedup_scoped_band_key(p_scope_kind, p_scope_id, ((u.ord - 1) % v_bands)::integer, u.key)
        FROM unnest(p_band_keys) WITH ORDINALITY AS u(key, ord)
        ORDER BY u.ord);
    v_probe := ARRAY(
        SELECT DISTINCT u.key
        FROM unnest(v_scoped) WITH ORDINALITY AS u(key, ord)
        WHERE v_exact[(u.ord - 1) / v_bands + 1] IS NULL);

    -- Every band key of the samples without an exact match in one scan of dedup_shingles_band_keys_idx; each
    -- row found is a candidate for the samples of the batch whose keys it shares, verified by its shingles,
    -- and the most similar candidate per sample.
    -- The scope is tested outside the fenced scan: with the scope inside, a planner without statistics took
    -- the primary key's scan of the whole scope (411 samples/s over the first 10,000 of bench/dedup.sh).
    WITH found AS MATERIALIZED (
        SELECT x.scope_kind, x.scope_id, x.sample_id, x.shingles, x.band_keys
        FROM dedup_shingles x
        WHERE x.band_keys && v_probe),
    candidates AS MATERIALIZED (
        SELECT s.n, f.sample_id, f.shingles,
               p_shingles[coalesce(p_shingle_ends[s.n - 1], 0) + 1 : p_shingle_ends[s.n]] AS mine
        FROM found AS f
        CROSS JOIN generate_series(1, v_count) AS s(n)
        WHERE f.scope_kind = p_scope_kind AND f.scope_id = p_scope_id
          AND v_exact[s.n] IS NULL AND f.sample_id <> p_sample_ids[s.n]
          AND f.band_keys && v_scoped[(s.n - 1) * v_bands + 1 : s.n * v_bands])
    SELECT array_agg(best.sample_id ORDER BY s.n), array_agg(best.similarity ORDER BY s.n)
      INTO v_match, v_similarity
    FROM generate_series(1, v_count) AS s(n)
    LEFT JOIN (
        SELECT DISTINCT ON (c.n) c.n, c.sample_id,
               v.shared::double precision / (cardinality(c.shingles) + cardinality(c.mine) - v.shared) AS similarity
        FROM candidates AS c
        CROSS JOIN LATERAL (
            SELECT count(*) AS shared FROM unnest(c.shingles) AS y WHERE y = ANY (c.mine)) AS v
        ORDER BY c.n, 3 DESC, 2) AS best ON best.n = s.n;

    -- The pairs within the batch, no table read: equal band keys or equal hashes, with their similarity.
    SELECT coalesce(array_agg(q.earlier ORDER BY q.later, q.earlier), '{}'),
           coalesce(array_agg(q.later ORDER BY q.later, q.earlier), '{}'),
           coalesce(array_agg(v.shared::double precision / (cardinality(a.mine) + cardinality(z.mine) - v.shared)
                              ORDER BY q.later, q.earlier), '{}')
      INTO v_earlier, v_later, v_pair_similarity
    FROM (
        SELECT (a.ord - 1) / v_bands + 1 AS earlier, (z.ord - 1) / v_bands + 1 AS later
        FROM unnest(p_band_keys) WITH ORDINALITY AS a(key, ord)
        JOIN unnest(p_band_keys) WITH ORDINALITY AS z(key, ord)
          ON a.key = z.key AND (a.ord - 1) % v_bands = (z.ord - 1) % v_bands AND a.ord < z.ord
        UNION
        SELECT a.ord, z.ord
        FROM unnest(p_content_hashes) WITH ORDINALITY AS a(hash, ord)
        JOIN unnest(p_content_hashes) WITH ORDINALITY AS z(hash, ord) ON a.hash = z.hash AND a.ord < z.ord) AS q
    CROSS JOIN LATERAL (
        SELECT p_shingles[coalesce(p_shingle_ends[q.earlier - 1], 0) + 1 : p_shingle_ends[q.earlier]] AS mine) AS a
    CROSS JOIN LATERAL (
        SELECT p_shingles[coalesce(p_shingle_ends[q.later - 1], 0) + 1 : p_shingle_ends[q.later]] AS mine) AS z
    CROSS JOIN LATERAL (
        SELECT count(*) AS shared FROM unnest(a.mine) AS y WHERE y = ANY (z.mine)) AS v
    WHERE q.earlier < q.later;

    -- In order: a sample is matched against the scope and against the earlier samples of the batch that
    -- were recorded, as if each had been recorded before the next was checked.
    FOR i IN 1 .. v_count LOOP
        v_best := v_match[i];
        v_best_similarity := v_similarity[i];
        v_same := NULL;
        WHILE v_pair <= cardinality(v_later) AND v_later[v_pair] = i LOOP
            v_other := v_earlier[v_pair];
            IF v_recorded[v_other] THEN
                IF p_content_hashes[v_other] = p_content_hashes[i] THEN
                    v_same := v_other;
                ELSIF p_sample_ids[v_other] <> p_sample_ids[i]
                      AND (v_best IS NULL OR v_pair_similarity[v_pair] > v_best_similarity
                           OR (v_pair_similarity[v_pair] = v_best_similarity AND p_sample_ids[v_other] < v_best)) THEN
                    v_best := p_sample_ids[v_other];
                    v_best_similarity := v_pair_similarity[v_pair];
                END IF;
            END IF;
            v_pair := v_pair + 1;
        END LOOP;

        IF v_exact[i] IS NOT NULL OR v_same IS NOT NULL THEN
            v_best := coalesce(v_exact[i], p_sample_ids[v_same]);
            IF v_best <> p_sample_ids[i] THEN
                v_verdicts[i] := 'exact';
                v_duplicates[i] := v_best;
                v_jaccards[i] := 1;
            END IF;
        ELSIF v_best IS NOT NULL AND v_best_similarity >= p_threshold THEN
            v_verdicts[i] := 'near';
            v_duplicates[i] := v_best;
            v_jaccards[i] := v_best_similarity;
        ELSE
            v_recorded[i] := true;
        END IF;
    END LOOP;

    -- One insert per table for the unique samples, their scoped band keys beside their shingles.
    INSERT INTO dedup_exact (scope_kind, scope_id, content_hash, sample_id)
    SELECT p_scope_kind, p_scope_id, p_content_hashes[s.n], p_sample_ids[s.n]
    FROM generate_series(1, v_count) AS s(n)
    WHERE v_recorded[s.n];
    INSERT INTO dedup_shingles (scope_kind, scope_id, sample_id, shingles, band_keys)
    SELECT p_scope_kind, p_scope_id, p_sample_ids[s.n],
           p_shingles[coalesce(p_shingle_ends[s.n - 1], 0) + 1 : p_shingle_ends[s.n]],
           v_scoped[(s.n - 1) * v_bands + 1 : s.n * v_bands]
    FROM generate_series(1, v_count) AS s(n)
    WHERE v_recorded[s.n];

    RETURN QUERY
    SELECT s.n::integer, v_verdicts[s.n], v_duplicates[s.n], v_jaccards[s.n]
    FROM generate_series(1, v_count) AS s(n);
END;
$$;
