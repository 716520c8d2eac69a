import COpenBLAS
import Foundation

/// The engine's calls into OpenBLAS.
enum BLAS {
  /// The number of cores OpenBLAS and the engine's own loops use.
  static let coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// Tells OpenBLAS to use every core; called once before the first product
  /// (`openblas_set_num_threads`).
  static let threadsConfigured: Bool = {
    openblas_set_num_threads(Int32(coreCount))
    return true
  }()

  /// `C = alpha · op(A) · op(B) + beta · C` in row-major order, where
  /// `op(A)` is `m × k` and `op(B)` is `k × n` (`cblas_sgemm`).
  static func sgemm(
    transposeA: Bool = false, transposeB: Bool = false,
    m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    _ = threadsConfigured
    cblas_sgemm(
      CblasRowMajor,
      transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha,
      a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// `y = alpha · A · x + beta · y` for a row-major `m × n` matrix `A`
  /// (`cblas_sgemv`).
  static func sgemv(
    m: Int, n: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, x: UnsafePointer<Float>,
    beta: Float = 0, y: UnsafeMutablePointer<Float>
  ) {
    _ = threadsConfigured
    cblas_sgemv(
      CblasRowMajor, CblasNoTrans, Int32(m), Int32(n), alpha,
      a, Int32(n), x, 1, beta, y, 1)
  }
}
