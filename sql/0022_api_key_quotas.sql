-- Per-key quotas, checked when a job is created. NULL is unlimited; 0 stops the key creating jobs without
-- revoking it (it can still read).
ALTER TABLE api_keys
    ADD COLUMN max_samples_per_day integer       CHECK (max_samples_per_day >= 0),
    ADD COLUMN max_cost_per_day    numeric(14, 4) CHECK (max_cost_per_day >= 0),
    ADD COLUMN max_concurrent_jobs integer       CHECK (max_concurrent_jobs >= 0);
