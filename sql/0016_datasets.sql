-- Datasets are named, versioned selections of samples for analysis and export. A committed version is a
-- fixed list of samples in a stable order with a content sha256 over their hashes, so a result computed on
-- "name@3" can be reproduced later: triggers refuse UPDATE, DELETE and TRUNCATE on versions and their rows.

CREATE TABLE datasets (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]{1,100}$'),
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL
);

CREATE TABLE dataset_versions (
    id             uuid        PRIMARY KEY,
    dataset_id     uuid        NOT NULL REFERENCES datasets (id),
    version        integer     NOT NULL CHECK (version >= 1),
    parent_version integer     CHECK (parent_version >= 1 AND parent_version < version),
    job_ids        uuid[]      NOT NULL DEFAULT '{}',
    filter         jsonb       NOT NULL DEFAULT '{}',
    sample_count   integer     NOT NULL CHECK (sample_count >= 1),
    -- sha256 of the concatenated sample content hashes in position order, computed by PostgreSQL at commit.
    content_sha256 text        NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL,
    note           text        NOT NULL DEFAULT '',
    UNIQUE (dataset_id, version)
);

CREATE TABLE dataset_version_samples (
    version_id uuid    NOT NULL REFERENCES dataset_versions (id),
    job_id     uuid    NOT NULL,
    idx        integer NOT NULL,
    sample_id  uuid    NOT NULL,
    position   integer NOT NULL CHECK (position >= 1),
    PRIMARY KEY (version_id, position)
);
-- Diffs and membership checks look a sample up in a version by its id.
CREATE UNIQUE INDEX dataset_version_samples_sample_idx ON dataset_version_samples (version_id, sample_id);

CREATE FUNCTION dataset_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a committed dataset version never changes' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER dataset_versions_no_update BEFORE UPDATE OR DELETE ON dataset_versions
    FOR EACH ROW EXECUTE FUNCTION dataset_versions_refuse_change();
CREATE TRIGGER dataset_versions_no_truncate BEFORE TRUNCATE ON dataset_versions
    FOR EACH STATEMENT EXECUTE FUNCTION dataset_versions_refuse_change();
CREATE TRIGGER dataset_version_samples_no_update BEFORE UPDATE OR DELETE ON dataset_version_samples
    FOR EACH ROW EXECUTE FUNCTION dataset_versions_refuse_change();
CREATE TRIGGER dataset_version_samples_no_truncate BEFORE TRUNCATE ON dataset_version_samples
    FOR EACH STATEMENT EXECUTE FUNCTION dataset_versions_refuse_change();
