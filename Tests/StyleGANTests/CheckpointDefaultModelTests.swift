import Foundation
import Testing

@testable import StyleGAN

@Suite("The default model that ships in Models/")
struct CheckpointDefaultModelTests {
  private let shipped = CheckpointFixtures.repositoryRoot
    .appendingPathComponent("Models/horizons64.safetensors")

  @Test("the shipped model loads without configuration and is horizons64")
  func shippedModelLoads() throws {
    let url = try #require(DefaultModel.url(), "DefaultModel.url() found nothing")
    #expect(url.standardizedFileURL.path == shipped.standardizedFileURL.path)
    let checkpoint = try Checkpoint.load(contentsOf: url)
    #expect(checkpoint.config.family == .styleGAN2)
    #expect(checkpoint.config.resolution == 64)
    #expect(checkpoint.config.numWs == 10)
    #expect(checkpoint.parameterCount == 797_704)
  }

  @Test("the shipped file is exactly what converting horizons64.pkl gives")
  func shippedModelIsTheConversion() throws {
    let pickle = try Checkpoint.load(
      bytes: try CheckpointFixtures.bytes(
        CheckpointFixtures.horizons))
    let converted = pickle.safetensorsBytes(network: .gEma)
    let onDisk = [UInt8](try Data(contentsOf: shipped))
    #expect(converted.count == onDisk.count)
    #expect(converted == onDisk)
  }
}
