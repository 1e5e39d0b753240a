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
}
