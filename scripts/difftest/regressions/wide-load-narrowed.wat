;; An i64 load whose last bytes are out of bounds traps even if only its low byte is used.
(module
  (memory 1)
  (func (export "low-byte-of-straddling-load") (result i32)
    (i32.and (i32.wrap_i64 (i64.load (i32.const 65532))) (i32.const 0xff))))
