/// An XML document as read by ``SafeXMLReader``: its elements in document order, each with its name,
/// namespace, attributes, location and content (text runs and child elements, in order).
///
/// Elements are stored flat and refer to each other by index, so neither building, walking nor
/// freeing a deeply nested document recurses.
///
/// ```swift
/// let tree = try SafeXMLReader().read("<a><b x=\"1\">hi</b></a>", file: nil)
/// let b = tree.children(of: tree.rootIndex)[0]
/// tree[b].attributes["x"]   // "1"
/// tree.text(of: b)          // "hi"
/// ```
public struct XMLTree: Sendable, Equatable {
    /// One piece of an element's content.
    public enum Content: Sendable, Equatable {
        /// Character data (entity references such as `&amp;` already replaced; CDATA included).
        case text(String)
        /// A child element, by index into ``elements``.
        case element(Int)
    }

    /// One element.
    public struct Element: Sendable, Equatable {
        /// The local name (`term` for `<tbx:term>`).
        public var name: String
        /// The namespace URI, "" when the element is in no namespace.
        public var namespace: String
        /// Attributes by qualified name as written (`id`, `type`, `xml:lang`). Namespace declarations
        /// (`xmlns`, `xmlns:p`) are not attributes here.
        public var attributes: [String: String]
        /// 1-based line of the `<` that opens the element.
        public var line: Int
        /// 1-based column (in Unicode scalars) of that `<`.
        public var column: Int
        /// The parent's index, nil for the root.
        public var parent: Int?
        /// Nesting depth: 1 for the root.
        public var depth: Int
        /// Text runs and child elements in document order.
        public var content: [Content]

        public init(
            name: String, namespace: String, attributes: [String: String], line: Int, column: Int, parent: Int?, depth: Int,
            content: [Content] = []
        ) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.line = line
            self.column = column
            self.parent = parent
            self.depth = depth
            self.content = content
        }
    }

    /// Every element in document order; the root is the first.
    public internal(set) var elements: [Element]

    init(elements: [Element]) {
        self.elements = elements
    }

    /// The root element's index (always 0: a tree has at least its root).
    public var rootIndex: Int { 0 }

    /// The root element.
    public var root: Element { elements[0] }

    public subscript(index: Int) -> Element { elements[index] }

    /// The indices of the element's child elements, in order.
    public func children(of index: Int) -> [Int] {
        elements[index].content.compactMap { if case .element(let i) = $0 { return i } else { return nil } }
    }

    /// The child elements with this local name and namespace, in order.
    public func children(of index: Int, named name: String, namespace: String) -> [Int] {
        children(of: index).filter { elements[$0].name == name && elements[$0].namespace == namespace }
    }

    /// All character data inside the element, its descendants' included, in document order.
    ///
    /// - Complexity: O(size of the subtree); iterative, so deep nesting cannot overflow the stack.
    public func text(of index: Int) -> String {
        var out = ""
        // A stack of (element, next content position).
        var stack: [(Int, Int)] = [(index, 0)]
        while let (e, pos) = stack.popLast() {
            let content = elements[e].content
            if pos >= content.count { continue }
            stack.append((e, pos + 1))
            switch content[pos] {
            case .text(let s): out += s
            case .element(let child): stack.append((child, 0))
            }
        }
        return out
    }
}
