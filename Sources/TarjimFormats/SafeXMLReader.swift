import ArabicText
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an XML document into an ``XMLTree`` with Foundation's `XMLParser` (libxml2's SAX parser),
/// safely: shared by the TBX reader and meant for the XLIFF and TMX readers.
///
/// What it refuses, each as a ``FormatError`` with line and column:
/// - a DOCTYPE that declares entities (`.entityDeclaration`), before parsing: this stops external
///   entities (XXE, which can read local files) and entity-expansion bombs ("billion laughs");
///   a DOCTYPE that only names a DTD (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`) is fine and
///   the DTD is never loaded (`shouldResolveExternalEntities = false`);
/// - input that is not UTF-8 (a UTF-16/32 byte order mark, or another declared encoding);
/// - elements nested deeper than ``maxDepth``;
/// - anything libxml2 reports as not well-formed (an undeclared entity, a mismatched tag, a control
///   character, content after the root element, ...).
///
/// ```swift
/// let tree = try SafeXMLReader().read(Array(data), file: "glossary.tbx")
/// print(tree.root.name, tree.root.line, tree.root.column)
/// ```
/// - Complexity: O(n) in the size of the document.
public struct SafeXMLReader: Sendable {
    /// The deepest element nesting accepted (the root is depth 1). libxml2 itself stops at 256.
    public var maxDepth: Int

    public init(maxDepth: Int = 128) {
        self.maxDepth = maxDepth
    }

    /// Parses `text` (as UTF-8).
    public func read(_ text: String, file: String?) throws(FormatError) -> XMLTree {
        try read(Array(text.utf8), file: file)
    }

    /// Reads and parses a file.
    public func read(contentsOf url: URL) throws(FormatError) -> XMLTree {
        let data: Data
        do { data = try FileBytes.read(url) } catch {
            throw .unreadable(file: url.path, line: 0, column: 0, message: "cannot read: \(FileBytes.reason(error))")
        }
        return try read([UInt8](data), file: url.path)
    }

    /// Parses UTF-8 bytes (a UTF-8 byte order mark is allowed).
    public func read(_ bytes: [UInt8], file: String?) throws(FormatError) -> XMLTree {
        let prescan = try XMLPrescan.scan(bytes, file: file)
        let builder = TreeBuilder(bytes: bytes, tagStarts: prescan.tagStarts, file: file, maxDepth: maxDepth)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        parser.delegate = builder
        let ok = parser.parse()
        if let error = builder.error { throw error }
        if !ok {
            let code = (parser.parserError as NSError?)?.code ?? 0
            throw .xml(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1), message: Self.describe(code))
        }
        guard !builder.elements.isEmpty else {
            throw .xml(file: file, line: 1, column: 1, message: "the document has no root element")
        }
        return XMLTree(elements: builder.elements)
    }

    /// libxml2's warnings (XML_WAR_*): reported by the parser, but the document is still well-formed.
    static let warningCodes: Set<Int> = [27, 93, 97, 98, 99, 100, 102, 106, 107]

    /// A readable message for a libxml2 error code (xmlParserErrors).
    static func describe(_ code: Int) -> String {
        let known: [Int: String] = [
            1: "the parser stopped (elements nested too deeply?)",
            3: "no start tag ('<' not found)",
            4: "the document is empty",
            5: "content after the end of the root element",
            6: "invalid hexadecimal character reference",
            7: "invalid decimal character reference",
            8: "invalid character reference",
            9: "a character that XML does not allow (a control character?) or invalid UTF-8",
            23: "an entity reference without ';'",
            26: "a reference to an undeclared entity",
            38: "'<' inside an attribute value",
            39: "an attribute value is not quoted",
            40: "an attribute value is not closed",
            41: "an attribute without a value",
            42: "the same attribute twice",
            45: "a comment is not closed",
            47: "a processing instruction is not closed",
            57: "the XML declaration is not closed",
            61: "the DOCTYPE is not closed",
            63: "a CDATA section is not closed",
            65: "a space is required here",
            68: "a name is required here",
            73: "'>' is required here",
            76: "the end tag does not match the start tag",
            77: "the document ends before every element is closed",
            80: "'--' inside a comment",
            85: "the content is not well balanced",
            86: "extra content",
            201: "an undeclared namespace prefix",
            203: "the same namespaced attribute twice",
        ]
        return "not well-formed XML: " + (known[code] ?? "libxml2 error \(code)")
    }
}

