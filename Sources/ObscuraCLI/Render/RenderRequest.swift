import Foundation

/// What the command line asks of one render: the overrides of the sketch's
/// settings and where the files go. Shared by `run` and `watch`.
struct RenderRequest: Codable, Equatable {
  /// `--seed N`: replaces the sketch's own seed.
  var seed: UInt64?
  /// The seed used when neither `--seed` nor the sketch gives one.
  var fallbackSeed: UInt64
  /// `--param name=value`, in command-line order.
  var parameters: [Parameter] = []
  /// `--dpi N`.
  var dpi: Double?
  /// `--paper NAME`.
  var paper: String?
  /// `--format png,pdf,svg`; empty means the sketch's own choice.
  var formats: [String] = []
  /// `--out DIR`.
  var outputFolder: String?
  /// `--layers`: also write each layer on its own and a comparison sheet.
  var layers = false
  /// `--preview`: a quick PNG at screen resolution.
  var preview = false

  /// One `--param name=value`.
  struct Parameter: Codable, Equatable {
    var name: String
    var value: String
  }

  /// The usage lines of the options this type reads.
  static let optionsUsage = """
      --seed N             seed for randomness and generated images (random if the
                           sketch sets none; the seed used is printed)
      --param NAME=VALUE   override a parameter the sketch declares (repeatable)
      --dpi N              resolution (the sketch draws in its own units)
      --paper NAME         paper size: a0…a6, b0…b6, letter, legal, tabloid, or
                           a custom size such as 300x400mm
      --format LIST        comma-separated: png, pdf, svg
      --out DIR            output folder (default: the current folder)
      --layers             also write every layer on its own and a layer sheet
      --preview            a quick PNG preview at screen resolution
    """

  /// Reads the options from `arguments`, leaving the rest.
  init(_ arguments: inout Arguments) throws {
    if let text = try arguments.value("seed") {
      guard let value = UInt64(text) else {
        throw UsageError("--seed expects a whole number from 0 to \(UInt64.max), not '\(text)'")
      }
      seed = value
    }
    fallbackSeed = UInt64.random(in: 0..<(1 << 32))
    for text in try arguments.values("param") {
      guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
        throw UsageError("--param expects NAME=VALUE, not '\(text)'")
      }
      let name = String(text[..<equals])
      let value = String(text[text.index(after: equals)...])
      parameters.append(Parameter(name: name, value: value))
    }
    if let text = try arguments.value("dpi") {
      guard let value = Double(text), value.isFinite, value > 0 else {
        throw UsageError("--dpi expects a positive number, not '\(text)'")
      }
      dpi = value
    }
    paper = try arguments.value("paper")
    if let text = try arguments.value("format") {
      formats = text.split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
      }
      let valid = ["png", "pdf", "svg"]
      if let unknown = formats.first(where: { !valid.contains($0) }) {
        throw UsageError("unknown format '\(unknown)' in --format; use png, pdf or svg")
      }
    }
    outputFolder = try arguments.value("out")
    layers = arguments.flag("layers")
    preview = arguments.flag("preview")
  }
}
