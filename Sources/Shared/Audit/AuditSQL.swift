/// Every statement on the audit log. Appends only: the table's triggers refuse anything else.
enum AuditSQL {
    /// Appends one entry; the trigger numbers it and chains its hash to the previous entry's.
    static let append = Statement(
        "AuditSQL.append",
        """
        INSERT INTO audit_log (actor, action, subject_type, subject_id, request_id, details)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb)
        """)

    /// Entries in id order after id $7, at most $8, filtered by actor $1 (a trailing `*` matches a prefix,
    /// `consumer:*`), action $2, subject type $3 and id $4, and time [$5, $6); a NULL filter is no filter.
    static let list = Statement(
        "AuditSQL.list",
        """
        SELECT id, jsonb_build_object(
                   'id', id, 'at', api_time(at), 'actor', actor, 'action', action, 'target_type', subject_type,
                   'target', subject_id, 'request_id', request_id, 'details', details,
                   'chain', chain, 'prev_hash', encode(prev_hash, 'hex'), 'hash', encode(hash, 'hex')) AS entry
        FROM audit_log
        WHERE ($1::text IS NULL OR actor = $1
               OR (right($1, 1) = '*' AND starts_with(actor, left($1, -1))))
          AND ($2::text IS NULL OR action = $2)
          AND ($3::text IS NULL OR subject_type = $3)
          AND ($4::text IS NULL OR subject_id = $4)
          AND ($5::timestamptz IS NULL OR at >= $5)
          AND ($6::timestamptz IS NULL OR at < $6)
          AND id > coalesce($7::bigint, 0)
        ORDER BY id
        LIMIT $8
        """)

    /// Walks every chain (sql/0018) in id order: each row's hash must be its content's (`audit_log_row_hash`,
    /// sql/0004) and its prev_hash the hash of the previous row of its chain, the first row's empty. Returns
    /// the row count and the first row by id that fails either check, if any (NULL columns when every chain
    /// holds). Ids may have gaps (a rolled-back append burns one); a removed row shows as the next row's
    /// prev_hash mismatch.
    static let verify = Statement(
        "AuditSQL.verify",
        """
        WITH walked AS (
            SELECT id, chain, at, prev_hash, hash,
                   coalesce(lag(hash) OVER (PARTITION BY chain ORDER BY id), '\\x'::bytea) AS expected_prev,
                   audit_log_row_hash(prev_hash, id, at, actor, action, subject_type, subject_id, request_id,
                                      details) AS computed
            FROM audit_log
        ), broken AS (
            SELECT id, chain, api_time(at) AS at, CASE WHEN computed <> hash THEN 'hash' ELSE 'prev_hash' END AS reason,
                   encode(hash, 'hex') AS stored_hash, encode(computed, 'hex') AS computed_hash,
                   encode(prev_hash, 'hex') AS stored_prev_hash, encode(expected_prev, 'hex') AS expected_prev_hash
            FROM walked
            WHERE computed <> hash OR prev_hash <> expected_prev
            ORDER BY id
            LIMIT 1
        )
        SELECT (SELECT count(*) FROM walked) AS rows, broken.*
        FROM (SELECT) AS one LEFT JOIN broken ON true
        """)
}
