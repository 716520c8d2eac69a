import Foundation
import Testing

@testable import Obscura

/// The W3C Compositing and Blending Level 1 blend functions, written out
/// independently of Cairo: B(Cb, Cs) per channel for the separable modes.
private func separable(_ mode: BlendMode, _ cb: Double, _ cs: Double) -> Double {
  func hardLight(_ cb: Double, _ cs: Double) -> Double {
    cs <= 0.5 ? cb * 2 * cs : cb + (2 * cs - 1) - cb * (2 * cs - 1)
  }
  switch mode {
  case .normal: return cs
  case .multiply: return cb * cs
  case .screen: return cb + cs - cb * cs
  case .overlay: return hardLight(cs, cb)
  case .darken: return min(cb, cs)
  case .lighten: return max(cb, cs)
  case .colorDodge:
    if cb == 0 { return 0 }
    if cs == 1 { return 1 }
    return min(1, cb / (1 - cs))
  case .colorBurn:
    if cb == 1 { return 1 }
    if cs == 0 { return 0 }
    return 1 - min(1, (1 - cb) / cs)
  case .hardLight: return hardLight(cb, cs)
  case .softLight:
    if cs <= 0.5 { return cb - (1 - 2 * cs) * cb * (1 - cb) }
    let d = cb <= 0.25 ? ((16 * cb - 12) * cb + 4) * cb : cb.squareRoot()
    return cb + (2 * cs - 1) * (d - cb)
  case .difference: return abs(cb - cs)
  case .exclusion: return cb + cs - 2 * cb * cs
  default: fatalError("not separable")
  }
}

private typealias RGB = (Double, Double, Double)

private func lum(_ c: RGB) -> Double { 0.3 * c.0 + 0.59 * c.1 + 0.11 * c.2 }

private func clipColor(_ c: RGB) -> RGB {
  let l = lum(c)
  let n = min(c.0, c.1, c.2)
  let x = max(c.0, c.1, c.2)
  var r = c
  if n < 0 {
    r = (l + (r.0 - l) * l / (l - n), l + (r.1 - l) * l / (l - n), l + (r.2 - l) * l / (l - n))
  }
  if x > 1 {
    r = (
      l + (r.0 - l) * (1 - l) / (x - l), l + (r.1 - l) * (1 - l) / (x - l),
      l + (r.2 - l) * (1 - l) / (x - l)
    )
  }
  return r
}

private func setLum(_ c: RGB, _ l: Double) -> RGB {
  let d = l - lum(c)
  return clipColor((c.0 + d, c.1 + d, c.2 + d))
}

private func sat(_ c: RGB) -> Double { max(c.0, c.1, c.2) - min(c.0, c.1, c.2) }

private func setSat(_ c: RGB, _ s: Double) -> RGB {
  var values = [c.0, c.1, c.2]
  let order = [0, 1, 2].sorted { values[$0] < values[$1] }
  let (lo, mid, hi) = (order[0], order[1], order[2])
  if values[hi] > values[lo] {
    values[mid] = (values[mid] - values[lo]) * s / (values[hi] - values[lo])
    values[hi] = s
  } else {
    values[mid] = 0
    values[hi] = 0
  }
  values[lo] = 0
  return (values[0], values[1], values[2])
}

/// B(Cb, Cs) for the non-separable modes.
private func nonSeparable(_ mode: BlendMode, _ cb: RGB, _ cs: RGB) -> RGB {
  switch mode {
  case .hue: return setLum(setSat(cs, sat(cb)), lum(cb))
  case .saturation: return setLum(setSat(cb, sat(cs)), lum(cb))
  case .color: return setLum(cs, lum(cb))
  case .luminosity: return setLum(cb, lum(cs))
  default: fatalError("separable")
  }
}

@Suite("Blend modes against the W3C compositing formulas")
struct BlendModeTests {
  static let separables: [BlendMode] = [
    .normal, .multiply, .screen, .overlay, .darken, .lighten, .colorDodge, .colorBurn,
    .hardLight, .softLight, .difference, .exclusion,
  ]
  static let backdrops: [[Int]] = [[51, 128, 204], [230, 20, 100], [0, 255, 64]]
  static let sources: [[Int]] = [[26, 102, 179], [242, 77, 153], [128, 64, 255], [0, 255, 10]]

