;; An 8-byte load that crosses the end of memory, of which only the low 4 bytes are used: LLVM may
;; narrow it to a 4-byte load that stays in bounds. It must trap.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1)
  (func (export "_start")
    (drop (i32.wrap_i64 (i64.load (i32.const 65532))))
    (i32.store (i32.const 0) (i32.wrap_i64 (i64.load (i32.const 65532))))
    (call $exit (i32.const 42))))
