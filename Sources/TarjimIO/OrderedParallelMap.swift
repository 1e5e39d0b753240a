import Foundation

/// Maps a stream of work items on several threads and hands the results back in input order, with
/// at most `window` items read but not yet consumed (bounded memory however long the stream).
///
/// The calling thread reads the items (`next`) and consumes the results (`consume`); `jobs` worker
/// threads run `transform`, each passing its own worker number (0..<jobs) so it can keep per-thread
/// state. With `jobs` 1 everything runs on the calling thread, in order. The first error (from
/// reading, a transform, in input order, or consuming) stops the run and is rethrown once the
/// workers have stopped; results after it are not consumed.
///
/// ```swift
/// var items = [3, 1, 2].makeIterator()
/// try OrderedParallelMap.run(jobs: 2, next: { items.next() }, transform: { _, n in n * 10 }, consume: { print($0) })
/// // 30, 10, 20
/// ```
/// - Complexity: O(n) items; memory O(`window`) items and results.
public enum OrderedParallelMap {
    public static func run<Item: Sendable, Result: Sendable>(
        jobs: Int, window: Int? = nil, next: () throws -> Item?, transform: @escaping @Sendable (_ worker: Int, Item) throws -> Result,
        consume: (Result) throws -> Void
    ) throws {
        try run(jobs: jobs, window: window, next: next, transform: transform, consumeInPlace: { try consume($0) })
    }

    /// `run(jobs:window:next:transform:consume:)`, handing each result to `consumeInPlace` as its
    /// only owner: a result changed there is changed in place (its arrays are not copied first).
    public static func run<Item: Sendable, Result: Sendable>(
        jobs: Int, window: Int? = nil, next: () throws -> Item?, transform: @escaping @Sendable (_ worker: Int, Item) throws -> Result,
        consumeInPlace consume: (inout Result) throws -> Void
    ) throws {
        if jobs <= 1 {
            while let item = try next() {
                var result = try transform(0, item)
                try consume(&result)
            }
            return
        }
        let state = State<Item, Result>()
        let group = DispatchGroup()
        for w in 0..<jobs {
            group.enter()
            let t = Thread {
                state.work(worker: w, transform)
                group.leave()
            }
            t.stackSize = 8 << 20
            t.start()
        }
        defer {
            state.stop()
            group.wait()
        }
        let limit = max(window ?? 2 * jobs, jobs)
        var sent = 0
        var received = 0
        var exhausted = false
        while true {
            if !exhausted && sent - received < limit {
                if let item = try next() {
                    state.submit(item, sequence: sent)
                    sent += 1
                    continue
                }
                exhausted = true
            }
            if received == sent { return }
            var result = try state.result(received).get()
            try consume(&result)
            received += 1
        }
    }

    /// The queue of items and the results, behind one condition variable.
    private final class State<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [(Int, Item)] = []
        private var done: [Int: Swift.Result<Result, any Error>] = [:]
        private var stopped = false

        func submit(_ item: Item, sequence: Int) {
            condition.lock()
            pending.append((sequence, item))
            condition.signal()
            condition.unlock()
        }

        func result(_ sequence: Int) -> Swift.Result<Result, any Error> {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let r = done.removeValue(forKey: sequence) { return r }
                condition.wait()
            }
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        func work(worker: Int, _ transform: (Int, Item) throws -> Result) {
            while true {
                condition.lock()
                while pending.isEmpty && !stopped { condition.wait() }
                if stopped {
                    condition.unlock()
                    return
                }
                // Removed at once (at most `window` are waiting): an item kept in the queue after it
                // is taken would hold its memory until the queue is compacted.
                let (sequence, item) = pending.removeFirst()
                condition.unlock()
                let r = Swift.Result { try transform(worker, item) }
                condition.lock()
                done[sequence] = r
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
