import COpenBLAS

func _blasCheck() -> Float {
  var a: [Float] = [1, 2]
  var b: [Float] = [3, 4]
  return cblas_sdot(2, &a, 1, &b, 1)
}
