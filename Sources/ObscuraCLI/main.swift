import Foundation

/// The subcommands of `obscura`, each a type in `Commands/`.
let commands: [any Command.Type] = [
  RunCommand.self,
  WatchCommand.self,
  NewCommand.self,
  FontsCommand.self,
  GenerateCommand.self,
  InfoCommand.self,
  ConvertCommand.self,
  BenchmarkCommand.self,
]

exit(CommandLineTool.main(CommandLine.arguments, commands: commands))
