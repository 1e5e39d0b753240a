import Foundation
import Testing

@testable import ArabicText

/// Errors reading files say what the system says, once, after the file's name.
@Suite struct FileErrorMessageTests {
    @Test func aMissingFileIsNamedWithTheSystemsReason() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarjim-missing-\(UUID().uuidString).txt").path
        #expect(throws: FileBytes.Failure(reason: "No such file or directory")) { try FileBytes.read(URL(fileURLWithPath: path)) }
        let error = try #require(throws: ArabicTextError.self) { try TextDecoder.decode(contentsOf: URL(fileURLWithPath: path)) }
        #expect(error == .unreadable(file: path, reason: "No such file or directory"))
        #expect(error.description == "\(path): error: cannot read: No such file or directory")
        #expect(error.message == "cannot read: No such file or directory")
    }

    @Test func aDirectoryIsNotAFile() {
        let dir = FileManager.default.temporaryDirectory
        #expect(throws: FileBytes.Failure(reason: "it is a directory, not a file")) { try FileBytes.read(dir) }
    }

    /// `message` is `description` without the file's name, for errors that name the file themselves.
    @Test(arguments: [
        (
            ArabicTextError.invalidBytes(file: "a.txt", encoding: .utf8, byteOffset: 4, detail: "not a valid UTF-8 sequence"),
            "a.txt: byte 4: error: invalid UTF-8 input: not a valid UTF-8 sequence",
            "byte 4: invalid UTF-8 input: not a valid UTF-8 sequence"
        ),
        (
            .binaryInput(file: nil, byteOffset: 3), "<stdin>: byte 3: error: NUL byte: this looks like a binary file, not text",
            "byte 3: NUL byte: this looks like a binary file, not text"
        ),
        (
            .unencodable(file: nil, encoding: .windows1256),
            "<stdout>: error: a character has no Windows-1256 byte; cannot write the file in its original encoding",
            "a character has no Windows-1256 byte; cannot write the file in its original encoding"
        ),
        (.transliterationRules(message: "bad rule"), "error: transliteration rules: bad rule", "transliteration rules: bad rule"),
    ])
    func messageIsTheDescriptionWithoutTheFile(_ error: ArabicTextError, _ description: String, _ message: String) {
        #expect(error.description == description)
        #expect(error.message == message)
    }
}
