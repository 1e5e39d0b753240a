import Testing

@testable import TarjimFormats

@Suite struct CSVTableTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text = "a,\"b, \"\"c\"\"\",\"line 1\r\nline 2\"\r\nد,\"\",e\r\n"
        let records = try CSVTable.parse(text, file: nil)
        #expect(records.count == 2)
        #expect(records[0].fields.map(\.value) == ["a", "b, \"c\"", "line 1\r\nline 2"])
        #expect(records[0].fields.map(\.quoted) == [false, true, true])
        #expect(records[1].fields.map(\.value) == ["د", "", "e"])
        // The second record starts on line 3: the quoted line break counts as a line.
        #expect(records[1].line == 3)
        #expect(records[1].fields[2].column == 6)
    }

    @Test(arguments: [
        ("LF", "x,y\nz,w\n"), ("CRLF", "x,y\r\nz,w\r\n"), ("CR", "x,y\rz,w\r"), ("no final line break", "x,y\r\nz,w"),
    ])
    func lineEndings(_ name: String, _ text: String) throws {
        let records = try CSVTable.parse(text, file: nil)
        #expect(records.map { $0.fields.map(\.value) } == [["x", "y"], ["z", "w"]], "\(name)")
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let records = try CSVTable.parse("\u{FEFF}a,b\n", file: nil)
        #expect(records[0].fields[0].value == "a")
        #expect(records[0].fields[0].column == 1)
    }

    @Test func trailingCommaMakesAnEmptyLastField() throws {
        let records = try CSVTable.parse("a,b,\n", file: nil)
        #expect(records[0].fields.map(\.value) == ["a", "b", ""])
    }

    @Test func columnsCountUnicodeScalars() throws {
        // U+0628 U+0644 is two scalars: the quote after "بل" is at column 3.
        #expect(
            throws: FormatError.csv(
                file: "t.csv", line: 1, column: 3,
                message: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
        ) {
            try CSVTable.parse("بل\"x\n", file: "t.csv")
        }
    }

    @Test func writerQuotesOnlyWhenNeeded() {
        #expect(CSVTable.field("plain") == "plain")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.field(" padded") == "\" padded\"")
        #expect(CSVTable.record(["a", "", "b,c"]) == "a,,\"b,c\"")
        #expect(CSVTable.field("a\"\u{301}") == "\"a\"\"\u{301}\"")
    }

    @Test func writeThenParseIsIdentity() throws {
        // A quote or comma followed by a combining mark is one Character but two scalars: the quote
        // must still be doubled (libFuzzer found `"` + U+0301 written single, ending the field early).
        let rows = [
            ["", "\"", ",", "\r\n", " x ", "نيروبي"], ["a", "b", "c", "d", "e", "f"],
            ["\"\u{301}", "x\"\u{64E}y", ",\u{301}", "\u{301}\"", "\"\u{200D}\"", "\n\u{301}"],
        ]
        let text = rows.map(CSVTable.record).joined(separator: "\r\n") + "\r\n"
        #expect(try CSVTable.parse(text, file: nil).map { $0.fields.map(\.value) } == rows)
    }
}
