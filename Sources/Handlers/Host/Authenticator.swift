import Shared

/// Finds the API key of a request and checks its scope: the one gate in front of every non-public handler.
enum Authenticator {
    /// The key `Authorization: Bearer …` names, if it exists, is not revoked and allows `scope`.
    static func caller(of request: Request, needing scope: KeyScope, connection: () throws -> Connection) throws
        -> APIKey
    {
        guard let header = request.parameters["HTTP_AUTHORIZATION"], !header.isEmpty else {
            throw APIError.unauthorized("Not authenticated: send Authorization: Bearer <API key>")
        }
        guard let text = bearerToken(header), let token = APIKeyToken(text: text),
            let key = try APIKeyStore(try connection()).authenticate(token)
        else { throw APIError.unauthorized("Invalid API key") }
        guard key.revokedAt == nil else { throw APIError.unauthorized("API key revoked") }
        guard key.allows(scope) else {
            throw APIError.forbidden("This API key lacks the \(scope.rawValue) scope")
        }
        return key
    }

    /// The credentials of `Bearer <token>` (the scheme in any case, as RFC 7235 allows).
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].drop { $0 == " " }
        return token.isEmpty ? nil : String(token)
    }
}
