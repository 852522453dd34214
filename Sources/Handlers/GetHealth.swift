import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /api/health`: real checks — the database answers, consumers heartbeat, the queue depth.
///
/// `healthy` needs the database and at least one live consumer; without consumers jobs would wait forever,
/// so that is `degraded`; without the database `unhealthy` (503).
struct GetHealth: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var body: JSONObject = [
            "status": "unhealthy", "timestamp": .string(RFC3339.format(.now)),
            "version": .string(ServiceInfo.version), "redis_connected": false,
        ]
        body["provider"] = ["name": .string(context.settings.provider), "model": .string(context.settings.model),
                            "configured": true]
        do {
            let start = ContinuousClock.now
            let connection = try context.connection()
            let alive = try ConsumerStore(connection).countAlive(within: context.settings.consumerStaleSeconds)
            let depth = try JobStore(connection).depth()
            let elapsed = (ContinuousClock.now - start).milliseconds
            body["database"] = ["connected": true, "latency_ms": .double(elapsed)]
            body["consumers"] = ["alive": .int(alive)]
            body["queue"] = [
                "available": .int(depth.available), "scheduled": .int(depth.scheduled), "running": .int(depth.running),
            ]
            body["status"] = alive > 0 ? "healthy" : "degraded"
            return .json(.object(body))
        } catch {
            context.logger.warning("health check failed", metadata: ["error": "\(error.debugDescription)"])
            body["database"] = ["connected": false]
            return .json(.object(body), status: 503)
        }
    }
}
