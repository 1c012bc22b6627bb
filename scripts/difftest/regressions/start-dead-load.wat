;; A start function whose out-of-bounds load feeds only dead code: instantiation must trap.
(module
  (memory 1)
  (func $start (drop (i64.extend_i32_u (i32.load (i32.const 70000)))))
  (start $start))
