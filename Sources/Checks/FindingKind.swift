/// What a finding is about. The raw values are the public names used in the JSON report.
public enum FindingKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// One glossary name written in more than one way (or in a listed non-canonical way) in the scope.
    case variantSpelling = "variant-spelling"
    /// A word that is no listed spelling but that the fuzzy matcher takes for a glossary name.
    case garbledName = "garbled-name"
    /// A name in no glossary, spelt in two or more ways that share a phonetic key.
    case unknownNameVariants = "unknown-name-variants"
    /// Bidi controls, zero-width characters, mixed Arabic/Persian letter forms, tatweel, presentation forms.
    case hiddenCharacter = "hidden-character"
    /// A glossary term in the Arabic side whose English is not in the English side.
    case missingTerm = "missing-term"
    /// One name rendered in different English spellings, or not as the glossary has it.
    case englishNameVariants = "english-name-variants"
    /// A number of the Arabic side that is not in the English side.
    case numberMismatch = "number-mismatch"
    /// Arabic left in the English side, or an English side that is empty or identical to the Arabic.
    case untranslated
    /// One source translated in different ways, or one translation used for different sources.
    case inconsistentTranslation = "inconsistent-translation"

    /// Whether the kind comes from the Arabic sources alone (checks 1-4) or from pairs (5-9).
    public var isMonolingual: Bool {
        switch self {
        case .variantSpelling, .garbledName, .unknownNameVariants, .hiddenCharacter: return true
        default: return false
        }
    }

    /// Kinds whose findings depend on the whole scope (they are recomputed from the scope's
    /// observations when reports are merged); the others are decided occurrence by occurrence.
    public var isScopeWide: Bool {
        switch self {
        case .variantSpelling, .garbledName, .unknownNameVariants, .englishNameVariants, .inconsistentTranslation: return true
        case .hiddenCharacter, .missingTerm, .numberMismatch, .untranslated: return false
        }
    }

    /// The order of the cases above.
    public static func < (a: FindingKind, b: FindingKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
