#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to stderr before logging is set up (bad configuration at start).
public func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}
