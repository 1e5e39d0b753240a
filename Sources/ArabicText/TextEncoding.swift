/// The encodings Tarjim reads. Auto-detection picks one of these; `--encoding` forces one.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1256 = "windows-1256"
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // The standard's name, digits and all (a public case: kept).
    case iso8859_6 = "iso-8859-6"

    /// ICU's converter name.
    var icuName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .windows1256: return "windows-1256"
        case .iso8859_6: return "ISO-8859-6"
        }
    }

    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .windows1256: return "Windows-1256"
        case .iso8859_6: return "ISO-8859-6"
        }
    }

    /// Parses a user-given name, accepting the usual aliases (`cp1256`, `utf8`, `arabic`, ...).
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch n {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be", "utf-16", "utf16": self = .utf16BE
        case "windows-1256", "cp1256", "cp-1256", "win-1256", "1256", "x-cp1256": self = .windows1256
        case "iso-8859-6", "iso8859-6", "iso88596", "arabic", "asmo-708", "ecma-114": self = .iso8859_6
        default: return nil
        }
    }
}
