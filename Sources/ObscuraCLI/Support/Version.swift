import Obscura

/// The version printed by `obscura --version`.
let versionString = obscuraVersion
