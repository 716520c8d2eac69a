import Testing

@testable import Obscura

@Suite("Typed parameters and command-line overrides")
struct ParameterTests {
  let settings = Settings(parameters: [
    .number("density", 0.5), .integer("count", 12), .bool("grid", true),
    .text("title", "Not today"), .color("ink", Color(hex: 0x102030)),
  ])

  @Test("Overrides parse as the declared type")
  func overrides() throws {
    let applied = try settings.applying(
      seed: 85,
      parameters: [
        ("density", "0.75"), ("count", "3"), ("grid", "no"), ("title", "Hi"),
        ("ink", "#FF000080"),
      ])
    #expect(applied.seed == 85)
    #expect(applied.value(of: "density") == .number(0.75))
    #expect(applied.value(of: "count") == .integer(3))
    #expect(applied.value(of: "grid") == .bool(false))
    #expect(applied.value(of: "title") == .text("Hi"))
    #expect(
      applied.value(of: "ink") == .color(Color(red: 1, green: 0, blue: 0, alpha: 128.0 / 255)))
  }

  @Test("An unknown parameter lists the declared ones")
  func unknownParameter() {
    do {
      _ = try settings.applying(parameters: [("densty", "1")])
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)"
          == "Unknown parameter 'densty'. The sketch declares: density, count, grid, title, ink.")
    }
  }

  @Test("A value of the wrong type names the expected type")
  func wrongType() {
    do {
      _ = try settings.applying(parameters: [("count", "many")])
      Issue.record("expected an error")
    } catch {
      #expect("\(error)" == "Parameter 'count' expects an integer, but 'many' is not one.")
    }
    #expect(
      throws: ObscuraError.wrongParameterType(
        name: "ink", value: "red", expected: "a colour (#RRGGBB or #RRGGBBAA)")
    ) {
      try settings.applying(parameters: [("ink", "red")])
    }
  }

  @Test("The poster reads parameters by type and refuses the wrong type")
  func posterAccess() throws {
    let poster = try Poster(settings: settings, seed: 3)
    #expect(try poster.number("density") == 0.5)
    #expect(try poster.number("count") == 12)
    #expect(try poster.integer("count") == 12)
    #expect(try poster.bool("grid"))
    #expect(try poster.text("title") == "Not today")
    #expect(try poster.color("ink") == Color(hex: 0x102030))
    #expect(
      throws: ObscuraError.parameterTypeMismatch(
        name: "title", requested: "a number", declared: "text")
    ) { try poster.number("title") }
    #expect(throws: ObscuraError.self) { try poster.text("missing") }
  }

  @Test("A name declared twice is refused")
  func duplicates() {
    let twice = Settings(parameters: [.number("a", 1), .bool("a", true)])
    #expect(throws: ObscuraError.duplicateParameter("a")) { try twice.applying() }
  }

  @Test("Colours parse from #RRGGBB and #RRGGBBAA and print back")
  func colors() throws {
    #expect(try Color(hex: "#336699").hexString == "#336699")
    #expect(try Color(hex: "33669980").hexString == "#33669980")
    #expect(throws: ObscuraError.invalidColor("#12345")) { try Color(hex: "#12345") }
  }
}
