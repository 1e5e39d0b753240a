import Testing

@testable import Drafting

/// `MTEngine` talks to an engine one line per sentence.
@Suite struct MTEngineTests {
    /// A line feed or carriage return inside a sentence is sent as a space, also before a combining
    /// mark (Foundation's replacingOccurrences compares composed characters and kept "\n" + fatha,
    /// which sent two lines for one sentence and put the answers out of step).
    @Test func lineBreaksInsideASentenceAreSentAsSpaces() throws {
        let engine = try MTEngine(command: "cat", timeout: 10)
        let sentences = ["قال\n\u{64E}الوزير", "وصل\r\u{651}الوفد", "انتهى"]
        #expect(try engine.translate(sentences) == ["قال \u{64E}الوزير", "وصل \u{651}الوفد", "انتهى"])
    }

    /// A timeout too long for a deadline (`.infinity`, 1e300 s: past 2262, where
    /// `NSCondition.wait(until:)` traps) waits as long as it takes; NaN and one below zero do not
    /// wait (and do not trap either).
    @Test(arguments: [Double.infinity, 1e300, 1e10])
    func hugeTimeoutWaitsForTheAnswer(_ timeout: Double) throws {
        let engine = try MTEngine(command: "cat", timeout: timeout)
        #expect(try engine.translate(["قال الوزير إن المحادثات مستمرة."]) == ["قال الوزير إن المحادثات مستمرة."])
    }

    @Test(arguments: [Double.nan, -Double.infinity, -1e300])
    func timeoutWithoutAWaitTimesOut(_ timeout: Double) throws {
        let engine = try MTEngine(command: "sleep 5", timeout: timeout)
        #expect(throws: DraftError.self) { try engine.translate(["انتهى"]) }
    }

    /// An engine gone before it read everything (exited, or killed after a timeout) leaves the
    /// writer thread an EPIPE, not a SIGPIPE that ends the process: this test process does not
    /// ignore SIGPIPE as the CLI does. (The writer races the engine's end: the timeout test above
    /// stopped the whole test run with signal 13 in CI now and then.)
    @Test func anEngineGoneBeforeReadingIsAnErrorNotASignal() throws {
        // About 500 KB: more than a pipe holds, so the writer is still writing when the engine goes.
        let sentences = Array(repeating: String(repeating: "قال الوزير إن المحادثات مستمرة. ", count: 40), count: 200)
        let exits = try MTEngine(command: "exit 0", timeout: 10)
        #expect(throws: DraftError.self) { try exits.translate(sentences) }
        let killed = try MTEngine(command: "sleep 5", timeout: -1)
        #expect(throws: DraftError.self) { try killed.translate(sentences) }
    }
}
