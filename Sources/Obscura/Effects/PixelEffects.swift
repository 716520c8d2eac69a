import Foundation

/// Applies a layer's ``Effect`` list to its pixels.
enum PixelEffects {
  /// Applies `effects` in order to `surface` (premultiplied ARGB32).
  ///
  /// - Parameters:
  ///   - geometry: Converts blur radii and grain sizes from sketch units to pixels.
  ///   - seed: Seeds the grain, so the same poster gets the same grain.
  ///   - origin: The surface's top-left pixel on the page, so grain is the
  ///     same wherever the processed region starts.
  static func apply(
    _ effects: [Effect], to surface: CairoSurface, origin: (x: Int, y: Int) = (0, 0),
    geometry: PageGeometry, seed: UInt64
  ) throws {
    for (index, effect) in effects.enumerated() {
      switch effect {
      case .blur(let radius):
        try GaussianBlur.apply(to: surface, sigma: radius * geometry.pixelsPerUnit)
      case .grain(let grain):
        applyGrain(
          grain, to: surface, origin: origin, geometry: geometry, seed: seed &+ UInt64(index))
      case .grade(let grade):
        applyGrade(grade, to: surface)
      }
    }
  }

  /// Adds grain: each channel c′ (premultiplied) gains n · amount · α, clamped
  /// to 0…α, where n is a zero-mean, unit-variance value (the sum of four
  /// uniforms, centred and scaled by √3) hashed from the grain cell and seed.
  static func applyGrain(
    _ grain: Grain, to surface: CairoSurface, origin: (x: Int, y: Int), geometry: PageGeometry,
    seed: UInt64
  ) {
    surface.flush()
    let (width, height, stride) = (surface.width, surface.height, surface.stride)
    let data = surface.data
    let cell = max(1, (grain.size ?? 0) * geometry.pixelsPerUnit)
    let amount = Float(grain.amount)
    let bands = bandCount(height)
    parallelFor(bands) { band in
      for y in (band * height / bands)..<((band + 1) * height / bands) {
        let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        let cy = UInt64(Double(y + origin.y) / cell)
        for x in 0..<width {
          let word = row[x]
          let a = word >> 24
          guard a > 0 else { continue }
          let cx = UInt64(Double(x + origin.x) / cell)
          var hash = mixBits(seed ^ (cy &* 0x9E37_79B9_7F4A_7C15) ^ (cx &* 0xC2B2_AE3D_27D4_EB4F))
          func gaussianish() -> Float {
            var sum: Float = 0
            for _ in 0..<4 {
              sum += Float(hash & 0xFFFF) / 65535
              hash >>= 16
            }
            hash = mixBits(hash ^ seed)
            return (sum - 2) * 1.732_050_8
          }
          let n0 = gaussianish()
          let n1 = grain.monochrome ? n0 : gaussianish()
          let n2 = grain.monochrome ? n0 : gaussianish()
          let fa = Float(a)
          func shift(_ value: UInt32, _ n: Float) -> UInt32 {
            UInt32(max(0, min(fa, Float(value) + n * amount * fa)).rounded())
          }
          let r = shift((word >> 16) & 0xFF, n0)
          let g = shift((word >> 8) & 0xFF, n1)
          let b = shift(word & 0xFF, n2)
          row[x] = a << 24 | r << 16 | g << 8 | b
        }
      }
    }
    surface.markDirty()
  }

  /// Applies levels, saturation and the gradient map to straight colour, then
  /// premultiplies again. Saturation: c′ = L + s (c − L) with L the Rec. 709
  /// luma; gradient map: c″ = c′ + amount · (G(L′) − c′).
  static func applyGrade(_ grade: ColorGrade, to surface: CairoSurface) {
    surface.flush()
    let (width, height, stride) = (surface.width, surface.height, surface.stride)
    let data = surface.data
    let levels = (0..<256).map { Float(grade.levels.apply(Double($0) / 255)) }
    let map: [Color]? = grade.gradientMap.map { g in (0..<256).map { g.color(at: Double($0) / 255) }
    }
    let saturation = Float(grade.saturation)
    let amount = Float(grade.gradientMapAmount)
    let bands = bandCount(height)
    parallelFor(bands) { band in
      for y in (band * height / bands)..<((band + 1) * height / bands) {
        let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        for x in 0..<width {
          let word = row[x]
          let a = word >> 24
          guard a > 0 else { continue }
          func straight(_ v: UInt32) -> Int { Int(min(255, (v * 255 + a / 2) / a)) }
          var r = levels[straight((word >> 16) & 0xFF)]
          var g = levels[straight((word >> 8) & 0xFF)]
          var b = levels[straight(word & 0xFF)]
          if saturation != 1 {
            let l = 0.2126 * r + 0.7152 * g + 0.0722 * b
            r = l + saturation * (r - l)
            g = l + saturation * (g - l)
            b = l + saturation * (b - l)
          }
          if let map {
            let l = 0.2126 * r + 0.7152 * g + 0.0722 * b
            let c = map[Int((min(max(l, 0), 1) * 255).rounded())]
            r += amount * (Float(c.red) - r)
            g += amount * (Float(c.green) - g)
            b += amount * (Float(c.blue) - b)
          }
          let fa = Float(a)
          func premultiplied(_ v: Float) -> UInt32 { UInt32((min(max(v, 0), 1) * fa).rounded()) }
          row[x] = a << 24 | premultiplied(r) << 16 | premultiplied(g) << 8 | premultiplied(b)
        }
      }
    }
    surface.markDirty()
  }
}

extension Levels {
  /// The levels curve for one value v in 0…1 (formula on ``Levels``).
  func apply(_ v: Double) -> Double {
    let span = max(inWhite - inBlack, 1e-6)
    let t = min(max((v - inBlack) / span, 0), 1)
    return outBlack + (outWhite - outBlack) * pow(t, 1 / max(gamma, 1e-6))
  }
}

/// A 64-bit finaliser (SplitMix64's) used to hash grain cells.
func mixBits(_ value: UInt64) -> UInt64 {
  var z = value &+ 0x9E37_79B9_7F4A_7C15
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}
