@testable import Handlers
import Shared
import Testing

extension RouterTests {
    /// With keys asked for, a request without one is refused before any handler or database work (the test
    /// context's database cannot be reached, so a 401 here proves nothing was looked up).
    @Test(arguments: [
        ("GET", "/api/jobs"), ("GET", "/api/config"), ("POST", "/api/generate"), ("POST", "/api/validate"),
        ("DELETE", "/api/job/3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f"), ("GET", "/api/templates"),
    ])
    func withoutAKeyEveryNonPublicRouteIs401(method: String, path: String) throws {
        let answer = try Self.respond(method, path, body: Self.validBody, environment: ["DATAFORGE_AUTH": "on"])
        #expect(answer.status == 401)
        #expect(answer.body["detail"]?.stringValue?.contains("Authorization: Bearer") == true)
        #expect(answer.response.headers.contains { $0 == ("WWW-Authenticate", "Bearer") })
    }

    @Test func withKeysOffNothingAsksForOne() throws {
        #expect(try Self.respond("POST", "/api/validate", body: Self.validBody).status == 200)
    }

    @Test func healthAndRootStayPublic() throws {
        for path in ["/", "/health"] {
            #expect(try Self.respond("GET", path, environment: ["DATAFORGE_AUTH": "on"]).status == 200)
        }
        // Reaches its handler (which reports the unreachable database) rather than asking for a key.
        #expect(try Self.respond("GET", "/api/health", environment: ["DATAFORGE_AUTH": "on"]).status != 401)
    }

    @Test func everyRouteNeedsTheScopeItsMethodImplies() {
        let open: Set<String> = ["/", "/health", "/api/health"]
        for route in Routes.all {
            let pattern = "/" + route.segments.joined(separator: "/")
            let expected: RouteAccess =
                open.contains(pattern) ? .open
                : pattern.hasPrefix("/api/keys") || pattern.hasPrefix("/api/audit") ? .scope(.admin)
                : .scope(route.method == "GET" ? .read : .write)
            #expect(route.access == expected, "\(route.method) \(pattern)")
        }
    }

    @Test func theBearerSchemeIsReadInAnyCase() {
        #expect(Authenticator.bearerToken("Bearer dfk_a_b") == "dfk_a_b")
        #expect(Authenticator.bearerToken("bearer   dfk_a_b") == "dfk_a_b")
        #expect(Authenticator.bearerToken("Basic dXNlcjpwYXNz") == nil)
        #expect(Authenticator.bearerToken("Bearer") == nil)
    }
}
