import Foundation

/// The progress line shown on standard error for long runs: documents done, megabytes read, speed
/// and, when the input size is known, percent and time left. Redrawn at most every half second,
/// in place (carriage return), and ended with a line feed.
final class ProgressLine {
    private let total: Int?
    private let enabled: Bool
    private let started: Double
    private var lastDraw = 0.0
    private(set) var documents = 0
    private(set) var bytes = 0

    /// - Parameter total: the input size in bytes, when known.
    init(total: Int?, enabled: Bool) {
        self.total = total
        self.enabled = enabled
        started = Self.now()
    }

    /// Records progress and redraws when due.
    func advance(documents d: Int, bytes b: Int) {
        documents += d
        bytes += b
        guard enabled else { return }
        let t = Self.now()
        if t - lastDraw >= 0.5 {
            lastDraw = t
            draw(t)
        }
    }

    /// Draws the final figures and ends the line.
    func finish() {
        guard enabled else { return }
        draw(Self.now())
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ t: Double) {
        let line = Self.format(documents: documents, bytes: bytes, seconds: t - started, total: total)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    /// The text of the line: `1234 docs  56.7 MB  12.3 MB/s  46%  ETA 0:01:14`.
    static func format(documents: Int, bytes: Int, seconds: Double, total: Int?) -> String {
        let mb = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? mb / seconds : 0
        var s = "\(documents) doc\(documents == 1 ? "" : "s")  \(String(format: "%.1f", mb)) MB  \(String(format: "%.1f", rate)) MB/s"
        if let total, total > 0 {
            let fraction = min(1, Double(bytes) / Double(total))
            s += "  \(Int(fraction * 100))%"
            if rate > 0 {
                let left = max(0, Double(total - bytes) / 1_000_000 / rate)
                s += "  ETA " + clock(left)
            }
        }
        return s
    }

    /// h:mm:ss. An ETA from a huge claimed size read slowly can pass `Int.max` seconds: it is
    /// shown as at most 10^15 s (and a NaN as 0).
    static func clock(_ seconds: Double) -> String {
        let n = Int((seconds.isNaN ? 0 : min(max(seconds, 0), 1e15)).rounded())
        return String(format: "%ld:%02ld:%02ld", n / 3600, n / 60 % 60, n % 60)
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
