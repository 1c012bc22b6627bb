;; SIMD loads whose results only feed dead lane arithmetic must still trap out of bounds.
(module
  (memory 8 14)
  (func (export "load8x8_u-trunc") (drop (f32x4.trunc (v128.load8x8_u offset=774912 (i32.const -1520359802)))))
  (func (export "load-add") (drop (i32x4.add (v128.load (i32.const 700000)) (v128.const i64x2 0 0))))
  (func (export "load32_splat-add") (drop (i32x4.add (v128.load32_splat (i32.const 700000)) (v128.const i64x2 0 0))))
  (func (export "load32_lane-add")
    (drop (i32x4.add (v128.load32_lane 0 (i32.const 700000) (v128.const i64x2 0 0)) (v128.const i64x2 0 0))))
  (func (export "load32_zero-add") (drop (i32x4.add (v128.load32_zero (i32.const 700000)) (v128.const i64x2 0 0)))))
