-- The audit log is append-only and tamper-evident: triggers refuse UPDATE, DELETE and TRUNCATE, and each
-- row's hash covers its content and the previous row's hash, so editing or removing a row breaks the chain.

CREATE TABLE audit_log (
    id           bigint      PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text,
    request_id   text,
    details      jsonb       NOT NULL DEFAULT '{}',
    prev_hash    bytea       NOT NULL,
    hash         bytea       NOT NULL
);
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;

-- The one definition of a row's hash, shared by the insert trigger and the verifier.
CREATE FUNCTION audit_log_row_hash(
    prev_hash bytea, id bigint, at timestamptz, actor text, action text, subject_type text,
    subject_id text, request_id text, details jsonb
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(prev_hash || convert_to(
        concat_ws(E'\x1f', id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor, action,
                  subject_type, coalesce(subject_id, ''), coalesce(request_id, ''), details::text),
        'UTF8'))
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Serialise appends until commit, and number rows only once the lock is held, so id order is chain order.
    PERFORM pg_advisory_xact_lock(hashtext('audit_log_chain'));
    NEW.id := nextval('audit_log_id_seq');
    NEW.at := clock_timestamp();
    SELECT hash INTO NEW.prev_hash FROM audit_log ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(NEW.prev_hash, '\x'::bytea);
    NEW.hash := audit_log_row_hash(NEW.prev_hash, NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject_type,
                                   NEW.subject_id, NEW.request_id, NEW.details);
    RETURN NEW;
END
$$;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
