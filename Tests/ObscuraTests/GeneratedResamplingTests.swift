import Foundation
import Testing

@testable import Obscura

@Suite("Resampling generated images to poster pixels")
struct GeneratedResamplingTests {
  /// An opaque image whose pixel (x, y) has grey level `level(x, y)`.
  private func grey(_ width: Int, _ height: Int, _ level: (Int, Int) -> UInt8) throws
    -> RasterImage
  {
    var bytes = [UInt8](repeating: 255, count: width * height * 4)
    for y in 0..<height {
      for x in 0..<width {
        let v = level(x, y)
        let i = (y * width + x) * 4
        bytes[i] = v
        bytes[i + 1] = v
        bytes[i + 2] = v
      }
    }
    return try RasterImage(width: width, height: height, rgba: bytes)
  }

  @Test("a flat image stays exactly flat under Lanczos, at every output pixel")
  func flatStaysFlat() throws {
    let colour: [UInt8] = [37, 181, 222, 255]
    let source = try RasterImage(
      width: 7, height: 5, rgba: Array([[UInt8]](repeating: colour, count: 35).joined()))
    let out = try Resampler(filter: .lanczos).resample(source, toWidth: 301, height: 173)
    #expect(out.width == 301 && out.height == 173)
    for pixel in 0..<out.width * out.height {
      let p = Array(out.rgba[pixel * 4..<pixel * 4 + 4])
      if p != colour {
        Issue.record("pixel \(pixel) is \(p), expected \(colour)")
        return
      }
    }
  }

  @Test("a step edge enlarged with Lanczos never leaves the source's range")
  func stepEdgeHasNoOvershoot() throws {
    // Left half 40, right half 200: plain Lanczos-3 rings below 40 and above 200.
    let source = try grey(8, 4) { x, _ in x < 4 ? 40 : 200 }
    let out = try Resampler(filter: .lanczos).resample(source, toWidth: 160, height: 20)
    let row = (0..<out.width).map { out.rgba[($0 + 10 * out.width) * 4] }
    #expect(row.min() == 40)
    #expect(row.max() == 200)
    // Flat on both sides of the edge, away from it: exactly the source values.
    #expect(row[0..<60].allSatisfy { $0 == 40 })
    #expect(row[100...].allSatisfy { $0 == 200 })
    // And monotonic across the edge.
    #expect(zip(row, row.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test("every Lanczos output lies within its 2 × 2 source neighbourhood")
  func outputWithinNeighbourhood() throws {
    var random = SeededRandom(seed: 7)
    let source = try grey(9, 7) { _, _ in UInt8(random.integer(in: 0...255)) }
    let (width, height) = (117, 61)
    let out = try Resampler(filter: .lanczos).resample(source, toWidth: width, height: height)
    for y in 0..<height {
      for x in 0..<width {
        let cx = (Double(x) + 0.5) * 9 / Double(width) - 0.5
        let cy = (Double(y) + 0.5) * 7 / Double(height) - 0.5
        let xs = [Int(cx.rounded(.down)), Int(cx.rounded(.down)) + 1].map { min(max($0, 0), 8) }
        let ys = [Int(cy.rounded(.down)), Int(cy.rounded(.down)) + 1].map { min(max($0, 0), 6) }
        let around = ys.flatMap { sy in xs.map { sx in source.rgba[(sy * 9 + sx) * 4] } }
        let v = out.rgba[(y * width + x) * 4]
        guard v >= around.min()! && v <= around.max()! else {
          Issue.record("(\(x), \(y)) = \(v) outside \(around)")
          return
        }
      }
    }
  }

  @Test("nearest neighbour gives exact blocks of each source pixel")
  func nearestGivesBlocks() throws {
    let source = try grey(4, 3) { x, y in UInt8(10 * (y * 4 + x) + 5) }
    let out = try Resampler(filter: .nearest).resample(source, toWidth: 32, height: 24)
    for y in 0..<24 {
      for x in 0..<32 {
        let expected = UInt8(10 * ((y / 8) * 4 + x / 8) + 5)
        #expect(out.rgba[(y * 32 + x) * 4] == expected)
      }
    }
  }

  @Test("Lanczos keeps a smooth ramp within half a level of the linear ramp")
  func rampStaysLinear() throws {
    // Levels 0, 16, 32, … 240 along x; enlarged 8× the interior follows the line.
    let source = try grey(16, 2) { x, _ in UInt8(16 * x) }
    let out = try Resampler(filter: .lanczos).resample(source, toWidth: 128, height: 16)
    for x in 24..<104 {
      let position = (Double(x) + 0.5) / 8 - 0.5
      let value = Double(out.rgba[(8 * 128 + x) * 4])
      #expect(abs(value - 16 * position) <= 0.5 + 1e-9, "x = \(x): \(value)")
    }
  }

  @Test("a window is the same pixels as the corresponding part of the whole image")
  func windowMatchesWhole() throws {
    var random = SeededRandom(seed: 3)
    let source = try grey(6, 6) { _, _ in UInt8(random.integer(in: 0...255)) }
    let resampler = Resampler(filter: .lanczos)
    let whole = try resampler.resample(source, toWidth: 90, height: 90)
    let window = Resampler.Window(x: 17, y: 40, width: 31, height: 9)
    let part = try resampler.resample(source, toWidth: 90, height: 90, window: window)
    for y in 0..<9 {
      for x in 0..<31 {
        let a = part.rgba[(y * 31 + x) * 4]
        let b = whole.rgba[((y + 40) * 90 + x + 17) * 4]
        #expect(a == b)
      }
    }
  }

  @Test("the Lanczos-3 kernel is 1 at 0, 0 at the other integers and past 3")
  func kernelValues() {
    #expect(ResamplingTaps.lanczos3(0) == 1)
    for x in [1.0, 2, -1, -2, 3, 3.5, -4] {
      #expect(abs(ResamplingTaps.lanczos3(x)) < 1e-12)
    }
    // L(½) = 3 sin(π/2) sin(π/6) / (π/2)² = 6 / π².
    #expect(abs(ResamplingTaps.lanczos3(0.5) - 6 / (Double.pi * Double.pi)) < 1e-12)
  }
}
