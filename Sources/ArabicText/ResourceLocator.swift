import Foundation

/// Finds the data files Tarjim ships without `Bundle.module` (which stops the process when the
/// resource bundle is not beside the binary). Search order: `$TARJIM_DATA_DIR`, then the SwiftPM
/// resource bundle next to the executable (or test bundle), then `../share/tarjim` next to it.
public enum ResourceLocator {
    /// The directories searched for a module's resources, in order.
    public static func searchPaths(bundleName: String) -> [URL] {
        var dirs: [URL] = []
        if let env = ProcessInfo.processInfo.environment["TARJIM_DATA_DIR"], !env.isEmpty {
            dirs.append(URL(fileURLWithPath: env))
        }
        var bases: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { bases.append(exe.deletingLastPathComponent()) }
        bases.append(Bundle.main.bundleURL)
        for b in Bundle.allBundles where b.bundleURL.pathExtension == "xctest" {
            bases.append(b.bundleURL.deletingLastPathComponent())
        }
        for base in bases {
            dirs.append(base.appendingPathComponent(bundleName + ".resources"))
            dirs.append(base.appendingPathComponent(bundleName + ".bundle"))
            dirs.append(base.appendingPathComponent("../share/tarjim").standardized)
        }
        return dirs
    }

    /// The URL of resource `name` of the module whose SwiftPM bundle is `bundleName`.
    public static func url(for name: String, bundleName: String) throws(ArabicTextError) -> URL {
        let dirs = searchPaths(bundleName: bundleName)
        for d in dirs {
            let u = d.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: u.path) { return u }
        }
        throw .missingResource(name: name, searched: dirs.map(\.path))
    }
}
