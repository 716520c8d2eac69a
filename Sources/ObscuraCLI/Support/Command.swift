import Foundation

/// One subcommand of `obscura`.
protocol Command {
  /// The word that selects the command: `run`, `info`, ….
  static var name: String { get }

  /// One line for the command list.
  static var summary: String { get }

  /// The usage text printed by `obscura help NAME` and on a usage error.
  static var usage: String { get }

  /// Runs the command; throws to report a failure.
  ///
  /// - Parameter arguments: The arguments after the command's name.
  static func run(_ arguments: inout Arguments) throws
}

/// Turns the command line into a command, and errors into a message on
/// stderr and an exit status.
enum CommandLineTool {
  /// Runs the command named by `argv[1]` and returns the exit status.
  static func main(_ argv: [String], commands: [any Command.Type]) -> Int32 {
    let words = Array(argv.dropFirst())
    guard let first = words.first, !["-h", "--help", "help"].contains(first) || words.count > 1
    else {
      print(overview(commands))
      return 0
    }
    if first == "--version" {
      print("obscura \(versionString)")
      return 0
    }
    let name = first == "help" ? words[1] : first
    guard let command = commands.first(where: { $0.name == name }) else {
      Diagnostics.error(
        "unknown command '\(name)'. Commands: "
          + commands.map { $0.name }.joined(separator: ", "))
      return 64
    }
    if first == "help" || words.dropFirst().contains(where: { $0 == "-h" || $0 == "--help" }) {
      print(command.usage)
      return 0
    }
    do {
      var arguments = Arguments(Array(words.dropFirst()))
      try invoke(command, &arguments)
      return 0
    } catch let error as UsageError {
      Diagnostics.error("\(error.message)\n\n\(command.usage)")
      return 64
    } catch let error as ExitStatus {
      return error.status
    } catch {
      Diagnostics.error(String(describing: error))
      return 1
    }
  }

  /// Calls a command through its concrete type.
  private static func invoke<C: Command>(_ command: C.Type, _ arguments: inout Arguments) throws {
    try C.run(&arguments)
  }

  static func overview(_ commands: [any Command.Type]) -> String {
    var lines = [
      "obscura \(versionString): poster sketches with drawing, StyleGAN and type", "",
      "Commands:",
    ]
    let width = commands.map { $0.name.count }.max() ?? 0
    for command in commands {
      let padding = String(repeating: " ", count: width - command.name.count)
      lines.append("  \(command.name)\(padding)  \(command.summary)")
    }
    lines.append("")
    lines.append("Run 'obscura help COMMAND' for a command's options.")
    return lines.joined(separator: "\n")
  }
}

/// A mistake in the command line; printed with the command's usage.
struct UsageError: Error, CustomStringConvertible {
  var message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

/// Ends the command with a status after the command has already reported
/// what went wrong.
struct ExitStatus: Error {
  var status: Int32
}
