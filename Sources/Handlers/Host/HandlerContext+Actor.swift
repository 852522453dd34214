import Shared

extension HandlerContext {
    /// Who the audit trail and `created_by` name for this request: `key:<id>` for a keyed caller, so a row
    /// says which key acted; `api` when the API asks for no key.
    var actor: String {
        caller.map { "key:\($0.id)" } ?? "api"
    }
}
