import Shared
import Logging

#if canImport(Glibc)
import Glibc
#endif

// dataforge-consumer: claims jobs from the PostgreSQL queue and runs their pipelines until SIGTERM.

let settings = Settings.loadOrExit(program: "dataforge-consumer")
JSONLogHandler.bootstrap(level: settings.logLevel)
StopSignal.install()

var hostBuffer = [CChar](repeating: 0, count: 256)
gethostname(&hostBuffer, hostBuffer.count - 1)
let host = String(decoding: hostBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
let consumerID = "\(host)-\(getpid())-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
var logger = Logger(label: "dataforge-consumer")
logger[metadataKey: "consumer_id"] = .string(consumerID)

let connection: Connection
do {
    connection = try Connection(
        conninfo: settings.consumerDatabaseURL, applicationName: "dataforge-consumer",
        settings: ["statement_timeout": "\(settings.consumerStatementTimeoutSeconds)s"])
    try ConsumerStore(connection).register(
        id: consumerID, host: host, pid: Int(getpid()), queues: settings.consumerQueues)
    try connection.listen(JobStore.notificationChannel)
    try connection.listen(JobStore.cancelChannel)
    for (target, limits) in settings.rateLimits.entries {
        try RateBudgetStore(connection).configure(provider: target.provider, model: target.model, limits: limits)
    }
} catch {
    logger.critical("cannot reach the database", metadata: ["error": "\(error.debugDescription)"])
    exit(69)
}

logger.info("consumer started", metadata: ["queues": "\(settings.consumerQueues.joined(separator: ","))"])
ClaimLoop(
    consumerID: consumerID, host: host, pid: Int(getpid()), settings: settings, connection: connection, logger: logger
).run()
exit(0)
