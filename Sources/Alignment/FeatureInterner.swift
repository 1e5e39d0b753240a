/// Numbers feature keys in the order they are first seen.
struct FeatureInterner: Sendable {
    private(set) var keys: [String] = []
    private var ids: [String: Int32] = [:]

    var count: Int { keys.count }

    mutating func id(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(keys.count)
        ids[key] = id
        keys.append(key)
        return id
    }

    func existingID(_ key: String) -> Int32? { ids[key] }
}
