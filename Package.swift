// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Obscura",
  products: [
    .library(name: "Obscura", targets: ["Obscura"]),
    .library(name: "StyleGAN", targets: ["StyleGAN"]),
    .executable(name: "obscura", targets: ["ObscuraCLI"]),
  ],
  targets: [
    // C libraries from Debian's -dev packages.
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev"])]
    ),
    .systemLibrary(
      name: "CPango",
      pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"])]
    ),
    .systemLibrary(
      name: "CPNG",
      pkgConfig: "libpng",
      providers: [.apt(["libpng-dev"])]
    ),
    .systemLibrary(
      name: "COpenBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),

    // The StyleGAN engine: checkpoints, tensors, the generator.
    .target(
      name: "StyleGAN",
      dependencies: ["COpenBLAS"],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]
    ),

    // The sketch runtime: paper, layers, drawing, text, export.
    .target(
      name: "Obscura",
      dependencies: ["CCairo", "CPango", "CPNG", "StyleGAN"]
    ),

    // The `obscura` command. It exports its symbols so that sketch plugins,
    // compiled against the Obscura module without linking it, bind to the
    // host's one copy of the runtime.
    .executableTarget(
      name: "ObscuraCLI",
      dependencies: ["Obscura", "StyleGAN"],
      linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
    ),

    .testTarget(name: "StyleGANTests", dependencies: ["StyleGAN"]),
    .testTarget(name: "ObscuraTests", dependencies: ["Obscura"]),
    .testTarget(name: "CLITests", dependencies: ["ObscuraCLI"]),
  ]
)