/// The `XMLParser` delegate that builds the flat element list.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var elements: [XMLTree.Element] = []
    var error: FormatError?
    private var stack: [Int] = []
    private var pendingText = ""
    private var nextTag = 0
    private let bytes: [UInt8]
    private let tagStarts: [XMLPrescan.TagStart]
    private let file: String?
    private let maxDepth: Int

    init(bytes: [UInt8], tagStarts: [XMLPrescan.TagStart], file: String?, maxDepth: Int) {
        self.bytes = bytes
        self.tagStarts = tagStarts
        self.file = file
        self.maxDepth = maxDepth
    }

    private func fail(_ parser: XMLParser, _ e: FormatError) {
        if error == nil { error = e }
        parser.abortParsing()
    }

    private func flushText() {
        guard !pendingText.isEmpty, let top = stack.last else {
            pendingText = ""
            return
        }
        elements[top].content.append(.text(pendingText))
        pendingText = ""
    }

    /// Where the element's `<` is: the prescan's next start tag when its name matches, else the
    /// parser's position (which is the end of the start tag).
    private func location(_ parser: XMLParser, qualifiedName: String) -> (Int, Int) {
        let name = Array(qualifiedName.utf8)
        while nextTag < tagStarts.count {
            let t = tagStarts[nextTag]
            nextTag += 1
            let end = t.offset + 1 + name.count
            if end < bytes.count, bytes[(t.offset + 1)..<end].elementsEqual(name),
                [0x20, 0x09, 0x0A, 0x0D, 0x2F, 0x3E].contains(bytes[end])
            {
                return (t.line, t.column)
            }
        }
        return (parser.lineNumber, parser.columnNumber)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String]
    ) {
        guard error == nil else { return }
        flushText()
        let depth = stack.count + 1
        let (line, column) = location(parser, qualifiedName: qName ?? elementName)
        if depth > maxDepth {
            fail(
                parser,
                .xml(file: file, line: line, column: column, message: "elements are nested more than \(maxDepth) levels deep; refused"))
            return
        }
        var attributes = attributeDict
        for key in attributes.keys where key == "xmlns" || key.hasPrefix("xmlns:") { attributes[key] = nil }
        let index = elements.count
        elements.append(
            XMLTree.Element(
                name: elementName, namespace: namespaceURI ?? "", attributes: attributes, line: line, column: column,
                parent: stack.last, depth: depth))
        if let parent = stack.last { elements[parent].content.append(.element(index)) }
        stack.append(index)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard error == nil else { return }
        flushText()
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard error == nil, !stack.isEmpty else { return }
        pendingText += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard error == nil, !stack.isEmpty else { return }
        pendingText += String(decoding: block, as: UTF8.self)
    }

    // Belt and braces: the prescan refuses entity declarations before parsing, so these never fire.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, .entityDeclaration(file: file, line: parser.lineNumber, column: parser.columnNumber))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(parser, .entityDeclaration(file: file, line: parser.lineNumber, column: parser.columnNumber))
    }

    func parser(
        _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
        notationName: String?
    ) {
        fail(parser, .entityDeclaration(file: file, line: parser.lineNumber, column: parser.columnNumber))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        if SafeXMLReader.warningCodes.contains(code) { return }
        guard error == nil else { return }
        error = .xml(
            file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1), message: SafeXMLReader.describe(code))
        parser.abortParsing()
    }
}
