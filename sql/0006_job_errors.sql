-- Every attempt's error is kept, not only the last one: a job that failed after its retries shows why each
-- attempt failed. Each element is {attempt, at, message}, appended when an attempt is retried, when the job
-- fails for good, and when a lease expires. A postponement (a provider's rate limit, a consumer stopping)
-- spends no attempt and is not an error: it appends nothing.
ALTER TABLE jobs ADD COLUMN errors jsonb NOT NULL DEFAULT '[]';
ALTER TABLE job_history ADD COLUMN errors jsonb NOT NULL DEFAULT '[]';

-- The one shape of an element of `errors`, shared by the statements that append to it.
CREATE FUNCTION job_attempt_error(p_attempt integer, p_message text, p_at timestamptz)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_array(jsonb_build_object('attempt', p_attempt, 'at', p_at, 'message', p_message))
$$;
