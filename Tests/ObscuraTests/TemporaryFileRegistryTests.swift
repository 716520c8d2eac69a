import Foundation
import Testing

@testable import Obscura

@Suite("The registry of temporary files in flight")
struct TemporaryFileRegistryTests {
  @Test("removeAll deletes a registered temporary file and leaves other files")
  func removesRegisteredFile() throws {
    let folder = try temporaryFolder()
    let path = folder + "/.Poster-seed5.pdf.123-456.tmp"
    let kept = folder + "/Poster-seed4.pdf"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("partial".utf8)))
    #expect(FileManager.default.createFile(atPath: kept, contents: Data("done".utf8)))
    let registry = TemporaryFileRegistry()
    #expect(registry.register(path))
    #expect(registry.paths == [path])

    #expect(registry.removeAll() == [path])
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(FileManager.default.fileExists(atPath: kept))

    // The writer unregisters its path when it notices; until then a second
    // pass removes a file it created after the first.
    #expect(FileManager.default.createFile(atPath: path, contents: Data("late".utf8)))
    #expect(registry.removeAll() == [path])
    #expect(!FileManager.default.fileExists(atPath: path))
    registry.unregister(path)
    #expect(registry.paths.isEmpty)
  }

  @Test("A closed registry refuses new paths, and an atomic write into it fails cleanly")
  func closedRegistryRefusesWrites() throws {
    let folder = try temporaryFolder()
    let registry = TemporaryFileRegistry()
    registry.removeAll(closing: true)
    #expect(!registry.register(folder + "/.late.tmp"))

    let path = folder + "/late.png"
    var called = false
    #expect(throws: ObscuraError.interrupted(path: path)) {
      try AtomicFile.write(to: path, registry: registry) { _ in called = true }
    }
    #expect(!called)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  @Test("An atomic write registers its temporary path while writing and not after")
  func atomicWriteRegisters() throws {
    let folder = try temporaryFolder()
    let registry = TemporaryFileRegistry()
    let path = folder + "/Poster-seed1.svg"
    var during: [String] = []
    try AtomicFile.write(to: path, registry: registry) { temporary in
      during = registry.paths
      try "<svg/>".write(toFile: temporary, atomically: false, encoding: .utf8)
    }
    #expect(during.count == 1)
    #expect(during.first?.hasPrefix(folder + "/.Poster-seed1.svg.") == true)
    #expect(during.first?.hasSuffix(".tmp") == true)
    #expect(registry.paths.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["Poster-seed1.svg"])

    // A write that throws is unregistered as well.
    struct Failure: Error {}
    #expect(throws: Failure.self) {
      try AtomicFile.write(to: folder + "/broken.png", registry: registry) { _ in
        throw Failure()
      }
    }
    #expect(registry.paths.isEmpty)
  }

  @Test("removeAll removes registered folders that are empty and keeps the others")
  func removesEmptyFolders() throws {
    let base = try temporaryFolder()
    let registry = TemporaryFileRegistry()
    for name in ["out", "out/posters", "full"] {
      try FileManager.default.createDirectory(
        atPath: base + "/" + name, withIntermediateDirectories: false)
      registry.registerFolder(base + "/" + name)
    }
    #expect(FileManager.default.createFile(atPath: base + "/full/kept.png", contents: Data()))
    registry.removeAll()
    #expect(try FileManager.default.contentsOfDirectory(atPath: base) == ["full"])

    // A folder whose render ended is no longer the registry's to remove.
    try FileManager.default.createDirectory(
      atPath: base + "/done", withIntermediateDirectories: false)
    registry.registerFolder(base + "/done")
    registry.unregisterFolder(base + "/done")
    registry.removeAll()
    #expect(FileManager.default.fileExists(atPath: base + "/done"))
  }
}
