import Shared

#if canImport(Glibc)
import Glibc
#endif

/// The pool's unix socket: created at start, and removed at exit only if it is still the one we created.
///
/// Another pool may have replaced the path meanwhile; unlinking its socket would cut it off from nginx.
struct ListeningSocket {
    let path: String
    let descriptor: Int32
    private let inode: UInt

    /// Opens the socket, replacing a stale one but refusing to take over a live one.
    static func open(path: String) throws(SocketError) -> ListeningSocket {
        if isLive(path) { throw SocketError(message: "another process is listening on \(path)") }
        unlink(path)
        let descriptor = FastCGI.openSocket(path: path, backlog: 1024)
        guard descriptor >= 0 else { throw SocketError(message: "cannot listen on \(path) (errno \(errno))") }
        // nginx workers run as another user.
        chmod(path, 0o666)
        var info = stat()
        stat(path, &info)
        return ListeningSocket(path: path, descriptor: descriptor, inode: UInt(info.st_ino))
    }

    /// Removes the socket file if it is still ours.
    func removeIfOwned() {
        var info = stat()
        if stat(path, &info) == 0, UInt(info.st_ino) == inode { unlink(path) }
    }

    private static func isLive(_ path: String) -> Bool {
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard probe >= 0 else { return false }
        defer { close(probe) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }
}

/// The socket could not be opened.
struct SocketError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
