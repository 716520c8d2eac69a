import Obscura

/// A risograph-style grid: two offset ink layers, fluorescent pink and
/// yellow, multiplied on cream paper so that their overlaps print red, under
/// a serif title.
struct Grid: Sketch {
  var settings = Settings(
    paper: .a3, orientation: .portrait, unit: .mm, dpi: 300, seed: 12,
    background: Color(hex: 0xF2EADB),
    parameters: [
      .integer("columns", 11, in: 1...60, summary: "cells across; rows follow the paper's ratio"),
      .number("offset", 3.2, in: 0...12, summary: "misregistration of the pink ink in mm"),
      .text("title", "Grid", summary: "the title above the grid"),
    ])

  func compose(_ poster: inout Poster) throws {
    let columns = try poster.integer("columns")
    let offset = try poster.number("offset")
    let title = try poster.text("title")
    let margin = 22.0
    let top = 92.0
    let cell = (poster.width - 2 * margin) / Double(columns)
    let rows = Int((poster.height - top - margin) / cell)

    /// One ink: a dot or ring per cell, sized by noise, drawn in `color`.
    func ink(_ name: String, _ color: Color, shift: Point, phase: Double) -> Layer {
      .drawing(name, blend: .multiply) { ctx in
        for row in 0..<rows {
          for column in 0..<columns {
            let center = Point(
              x: margin + (Double(column) + 0.5) * cell + shift.x,
              y: top + (Double(row) + 0.5) * cell + shift.y)
            let n = ctx.noise.fractal(Double(column) * 0.23 + phase, Double(row) * 0.23)
            let radius = cell * (0.18 + 0.3 * (n + 1) / 2)
            if ctx.random.bool(0.16) {
              ctx.circle(center: center, radius: radius)
              ctx.stroke(color, StrokeStyle(width: cell * 0.07))
            } else if ctx.random.bool(0.12) {
              let side = radius * 1.6
              ctx.rect(
                Rect(x: center.x - side / 2, y: center.y - side / 2, width: side, height: side))
              ctx.fill(color)
            } else {
              ctx.circle(center: center, radius: radius)
              ctx.fill(color)
            }
          }
        }
      }
    }

    poster.add(ink("Yellow ink", Color(hex: 0xFFD800), shift: Point(x: 0, y: 0), phase: 0))
    poster.add(
      ink("Pink ink", Color(hex: 0xFF48B0), shift: Point(x: offset, y: offset * 0.6), phase: 4.1)
        .opacity(0.92))

    // Hairline frame and column ticks, like a printer's proof.
    poster.add(
      .drawing("Proof marks") { ctx in
        let frame = Rect(
          x: margin, y: top, width: cell * Double(columns), height: cell * Double(rows))
        ctx.rect(frame)
        ctx.stroke(Color(hex: 0x1E1E24), width: 0.25)
        for column in 0...columns {
          let x = margin + Double(column) * cell
          ctx.move(to: Point(x: x, y: top - 4))
          ctx.line(to: Point(x: x, y: top - 1.5))
        }
        ctx.stroke(Color(hex: 0x1E1E24), width: 0.25)
      })

    poster.add(
      .title(
        title, font: Font("EB Garamond", style: .italic), size: 150,
        color: Color(hex: 0x1E1E24), at: .topLeft, margin: 16, tracking: -0.02))
    poster.add(
      .title(
        "\(columns) × \(rows) · two inks · offset \(offset) mm",
        font: Font("Inter", weight: .semibold), size: 8.5, color: Color(hex: 0x1E1E24),
        at: .topRight, margin: 24, tracking: 0.14))
  }
}
