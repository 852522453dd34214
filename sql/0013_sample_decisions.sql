-- Every sample carries its decisions: kept or rejected with every reason (comma-joined codes; the particulars
-- are in quality->'reasons'), and the SHA-256 of its normalised text, the exact key of the de-duplication index.
ALTER TABLE samples ADD COLUMN content_hash text;

-- A rejected sample always says why, and a kept one has no reason: what /api/quality-stats counts.
ALTER TABLE samples ADD CONSTRAINT samples_reason_iff_rejected CHECK (kept = (filter_reason IS NULL));

-- The rejected samples of a job (?kept=false) and quality statistics by reason.
CREATE INDEX samples_rejected_idx ON samples (job_id, idx) WHERE NOT kept;
