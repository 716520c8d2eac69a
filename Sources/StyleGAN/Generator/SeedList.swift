import Foundation

/// A list of seeds as the official scripts take them: numbers and inclusive
/// ranges separated by commas, `0,3,10-12`.
public struct SeedList: Sendable, Equatable, Sequence {
  /// The ranges in the order given.
  public var ranges: [ClosedRange<UInt32>]

  /// Parses `text`; every seed must be a whole number from 0 to 2^32 − 1 and
  /// every range must run upwards.
  ///
  /// - Throws: ``StyleGANError/invalidSeed(_:)`` naming the bad item, or
  ///   ``StyleGANError/reversedSeedRange(_:)`` for a range like `5-2`.
  public init(parsing text: String) throws {
    var ranges: [ClosedRange<UInt32>] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let item = item.trimmingCharacters(in: .whitespaces)
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
      guard bounds.count == 1 || bounds.count == 2,
        let low = Self.seed(bounds[0]),
        let high = bounds.count == 2 ? Self.seed(bounds[1]) : low
      else {
        throw StyleGANError.invalidSeed(item.isEmpty ? text : item)
      }
      guard low <= high else {
        throw StyleGANError.reversedSeedRange(item)
      }
      ranges.append(low...high)
    }
    self.ranges = ranges
  }

  /// The number of seeds, counting repeats.
  public var count: Int {
    ranges.reduce(0) { $0 + $1.count }
  }

  /// The seeds in order.
  public func makeIterator() -> FlattenSequence<[ClosedRange<UInt32>]>.Iterator {
    ranges.joined().makeIterator()
  }

  /// A whole number in 0…2^32 − 1 written in decimal digits, or nil.
  private static func seed(_ text: Substring) -> UInt32? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return nil
    }
    return UInt32(text)
  }
}
