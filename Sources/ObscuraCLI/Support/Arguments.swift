/// The arguments of one subcommand, consumed as the command reads them.
///
/// Options are `--name value` or `--name=value`; flags are `--name`. After
/// the command has taken what it knows, ``finish()`` rejects anything left.
struct Arguments {
  private var words: [String]

  /// Creates the list from the words after the command's name.
  init(_ words: [String]) {
    self.words = words
  }

  /// Removes and returns every value given for option `--name`.
  mutating func values(_ name: String) throws -> [String] {
    var found: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      if word == "--\(name)" {
        guard index + 1 < words.count, !words[index + 1].hasPrefix("--") else {
          throw UsageError("option --\(name) needs a value")
        }
        found.append(words[index + 1])
        words.removeSubrange(index...index + 1)
      } else if word.hasPrefix("--\(name)=") {
        found.append(String(word.dropFirst(name.count + 3)))
        words.remove(at: index)
      } else {
        index += 1
      }
    }
    return found
  }

  /// Removes and returns the value of option `--name`, if given once.
  mutating func value(_ name: String) throws -> String? {
    let found = try values(name)
    guard found.count <= 1 else {
      throw UsageError("option --\(name) is given \(found.count) times")
    }
    return found.first
  }

  /// Removes flag `--name` and tells whether it was there.
  mutating func flag(_ name: String) -> Bool {
    let before = words.count
    words.removeAll { $0 == "--\(name)" }
    return words.count != before
  }

  /// Removes and returns the arguments that are not options.
  mutating func positionals() -> [String] {
    let found = words.filter { !$0.hasPrefix("--") }
    words.removeAll { !$0.hasPrefix("--") }
    return found
  }

  /// Throws if any argument was not consumed.
  func finish() throws {
    if let unknown = words.first {
      throw UsageError("unknown argument '\(unknown)'")
    }
  }
}
