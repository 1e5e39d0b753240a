import ArabicText
import Testing

@testable import Alignment

@Suite struct NameSkeletonTests {
    @Test(arguments: [
        ("ترامب", "Trump"), ("بلينكن", "Blinken"), ("فيسبوك", "Facebook"), ("بريكست", "Brexit"), ("واشنطن", "Washington"),
        ("كوربين", "Corbyn"), ("بيلوسي", "Pelosi"), ("حداد", "Haddad"), ("منصور", "Mansour"), ("للعقبة", "Aqaba"),
        ("وتاتشر", "Thatcher"), ("جونسون", "Johnson"), ("تيريزا", "Theresa"),
    ])
    func arabicMeetsEnglish(_ arabic: String, _ english: String) {
        let a = Set(NameSkeleton.arabic(key: Normalizer.key(arabic)))
        let e = Set(NameSkeleton.english(english))
        #expect(!a.isDisjoint(with: e), "\(arabic) \(a.sorted()) vs \(english) \(e.sorted())")
    }

    @Test func unrelatedNamesDiffer() {
        let a = Set(NameSkeleton.arabic(key: Normalizer.key("بلينكن")))
        #expect(a.isDisjoint(with: NameSkeleton.english("Lavrov")))
        #expect(a.isDisjoint(with: NameSkeleton.english("Macron")))
    }

    @Test func variantsAreBounded() {
        #expect(NameSkeleton.english("Thththththth").count <= NameSkeleton.maxVariants)
    }
}

@Suite struct NameSkeletonCodeTests {
    @Test(arguments: ["بلينكن", "وبلينكن", "فالرئيس", "كيشيدا", "المنظمة", "ترامب", "وشنطن", "سسسس", "ا", "كتبه"])
    func packedCodesAreThoseOfTheSkeletons(_ word: String) {
        let key = MatchingKey(word).scalars
        #expect(NameSkeleton.arabicCodes(keyScalars: key) == NameSkeleton.arabicVariants(keyScalars: key).map(NameSkeleton.code))
    }
}
