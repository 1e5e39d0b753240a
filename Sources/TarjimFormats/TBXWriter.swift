import Glossary

/// Writes glossary entries as TBX v2 or v3 (the mapping is in ``GlossaryTBX``).
struct TBXWriter {
    let version: GlossaryTBX.Version

    private var entryName: String { version == .v3 ? "conceptEntry" : "termEntry" }
    private var langName: String { version == .v3 ? "langSec" : "langSet" }
    private var termName: String { version == .v3 ? "termSec" : "tig" }

    static let preferred = "preferredTerm-admn-sts"
    static let admitted = "admittedTerm-admn-sts"
    static let deprecated = "deprecatedTerm-admn-sts"

    func write(_ entries: [GlossaryEntry]) throws(FormatError) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        switch version {
        case .v2:
            if entries.isEmpty {
                throw .unwritable(
                    file: nil, line: 0, column: 0,
                    message: "TBX v2 cannot hold an empty glossary (its <body> needs at least one <termEntry>)")
            }
            out += """
                <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
                <martif type="TBX" xml:lang="en">
                  <martifHeader>
                    <fileDesc>
                      <sourceDesc>
                        <p>Tarjim glossary</p>
                      </sourceDesc>
                    </fileDesc>
                    <encodingDesc>
                      <p type="XCSURI">TBXXCSV02.xcs</p>
                    </encodingDesc>
                  </martifHeader>

                """
        case .v3:
            out += """
                <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" \
                type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
                <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" \
                type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
                <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="\(GlossaryTBX.v3Namespace)">
                  <tbxHeader>
                    <fileDesc>
                      <sourceDesc>
                        <p>Tarjim glossary</p>
                      </sourceDesc>
                    </fileDesc>
                  </tbxHeader>

                """
        }
        if entries.isEmpty {
            out += "  <text/>\n"
        } else {
            out += "  <text>\n    <body>\n"
            for (i, e) in entries.enumerated() {
                try check(e, number: i + 1)
                writeEntry(e, id: "e\(i + 1)", to: &out)
            }
            out += "    </body>\n  </text>\n"
        }
        out += version == .v3 ? "</tbx>\n" : "</martif>\n"
        return out
    }

    private func writeEntry(_ e: GlossaryEntry, id: String, to out: inout String) {
        out += "      <\(entryName) id=\"\(id)\">\n"
        if e.kind != .term {
            out += "        <descrip type=\"subjectField\">\(e.kind.rawValue)</descrip>\n"
        }
        if !e.comment.isEmpty {
            out += "        <note>\(XMLEscaping.text(e.comment))</note>\n"
        }
        out += "        <\(langName) xml:lang=\"ar\">\n"
        writeTerm(e.arabic, status: Self.preferred, to: &out)
        for v in e.variants { writeTerm(v, status: Self.deprecated, to: &out) }
        out += "        </\(langName)>\n"
        out += "        <\(langName) xml:lang=\"en\">\n"
        writeTerm(e.english, status: nil, to: &out)
        for v in e.englishVariants { writeTerm(v, status: Self.admitted, to: &out) }
        out += "        </\(langName)>\n"
        out += "      </\(entryName)>\n"
    }

    private func writeTerm(_ term: String, status: String?, to out: inout String) {
        out += "          <\(termName)><term>\(XMLEscaping.text(term))</term>"
        if let status { out += "<termNote type=\"administrativeStatus\">\(status)</termNote>" }
        out += "</\(termName)>\n"
    }

    /// Refuses what TBX cannot carry or what would not read back as the same entry.
    private func check(_ e: GlossaryEntry, number: Int) throws(FormatError) {
        func fail(_ offset: Int, _ message: String) -> FormatError {
            .unwritable(file: nil, line: number, column: offset + 1, message: "entry \(number) (\(e.arabic)): \(message)")
        }
        let fields: [(String, String)] =
            [("Arabic term", e.arabic), ("English term", e.english), ("comment", e.comment)]
            + e.variants.map { ("Arabic variant", $0) } + e.englishVariants.map { ("English variant", $0) }
        for (what, value) in fields {
            if let (i, v) = GlossaryFields.firstNonXML(in: value) {
                throw fail(i, "\(what) contains \(GlossaryFields.codePoint(v)), which XML 1.0 does not allow")
            }
            if what != "comment" && GlossaryFields.trimmed(value).isEmpty { throw fail(0, "empty \(what)") }
        }
    }
}
