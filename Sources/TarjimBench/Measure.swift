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

    /// CPU seconds (user + system) this process spends in `body`. On a shared, loaded machine this
    /// is what one core would take, where wall time also counts the waits for a core.
    static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
        let start = cpuTime
        try body()
        return cpuTime - start
    }

    /// The median of `runs` CPU timings.
    static func medianCPU(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var t: [Double] = []
        for _ in 0..<runs { t.append(try cpuSeconds(body)) }
        return t.sorted()[t.count / 2]
    }

    static var cpuTime: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    /// Peak resident set size of this process so far, in MB.
    static var peakRSSMegabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
