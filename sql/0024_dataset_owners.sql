-- The key that made a dataset owns it and its versions: a non-admin key sees only its own. Datasets made
-- before keys existed (or with keys off) have none and are seen by admins and by the keyless API only.
ALTER TABLE datasets ADD COLUMN owner_key_id text;

-- A key's own datasets by name, for a non-admin caller's listing; user templates of a key likewise.
CREATE INDEX datasets_owner_idx ON datasets (owner_key_id, name) WHERE owner_key_id IS NOT NULL;
CREATE INDEX templates_owner_idx ON templates (owner_key_id, name, version_number) WHERE owner_key_id IS NOT NULL;