  /// Composites `source` (alpha `alpha`) with `mode` over opaque `backdrop`; returns RGB bytes.
  private func composite(_ mode: BlendMode, backdrop: [Int], source: [Int], alpha: Int) throws
    -> [Int]
  {
    let b = Color(
      red: Double(backdrop[0]) / 255, green: Double(backdrop[1]) / 255,
      blue: Double(backdrop[2]) / 255)
    let s = Color(
      red: Double(source[0]) / 255, green: Double(source[1]) / 255,
      blue: Double(source[2]) / 255, alpha: Double(alpha) / 255)
    let page = try poster(pixelSettings(width: 2, height: 2, background: b)) { poster in
      poster.add(.fill(.color(s), blend: mode))
    }
    return Array(rgba(try Renderer.rasterize(page), 1, 1).prefix(3))
  }

  /// co = αs · B(Cb, Cs) + (1 − αs) · Cb over an opaque backdrop, as a byte.
  private func expected(_ blended: Double, _ cb: Double, alpha: Int) -> Double {
    let a = Double(alpha) / 255
    return (a * blended + (1 - a) * cb) * 255
  }

  @Test("Separable modes match B(Cb, Cs) within 1/255", arguments: separables)
  func separableModes(mode: BlendMode) throws {
    for backdrop in Self.backdrops {
      for source in Self.sources {
        for alpha in [255, 153] {
          let got = try composite(mode, backdrop: backdrop, source: source, alpha: alpha)
          for c in 0..<3 {
            let cb = Double(backdrop[c]) / 255
            // Cairo premultiplies the colour in 16 bits and keeps the top 8:
            // Cs′ = ⌊(257 Cs · 257 α / 65535) / 256⌋ / α.
            let premultiplied = Double(source[c] * 257 * alpha * 257 / 65535 / 256)
            let cs = premultiplied / Double(alpha)
            let want = expected(separable(mode, cb, cs), cb, alpha: alpha)
            #expect(
              abs(Double(got[c]) - want) <= 1.0,
              "\(mode) Cb=\(backdrop) Cs=\(source) α=\(alpha) channel \(c): got \(got[c]), want \(want)"
            )
          }
        }
      }
    }
  }

  @Test(
    "Non-separable HSL modes match SetLum/SetSat within 2/255",
    arguments: [BlendMode.hue, .saturation, .color, .luminosity])
  func hslModes(mode: BlendMode) throws {
    for backdrop in Self.backdrops {
      for source in Self.sources {
        let got = try composite(mode, backdrop: backdrop, source: source, alpha: 255)
        let cb = (Double(backdrop[0]) / 255, Double(backdrop[1]) / 255, Double(backdrop[2]) / 255)
        let cs = (Double(source[0]) / 255, Double(source[1]) / 255, Double(source[2]) / 255)
        let want = nonSeparable(mode, cb, cs)
        let wanted = [want.0 * 255, want.1 * 255, want.2 * 255]
        for c in 0..<3 {
          #expect(
            abs(Double(got[c]) - wanted[c]) <= 2.0,
            "\(mode) Cb=\(backdrop) Cs=\(source) channel \(c): got \(got[c]), want \(wanted[c])")
        }
      }
    }
  }

  @Test("Layer opacity scales the blended contribution: co = o · B + (1 − o) · Cb")
  func opacity() throws {
    let page = try poster(pixelSettings(width: 2, height: 2, background: Color(white: 0.8))) {
      poster in
      poster.add(.fill(.color(Color(white: 0.5)), blend: .multiply, opacity: 0.5))
    }
    let got = rgba(try Renderer.rasterize(page), 0, 0)
    // 0.5 · (0.8 · 0.5) + 0.5 · 0.8 = 0.6 → 153.
    #expect(abs(got[0] - 153) <= 1)
  }
}
