import Foundation
import Testing

@testable import Obscura

@Suite("The output folder is created only for files that get written")
struct OutputFolderTests {
  init() { useRepositoryFonts() }

  private let settings = Settings(
    paper: .custom(width: 20, height: 10, unit: .mm), orientation: .landscape, dpi: 72,
    seed: 1)

  private func render(
    into folder: String, formats: [ExportFormat] = [.png],
    _ body: @escaping (inout Poster) throws -> Void
  ) throws -> RenderResult {
    try Renderer.render(
      sketch: ClosureSketch(settings, body),
      options: RenderOptions(sketchName: "Probe", formats: formats, outputDirectory: folder))
  }

  @Test("A missing image fails before the folder (or its missing parent) is created")
  func missingImageCreatesNothing() throws {
    let base = try temporaryFolder()
    #expect(throws: ObscuraError.self) {
      try render(into: base + "/out/posters") { $0.add(.image("/nowhere/sky.png")) }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: base).isEmpty)
  }

  @Test("A layer failing while a PDF is drawn removes the folder the render created")
  func failureInsideExportRemovesCreatedFolder() throws {
    let base = try temporaryFolder()
    struct Broken: Error {}
    #expect(throws: ObscuraError.self) {
      try render(into: base + "/out/posters", formats: [.pdf]) { poster in
        poster.add(.drawing("Broken") { _ in throw Broken() })
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: base).isEmpty)
  }

  @Test("A folder that already existed stays, and so does one holding a written file")
  func keepsFoldersWithFiles() throws {
    let existing = try temporaryFolder()
    struct Broken: Error {}
    #expect(throws: ObscuraError.self) {
      try render(into: existing, formats: [.pdf]) { poster in
        poster.add(.drawing("Broken") { _ in throw Broken() })
      }
    }
    #expect(FileManager.default.fileExists(atPath: existing))

    // The PNG is written, then the layer fails in the PDF: the PNG stays.
    let base = try temporaryFolder()
    let calls = Counter()
    #expect(throws: ObscuraError.self) {
      try render(into: base + "/out", formats: [.png, .pdf]) { poster in
        poster.add(
          .drawing("Second time fails") { ctx in
            calls.value += 1
            if calls.value > 1 { throw Broken() }
            ctx.fill(ctx.bounds, .black)
          })
      }
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: base + "/out") == ["Probe-seed1.png"])
  }

  @Test("A successful render creates the missing folders")
  func successCreatesFolders() throws {
    let base = try temporaryFolder()
    let result = try render(into: base + "/out/posters") { poster in
      poster.add(.drawing("Square") { ctx in ctx.fill(ctx.bounds, .red) })
    }
    #expect(result.files.map { $0.path } == [base + "/out/posters/Probe-seed1.png"])
    #expect(FileManager.default.fileExists(atPath: base + "/out/posters/Probe-seed1.png"))
  }

  @Test("Parents of relative, absolute and one-letter paths")
  func parents() {
    #expect(OutputFolder.parent(of: "o") == ".")
    #expect(OutputFolder.parent(of: "out/") == ".")
    #expect(OutputFolder.parent(of: "a/b") == "a")
    #expect(OutputFolder.parent(of: "a/b//") == "a")
    #expect(OutputFolder.parent(of: "/o") == "/")
    #expect(OutputFolder.parent(of: "/") == "/")
    #expect(OutputFolder.parent(of: "/tmp/x/y") == "/tmp/x")
  }

  @Test("An output path that is a file is refused before anything is drawn")
  func fileInTheWay() throws {
    let base = try temporaryFolder()
    #expect(FileManager.default.createFile(atPath: base + "/taken", contents: Data()))
    #expect(
      throws: ObscuraError.outputNotWritable(
        path: base + "/taken/posters", reason: "it does not exist and cannot be created")
    ) {
      try render(into: base + "/taken/posters") { _ in }
    }
  }
}

/// A count shared with a drawing closure.
private final class Counter: @unchecked Sendable {
  var value = 0
}
