-- dedup_check_and_record handled a batch one sample at a time: an exact lookup, the band probes, the
-- verification and three inserts per sample cost ~0.5 ms in PL/pgSQL statements (53-57 s for the 100,000
-- samples of bench/dedup.sh against a < 10 s target). It now handles the batch set-wise, with the same
-- arguments, result, locks and guarantees: one statement takes the locks, one looks up every exact hash, one
-- probes every band key and verifies every candidate, one finds the pairs within the batch, and one insert per
-- table records the unique samples; only the in-order decision within the batch loops, over small arrays.

-- The contract of 0011 unchanged (arguments, the sorted advisory locks taken first, fresh snapshots after
-- them, a retried sample reported unique, the result): only how the batch is handled differs.
CREATE OR REPLACE FUNCTION dedup_check_and_record(
    p_scope_kind text, p_scope_id uuid, p_sample_ids uuid[], p_content_hashes text[], p_band_keys bigint[],
    p_shingles bigint[], p_shingle_ends integer[], p_threshold double precision)
RETURNS TABLE (item integer, verdict text, duplicate_of uuid, jaccard double precision)
LANGUAGE plpgsql
-- Every lookup of a table here is a point probe of an index (LATERAL with OFFSET 0 keeps each one a probe
-- whatever the statistics). The plans are cached per session and may be made while the tables are still
-- (nearly) empty, when a sequential scan looks cheapest; it would stay until the next ANALYZE.
SET enable_seqscan = off
AS $$
DECLARE
    v_count integer := cardinality(p_sample_ids);
    v_bands integer := cardinality(p_band_keys) / cardinality(p_sample_ids);
    -- Per sample: the recorded sample with the same hash; the most similar recorded one sharing a band key.
    v_exact uuid[];
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

    -- Every band key of the samples without an exact match: one probe of dedup_bands_lookup_idx each (OFFSET 0
    -- keeps each LATERAL probe a probe, whatever the statistics); each distinct candidate's shingles by primary
    -- key, and the most similar candidate per sample.
    WITH candidates AS MATERIALIZED (
        SELECT DISTINCT k.n, b.sample_id
        FROM (
            SELECT (u.ord - 1) / v_bands + 1 AS n, ((u.ord - 1) % v_bands)::smallint AS band, u.key
            FROM unnest(p_band_keys) WITH ORDINALITY AS u(key, ord)
            WHERE v_exact[(u.ord - 1) / v_bands + 1] IS NULL) AS k
        CROSS JOIN LATERAL (
            SELECT x.sample_id FROM dedup_bands x
            WHERE x.scope_kind = p_scope_kind AND x.scope_id = p_scope_id AND x.band = k.band
              AND x.band_key = k.key
            OFFSET 0) AS b
        WHERE b.sample_id <> p_sample_ids[k.n])
    SELECT array_agg(best.sample_id ORDER BY s.n), array_agg(best.similarity ORDER BY s.n)
      INTO v_match, v_similarity
    FROM generate_series(1, v_count) AS s(n)
    LEFT JOIN (
        SELECT DISTINCT ON (c.n) c.n, d.sample_id,
               v.shared::double precision / (cardinality(d.shingles) + cardinality(m.mine) - v.shared) AS similarity
        FROM candidates AS c
        CROSS JOIN LATERAL (
            SELECT x.sample_id, x.shingles FROM dedup_shingles x
            WHERE x.scope_kind = p_scope_kind AND x.scope_id = p_scope_id AND x.sample_id = c.sample_id
            OFFSET 0) AS d
        CROSS JOIN LATERAL (
            SELECT p_shingles[coalesce(p_shingle_ends[c.n - 1], 0) + 1 : p_shingle_ends[c.n]] AS mine) AS m
        CROSS JOIN LATERAL (
            SELECT count(*) AS shared FROM unnest(d.shingles) AS y WHERE y = ANY (m.mine)) AS v
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

    -- One insert per table for the unique samples.
    INSERT INTO dedup_exact (scope_kind, scope_id, content_hash, sample_id)
    SELECT p_scope_kind, p_scope_id, p_content_hashes[s.n], p_sample_ids[s.n]
    FROM generate_series(1, v_count) AS s(n)
    WHERE v_recorded[s.n];
    INSERT INTO dedup_shingles (scope_kind, scope_id, sample_id, shingles)
    SELECT p_scope_kind, p_scope_id, p_sample_ids[s.n],
           p_shingles[coalesce(p_shingle_ends[s.n - 1], 0) + 1 : p_shingle_ends[s.n]]
    FROM generate_series(1, v_count) AS s(n)
    WHERE v_recorded[s.n];
    INSERT INTO dedup_bands (scope_kind, scope_id, band, band_key, sample_id)
    SELECT p_scope_kind, p_scope_id, ((k.ord - 1) % v_bands)::smallint, k.key, p_sample_ids[(k.ord - 1) / v_bands + 1]
    FROM unnest(p_band_keys) WITH ORDINALITY AS k(key, ord)
    WHERE v_recorded[(k.ord - 1) / v_bands + 1];

    RETURN QUERY
    SELECT s.n::integer, v_verdicts[s.n], v_duplicates[s.n], v_jaccards[s.n]
    FROM generate_series(1, v_count) AS s(n);
END;
$$;
