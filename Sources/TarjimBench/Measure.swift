import Foundation

#if canImport(Glibc)
import Glibc
#endif

enum Measure {
    /// Wall-clock seconds of `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median of `runs` timings.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var t: [Double] = []
        for _ in 0..<runs { t.append(try seconds(body)) }
        return t.sorted()[t.count / 2]
    }

    /// Peak resident set size of this process so far, in MB.
    static var peakRSSMegabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
