-- User prompt templates, versioned per name (v1, v2, …). A stored version never changes, so a job pinned to
-- a name, version and content hash renders what it was accepted with: triggers refuse UPDATE and DELETE.
-- Built-in templates live in the code as v1 of their names; user versions of those names start at v2.

CREATE TABLE templates (
    name           text        NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]{1,63}$'),
    version_number integer     NOT NULL CHECK (version_number >= 1),
    version        text        GENERATED ALWAYS AS ('v' || version_number) STORED,
    kind           text        NOT NULL,
    description    text        NOT NULL DEFAULT '',
    body           text        NOT NULL,
    content_hash   text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, version_number)
);

CREATE FUNCTION templates_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a stored template version never changes' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER templates_no_update BEFORE UPDATE OR DELETE ON templates
    FOR EACH ROW EXECUTE FUNCTION templates_refuse_change();
CREATE TRIGGER templates_no_truncate BEFORE TRUNCATE ON templates
    FOR EACH STATEMENT EXECUTE FUNCTION templates_refuse_change();
