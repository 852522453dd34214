#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar redrawn in place.
enum ProgressBar {
    static func draw(percent: Int, status: String) {
        let width = 40
        let filled = max(0, min(width, percent * width / 100))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        print("\r\(bar) \(percent)% \(status)    ", terminator: "")
        fflush(nil)  // all streams: Swift 6 cannot name the global stdout safely
    }
}
