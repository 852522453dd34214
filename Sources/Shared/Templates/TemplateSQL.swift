/// Every statement on user templates. Inserts and reads only: the table's triggers refuse changes.
enum TemplateSQL {
    /// Serialises version numbering of one name until commit, so two uploads never compute the same version.
    static let lockName = Statement(
        "TemplateSQL.lockName",
        "SELECT pg_advisory_xact_lock(hashtext('templates:' || $1))")

    /// Inserts the next version of a name: one past its highest stored version, or past `$6` (1 for a
    /// built-in name, whose v1 is in the code) when none is stored; `$7` is the aspect terms object and `$8`
    /// the owning key (NULL: none). Uses the primary key's (name, number).
    static let insertNextVersion = Statement(
        "TemplateSQL.insertNextVersion",
        """
        INSERT INTO templates (name, version_number, kind, description, body, content_hash, aspect_terms, owner_key_id)
        SELECT $1, coalesce(max(version_number), $6) + 1, $2, $3, $4, $5, $7::jsonb, $8
        FROM templates WHERE name = $1
        RETURNING name, version, kind, description, body, aspect_terms, content_hash, created_at
        """)

    /// One version of a name, of owner $3 when given, by the primary key.
    static let findVersion = Statement(
        "TemplateSQL.findVersion",
        """
        SELECT name, version, kind, description, body, aspect_terms, content_hash, created_at
        FROM templates WHERE name = $1 AND version = $2 AND ($3::text IS NULL OR owner_key_id = $3)
        """)

    /// Every stored version, of owner $1 when given, by name and number (the primary key's order).
    static let listAll = Statement(
        "TemplateSQL.listAll",
        """
        SELECT name, version, kind, description, body, aspect_terms, content_hash, created_at
        FROM templates WHERE $1::text IS NULL OR owner_key_id = $1 ORDER BY name, version_number
        """)

    /// The stored version names of one name, of owner $2 when given, oldest first.
    static let listVersions = Statement(
        "TemplateSQL.listVersions",
        """
        SELECT version FROM templates WHERE name = $1 AND ($2::text IS NULL OR owner_key_id = $2)
        ORDER BY version_number
        """)
}
