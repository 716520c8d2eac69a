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
  /// Whether the worker sends progress lines before its answer (`run` shows
  /// them; `watch` does not).
  var reportsProgress: Bool? = nil
}

/// How far a render is, a line the worker sends before its answer.
struct WorkerProgress: Codable {
  /// The fraction done, when known.
  var fraction: Double?
  /// What it is doing ("png layer 2/5 Rings").
  var stage: String
}

/// The worker's answer, one JSON line on its protocol channel.
struct WorkerResponse: Codable {
  /// What the render wrote, when it succeeded.
  var result: RenderResult?
  /// The error message, when it failed.
  var error: String?
  /// Set on a progress line, which is not the answer.
  var progress: WorkerProgress?
}
