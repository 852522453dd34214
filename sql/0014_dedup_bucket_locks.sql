-- dedup_check_and_record as sql/0011 defines it, three costs less: the scoped band keys come from one seed
-- per band instead of a function call per key, the locks are one per bucket of keys (64 at most a batch, so
-- batches are no longer capped at 50 by the lock table), and each sample probes the GIN index with its own
-- keys. Same verdicts, same stored rows (bench/README.md has the figures); a unique sample's row also carries
-- the similarity of its nearest candidate below the threshold.

-- Checks a batch of samples set-wise: one query each for the locks, the exact hashes, the band probes with
-- their verification and the pairs within the batch, one insert per table; only the in-order decision over
-- the batch's small arrays loops.
CREATE OR REPLACE FUNCTION dedup_check_and_record(
    p_scope_kind text, p_scope_id uuid, p_sample_ids uuid[], p_content_hashes text[], p_band_keys bigint[],
    p_shingles bigint[], p_shingle_ends integer[], p_threshold double precision)
RETURNS TABLE (item integer, verdict text, duplicate_of uuid, jaccard double precision)
LANGUAGE plpgsql
-- Every lookup of a table here uses an index: the exact hashes are point probes of dedup_exact (LATERAL with
-- OFFSET 0 keeps each one a probe whatever the statistics), each sample's band keys one bitmap scan of
-- dedup_shingles_band_keys_idx. The plans are cached per session and may be made while the tables are still
-- (nearly) empty, when a sequential scan looks cheapest; it would stay until the next ANALYZE.
SET enable_seqscan = off
AS $$
DECLARE
    v_lock_seed bigint;
    v_count integer := cardinality(p_sample_ids);
    v_bands integer := cardinality(p_band_keys) / cardinality(p_sample_ids);
    -- Per sample: the recorded sample with the same hash; the most similar recorded one sharing a band key.
    v_exact uuid[];
    -- One hash of scope and band per band; p_band_keys scoped as dedup_shingles.band_keys holds them.
    v_seeds bigint[];
    v_scoped bigint[];
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
    -- The scoped keys: one hash of scope and band per band (dedup_scoped_band_key, whose text concatenation
    -- made it a function call per key, 10 of a batch's 24 ms), then one integer hash per key.
    v_seeds := ARRAY(
        SELECT hashtextextended(p_scope_kind || ':' || p_scope_id::text || ':' || b::text, 0)
        FROM generate_series(0, v_bands - 1) AS b
        ORDER BY b);
    v_scoped := ARRAY(
        SELECT hashint8extended(u.key, v_seeds[(u.ord - 1) % v_bands + 1])
        FROM unnest(p_band_keys) WITH ORDINALITY AS u(key, ord)
        ORDER BY u.ord);

    -- One lock per bucket (64 per scope) of the scoped keys, in bucket order: two samples sharing a band key
    -- share its bucket, and a batch of any size holds 64 locks at most (one per key took 17 a sample and
    -- capped batches at 50). Equal normalised texts have equal band keys, so the hashes need no lock of their own.
    v_lock_seed := hashtextextended(p_scope_kind || ':' || p_scope_id::text || ':lock', 0);
    PERFORM pg_advisory_xact_lock(hashint8extended(l.bucket, v_lock_seed))
    FROM (SELECT DISTINCT k & 63 AS bucket FROM unnest(v_scoped) AS k ORDER BY 1) AS l;

    -- Every hash of the batch: one probe of dedup_exact's unique index each.
    v_exact := ARRAY(
        SELECT e.sample_id
        FROM unnest(p_content_hashes) WITH ORDINALITY AS h(hash, n)
        LEFT JOIN LATERAL (
            SELECT x.sample_id FROM dedup_exact x
            WHERE x.scope_kind = p_scope_kind AND x.scope_id = p_scope_id AND x.content_hash = h.hash
            OFFSET 0) AS e ON true
        ORDER BY h.n);

    -- Each sample's own band keys in one scan of dedup_shingles_band_keys_idx, which returns the recorded
    -- samples sharing one of them with the shingles that verify them; the most similar candidate per sample.
    -- One scan of 16 keys per sample, not one of the whole batch's keys: GIN's scan start tests its keys
    -- pairwise (800 keys, 640,000 tests a batch of 50, a quarter of the server's time). The scope is tested
    -- outside the fenced scan: with the scope inside, a planner without statistics took the primary key's
    -- scan of the whole scope (411 samples/s over the first 10,000 of bench/dedup.sh).
    WITH flat AS MATERIALIZED (
        SELECT p_shingles AS shingles, v_scoped AS keys),
    candidates AS MATERIALIZED (
        SELECT s.n, f.sample_id, f.shingles,
               a.shingles[coalesce(p_shingle_ends[s.n - 1], 0) + 1 : p_shingle_ends[s.n]] AS mine
        FROM flat AS a
        CROSS JOIN generate_series(1, v_count) AS s(n)
        CROSS JOIN LATERAL (
            SELECT x.scope_kind, x.scope_id, x.sample_id, x.shingles
            FROM dedup_shingles x
            WHERE x.band_keys && a.keys[(s.n - 1) * v_bands + 1 : s.n * v_bands]
            OFFSET 0) AS f
        WHERE v_exact[s.n] IS NULL
          AND f.scope_kind = p_scope_kind AND f.scope_id = p_scope_id AND f.sample_id <> p_sample_ids[s.n])
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
    WITH flat AS MATERIALIZED (SELECT p_shingles AS shingles)
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
    CROSS JOIN flat
    CROSS JOIN LATERAL (
        SELECT flat.shingles[coalesce(p_shingle_ends[q.earlier - 1], 0) + 1 : p_shingle_ends[q.earlier]] AS mine) AS a
    CROSS JOIN LATERAL (
        SELECT flat.shingles[coalesce(p_shingle_ends[q.later - 1], 0) + 1 : p_shingle_ends[q.later]] AS mine) AS z
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
            -- A unique sample's similarity with its nearest recorded candidate (NULL without one): its
            -- uniqueness score is 1 minus this.
            v_jaccards[i] := v_best_similarity;
        END IF;
    END LOOP;

    -- One insert per table for the unique samples, their scoped band keys beside their shingles.
    -- plpgsql holds array arguments and variables expanded, and each slice of an expanded array flattens all
    -- of it first (a batch of 1,000 copied ~500 kB per sample); a materialized CTE's row holds them flat.
    INSERT INTO dedup_exact (scope_kind, scope_id, content_hash, sample_id)
    SELECT p_scope_kind, p_scope_id, p_content_hashes[s.n], p_sample_ids[s.n]
    FROM generate_series(1, v_count) AS s(n)
    WHERE v_recorded[s.n];
    WITH flat AS MATERIALIZED (SELECT p_shingles AS shingles, v_scoped AS keys)
    INSERT INTO dedup_shingles (scope_kind, scope_id, sample_id, shingles, band_keys)
    SELECT p_scope_kind, p_scope_id, p_sample_ids[s.n],
           flat.shingles[coalesce(p_shingle_ends[s.n - 1], 0) + 1 : p_shingle_ends[s.n]],
           flat.keys[(s.n - 1) * v_bands + 1 : s.n * v_bands]
    FROM flat
    CROSS JOIN generate_series(1, v_count) AS s(n)
    WHERE v_recorded[s.n];

    RETURN QUERY
    SELECT s.n::integer, v_verdicts[s.n], v_duplicates[s.n], v_jaccards[s.n]
    FROM generate_series(1, v_count) AS s(n);
END;
$$;
