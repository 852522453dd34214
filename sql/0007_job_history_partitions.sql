-- job_history needs a partition for every month a job finishes in. 0001 made three; the partition
-- maintainer (PartitionMaintainer) now keeps the next months ready through this function. Rows that fell
-- into the default partition because their month had none block a plain CREATE … PARTITION OF for that
-- month (PostgreSQL refuses while the default holds matching rows), so the function moves them into the new
-- partition before attaching it, in one transaction.

-- Creates the partition for the UTC month containing p_at, named job_history_YYYYMM from that month alone,
-- moving that month's rows out of the default partition. Returns the rows moved, or NULL when the partition
-- already existed. Concurrent callers serialise on the parent's SHARE UPDATE EXCLUSIVE lock (which
-- inserts do not wait for); finishes writing into the default partition wait for the move.
CREATE FUNCTION job_history_create_partition(p_at timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    month_start timestamp := date_trunc('month', p_at AT TIME ZONE 'UTC');
    lower_bound timestamptz := month_start AT TIME ZONE 'UTC';
    upper_bound timestamptz := (month_start + interval '1 month') AT TIME ZONE 'UTC';
    partition_name text := 'job_history_' || to_char(month_start, 'YYYYMM');
    moved bigint;
BEGIN
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN NULL;
    END IF;
    LOCK TABLE ONLY job_history IN SHARE UPDATE EXCLUSIVE MODE;
    LOCK TABLE job_history_default IN ACCESS EXCLUSIVE MODE;
    -- Another caller may have created it while this one waited for the locks.
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE job_history INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name);
    EXECUTE format(
        'WITH moved AS (DELETE FROM job_history_default WHERE finished_at >= $1 AND finished_at < $2 RETURNING *) '
            || 'INSERT INTO %I SELECT * FROM moved',
        partition_name)
        USING lower_bound, upper_bound;
    GET DIAGNOSTICS moved = ROW_COUNT;
    -- Attaching builds the partition's copies of job_history's indexes.
    EXECUTE format('ALTER TABLE job_history ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                   partition_name, lower_bound, upper_bound);
    RETURN moved;
END
$$;
