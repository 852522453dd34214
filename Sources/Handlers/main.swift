import Shared
import Logging

#if canImport(Glibc)
import Glibc
#endif

// dataforge-fcgi: serves the API over FastCGI on DATAFORGE_FCGI_SOCKET (or a socket inherited on fd 0 from
// spawn-fcgi), or answers a single request as plain CGI when started without a socket.

let settings = Settings.loadOrExit(program: "dataforge-fcgi")
JSONLogHandler.bootstrap(level: settings.logLevel)
let logger = Logger(label: "dataforge-fcgi")
let dispatcher = RequestDispatcher(router: Routes.router, settings: settings, logger: logger)

if let path = settings.fcgiSocket {
    Signals.block()
    do {
        let socket = try ListeningSocket.open(path: path)
        let status = FastCGIHost(settings: settings, dispatcher: dispatcher, logger: logger)
            .run(listenSocket: socket.descriptor)
        socket.removeIfOwned()
        exit(status)
    } catch {
        logger.critical("cannot start", metadata: ["error": "\(error)"])
        exit(71)
    }
} else if !FastCGI.isCGI {
    Signals.block()
    exit(FastCGIHost(settings: settings, dispatcher: dispatcher, logger: logger).run(listenSocket: 0))
} else {
    CGIRequest.serve(dispatcher: dispatcher, database: DatabaseSession(settings: settings))
}
