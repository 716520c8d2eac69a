import Foundation

/// Finds the Obscura checkout (the folder holding `Fonts/`) at run time.
public enum ObscuraRoot {
  /// The environment variable that names the checkout explicitly.
  public static let environmentKey = "OBSCURA_ROOT"

  /// The folder holding `Fonts/`.
  ///
  /// Looks, in order, at `$OBSCURA_ROOT`, every ancestor of the running
  /// executable (`/proc/self/exe`, so a built `obscura` and a test binary
  /// under `.build/` both find their checkout), every ancestor of
  /// `filePath` when given (tests pass `#filePath`), and every ancestor of
  /// the working directory.
  ///
  /// - Throws: ``ObscuraError/fontsFolderMissing(searched:)`` naming where it looked.
  public static func locate(filePath: String? = nil) throws -> String {
    var starts: [String] = []
    if let root = ProcessInfo.processInfo.environment[environmentKey], !root.isEmpty {
      if hasFonts(root) { return root }
      starts.append(root)
    }
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append((exe as NSString).deletingLastPathComponent)
    }
    if let filePath { starts.append((filePath as NSString).deletingLastPathComponent) }
    starts.append(FileManager.default.currentDirectoryPath)

    for start in starts {
      var folder = start
      while true {
        if hasFonts(folder) { return folder }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent == folder || parent.isEmpty { break }
        folder = parent
      }
    }
    throw ObscuraError.fontsFolderMissing(searched: starts)
  }

  private static func hasFonts(_ folder: String) -> Bool {
    var isFolder: ObjCBool = false
    let path = (folder as NSString).appendingPathComponent("Fonts")
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      && isFolder.boolValue
  }
}
