import Testing

/// `obscura fonts` lists the bundled families first, with their styles.
@Suite("obscura fonts")
struct FontsCommandTests {
  @Test("the bundled families are listed with their styles")
  func bundledFamilies() throws {
    let result = try ObscuraProcess.run(["fonts"], in: ObscuraProcess.repositoryRoot)
    #expect(result.status == 0, "\(result.output)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Bundled (\(ObscuraProcess.repositoryRoot)/Fonts):")
    #expect(lines.contains { $0.hasPrefix("  Bebas Neue ") && $0.contains("Regular") })
    #expect(lines.contains { $0.hasPrefix("  EB Garamond ") && $0.contains("Italic") })
    #expect(lines.contains { $0.hasPrefix("  Inter ") && $0.contains("Bold") })
    #expect(lines.contains { $0.hasPrefix("System (") })
    #expect(lines.allSatisfy { $0.count <= 100 })
  }
}
