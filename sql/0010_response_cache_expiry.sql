-- Cached provider answers expire (ResponseCacheExpirer). Entries are only ever inserted, in time order, so a
-- BRIN index on created_at finds the old ones cheaply.
CREATE INDEX llm_response_cache_created_idx ON llm_response_cache USING brin (created_at);
