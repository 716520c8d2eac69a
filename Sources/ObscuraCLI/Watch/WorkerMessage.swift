/// A render the `watch` session asks of its worker process, one JSON line
/// on the worker's stdin.
struct WorkerRequest: Codable {
  /// The compiled plugin to load.
  var plugin: String
  /// The sketch file, as the user named it.
  var sketchPath: String
  /// The sketch type's name.
  var typeName: String
  /// The command line's overrides.
  var request: RenderRequest
}

/// The worker's answer, one JSON line on its protocol channel.
struct WorkerResponse: Codable {
  /// What the render wrote, when it succeeded.
  var result: RenderResult?
  /// The error message, when it failed.
  var error: String?
}
