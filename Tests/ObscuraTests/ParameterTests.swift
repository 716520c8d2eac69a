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

  @Test("A value outside an integer's declared range is refused, naming name, value and range")
  func integerRange() throws {
    let ranged = Settings(parameters: [.integer("rings", 28, in: 1...200)])
    #expect(try ranged.applying(parameters: [("rings", "1")]).value(of: "rings") == .integer(1))
    #expect(
      try ranged.applying(parameters: [("rings", "200")]).value(of: "rings") == .integer(200))
    do {
      _ = try ranged.applying(parameters: [("rings", "-5")])
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)"
          == "Parameter 'rings' must be from 1 to 200, but -5 is outside that range.")
    }
    #expect(
      throws: ObscuraError.parameterOutOfRange(name: "rings", value: "201", range: 1...200)
    ) { try ranged.applying(parameters: [("rings", "201")]) }
  }

  @Test("A number's range includes both ends and refuses values past them")
  func numberRange() throws {
    let ranged = Settings(parameters: [.number("psi", 0.7, in: 0...1.5)])
    #expect(try ranged.applying(parameters: [("psi", "1.5")]).value(of: "psi") == .number(1.5))
    #expect(try ranged.applying(parameters: [("psi", "0")]).value(of: "psi") == .number(0))
    do {
      _ = try ranged.applying(parameters: [("psi", "1.6")])
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)" == "Parameter 'psi' must be from 0 to 1.5, but 1.6 is outside that range.")
    }
  }

  @Test("A parameter without a range takes any value of its type")
  func noRange() throws {
    let applied = try settings.applying(parameters: [("count", "-5"), ("density", "-1e6")])
    #expect(applied.value(of: "count") == .integer(-5))
    #expect(applied.value(of: "density") == .number(-1e6))
  }

  @Test("A default outside its own range is reported when the poster is made")
  func defaultOutsideRange() {
    let broken = Settings(parameters: [.integer("rings", 300, in: 1...200)])
    do {
      _ = try Poster(settings: broken, seed: 1)
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)"
          == "Parameter 'rings' declares the default 300, outside its own range 1...200; "
          + "change one of them.")
    }
  }
}
