/// Rewrites the compiler's output so that it speaks of the user's file only.
enum CompilerDiagnostics {
  /// Replaces the generated wrapper's locations with the sketch type's
  /// declaration line, and the absolute sketch path with the path the user
  /// gave.
  ///
  /// The compiler reports a sketch type that does not conform to `Sketch` in
  /// the wrapper; the user should see it at their own declaration.
  static func rewrite(_ output: String, source: SketchSource, wrapper: String) -> String {
    let declaration =
      source.text.split(separator: "\n", omittingEmptySubsequences: false)
      .dropFirst(source.typeLine - 1).first.map(String.init) ?? ""
    var lines: [String] = []
    var wrapperContext = 0
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      var text = String(line)
      if text.hasPrefix(wrapper + ":") {
        // "<wrapper>:L:C: error: …" becomes "<file>:<decl line>:1: error: …",
        // followed by the declaration in place of the wrapper's source line.
        let rest = text.dropFirst(wrapper.count + 1)
        let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        let message = parts.count == 3 ? String(parts[2]) : String(rest)
        lines.append("\(source.path):\(source.typeLine):1:\(message)")
        lines.append(declaration)
        lines.append("^")
        wrapperContext = 2
        continue
      }
      if wrapperContext > 0 {
        // The wrapper's source line, then its caret line (spaces, ^ and ~).
        wrapperContext -= 1
        let isCaret = !text.isEmpty && text.allSatisfy { " ^~".contains($0) }
        if wrapperContext == 1 || isCaret { continue }
        wrapperContext = 0
      }
      if text.hasPrefix(source.absolutePath + ":") {
        text = source.path + text.dropFirst(source.absolutePath.count)
      }
      lines.append(text)
    }
    return lines.joined(separator: "\n")
  }
}
