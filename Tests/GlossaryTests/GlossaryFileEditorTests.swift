import Foundation
import Testing

@testable import Glossary

@Suite struct GlossaryFileEditorTests {
    /// A fresh folder for one test, removed afterwards.
    final class Scratch {
        let dir: URL
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("tarjim-editor-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: dir) }

        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let p = path(name)
            try Data(bytes).write(to: URL(fileURLWithPath: p))
            return p
        }

        func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        }
    }

    static let text = "# people and places\n\nقلم\tPen\t\t\tterm\n  # indented note\t\nكتاب \tBook\n"

    @Test func addAppendsAndKeepsEveryOtherByte() throws {
        let s = try Scratch()
        let p = try s.write("g.tsv", Array(Self.text.utf8))
        try GlossaryFileEditor.edit(path: p) { try $0.add(GlossaryEntry(arabic: "بيت", english: "House", variants: ["منزل"])) }
        #expect(try s.bytes(p) == Array((Self.text + "بيت\tHouse\t\tمنزل\tterm\n").utf8))
    }

    @Test func removeDropsOneLineAndKeepsEveryOtherByte() throws {
        let s = try Scratch()
        let p = try s.write("g.tsv", Array(Self.text.utf8))
        let removed = try GlossaryFileEditor.edit(path: p) { try $0.remove(arabic: "قلم") }
        #expect(removed.english == "Pen")
        #expect(try s.bytes(p) == Array("# people and places\n\n  # indented note\t\nكتاب \tBook\n".utf8))
    }

    @Test func missingFileIsCreatedWithAHeaderWhenAsked() throws {
        let s = try Scratch()
        let p = s.path("new.tsv")
        try GlossaryFileEditor.edit(path: p, createIfMissing: true) { try $0.add(GlossaryEntry(arabic: "قلم", english: "Pen")) }
        let text = String(decoding: try s.bytes(p), as: UTF8.self)
        #expect(text == GlossaryFileEditor.header + "\nقلم\tPen\t\t\tterm\n")
        #expect(try GlossaryDocument(tsv: text).entries.count == 1)
    }

    @Test func missingFileIsAnErrorOtherwise() throws {
        let s = try Scratch()
        let p = s.path("none.tsv")
        #expect(throws: GlossaryError.unreadable(file: p, reason: "no such file")) {
            try GlossaryFileEditor.edit(path: p) { _ = try $0.remove(arabic: "قلم") }
        }
        #expect(!FileManager.default.fileExists(atPath: p))
    }

    @Test func malformedFileIsNeverRewritten() throws {
        let s = try Scratch()
        let bad = Array("# c\nقلم\tPen\nكتاب\tBook\t\t\tanimal\n".utf8)
        let p = try s.write("bad.tsv", bad)
        var called = false
        #expect(
            throws: GlossaryError.malformed(file: p, line: 3, column: 13, message: "unknown kind 'animal'; use person, place, org or term")
        ) {
            try GlossaryFileEditor.edit(path: p) { doc in
                called = true
                try doc.add(GlossaryEntry(arabic: "بيت", english: "House"))
            }
        }
        #expect(!called)
        #expect(try s.bytes(p) == bad)
    }

    @Test func failedChangeLeavesTheFileAlone() throws {
        let s = try Scratch()
        let p = try s.write("g.tsv", Array(Self.text.utf8))
        let inode = try s.inode(p)
        #expect(throws: GlossaryError.duplicate(file: p, arabic: "قلم", line: 3)) {
            try GlossaryFileEditor.edit(path: p) { try $0.add(GlossaryEntry(arabic: "قلم", english: "Quill")) }
        }
        #expect(try s.bytes(p) == Array(Self.text.utf8))
        #expect(try s.inode(p) == inode)
    }

    @Test func unchangedDocumentIsNotWritten() throws {
        let s = try Scratch()
        let p = try s.write("g.tsv", Array(Self.text.utf8))
        let inode = try s.inode(p)
        try GlossaryFileEditor.edit(path: p) { _ in }
        #expect(try s.inode(p) == inode)
    }

    /// Entries that the TSV cannot hold as given: the edit is refused before anything is written.
    @Test(arguments: [
        ("U+0009 tab in the English term", GlossaryEntry(arabic: "بيت", english: "Ho\tuse")),
        ("U+000A line break in the comment", GlossaryEntry(arabic: "بيت", english: "House", comment: "a\nb")),
        ("';' inside a variant", GlossaryEntry(arabic: "بيت", english: "House", variants: ["منزل;دار"])),
        ("leading '#' in the Arabic term", GlossaryEntry(arabic: "#بيت", english: "House")),
        ("trailing space in the English term", GlossaryEntry(arabic: "بيت", english: "House ")),
    ])
    func entryThatWouldNotReadBackIsRefused(_ what: String, _ entry: GlossaryEntry) throws {
        let s = try Scratch()
        let p = try s.write("g.tsv", Array(Self.text.utf8))
        do {
            try GlossaryFileEditor.edit(path: p) { try $0.add(entry) }
            Issue.record("\(what): written")
        } catch let error as GlossaryError {
            guard case .malformed(let file, _, _, _) = error else {
                Issue.record("\(what): \(error)")
                return
            }
            #expect(file == p)
        }
        #expect(try s.bytes(p) == Array(Self.text.utf8), "\(what)")
    }

    @Test func bomAndCRLFAreKeptWhenTheWholeFileUsesThem() throws {
        let s = try Scratch()
        let p = try s.write("crlf.tsv", [0xEF, 0xBB, 0xBF] + Array("# c\r\nقلم\tPen\r\n".utf8))
        try GlossaryFileEditor.edit(path: p) { try $0.add(GlossaryEntry(arabic: "بيت", english: "House")) }
        #expect(try s.bytes(p) == [0xEF, 0xBB, 0xBF] + Array("# c\r\nقلم\tPen\r\nبيت\tHouse\t\t\tterm\r\n".utf8))
    }

    @Test func mixedLineEndsAreWrittenAsLF() throws {
        let s = try Scratch()
        let p = try s.write("mixed.tsv", Array("# c\r\nقلم\tPen\n".utf8))
        try GlossaryFileEditor.edit(path: p) { try $0.add(GlossaryEntry(arabic: "بيت", english: "House")) }
        #expect(try s.bytes(p) == Array("# c\nقلم\tPen\nبيت\tHouse\t\t\tterm\n".utf8))
    }

    @Test func permissionsAreKept() throws {
        let s = try Scratch()
        let p = try s.write("g.tsv", Array(Self.text.utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: p)
        try GlossaryFileEditor.edit(path: p) { try $0.add(GlossaryEntry(arabic: "بيت", english: "House")) }
        let mode = try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func editThroughASymbolicLinkKeepsTheLink() throws {
        let s = try Scratch()
        let target = try s.write("real.tsv", Array(Self.text.utf8))
        let link = s.path("link.tsv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try GlossaryFileEditor.edit(path: link) { try $0.add(GlossaryEntry(arabic: "بيت", english: "House")) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try s.bytes(target) == Array((Self.text + "بيت\tHouse\t\t\tterm\n").utf8))
    }

    @Test func concurrentEditorsLoseNothing() throws {
        let s = try Scratch()
        let p = s.path("shared.tsv")
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكلمن").map(String.init)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 6) { worker in
            for j in 0..<20 {
                let arabic = "ك" + letters[worker] + letters[j]
                do {
                    try GlossaryFileEditor.edit(path: p, createIfMissing: true) {
                        try $0.add(GlossaryEntry(arabic: arabic, english: "w\(worker) e\(j)"))
                    }
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let d = try GlossaryDocument(contentsOf: URL(fileURLWithPath: p))
        #expect(d.entries.count == 120)
        #expect(Set(d.entries.map(\.english)).count == 120)
        #expect(d.lines.first == .verbatim(GlossaryFileEditor.header))
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}
