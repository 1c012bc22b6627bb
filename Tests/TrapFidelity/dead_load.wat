;; A load whose value only feeds dead code: LLVM deletes the load. It must trap before proc_exit.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory 1)
  (func (export "_start")
    (drop (i32.add (i32.load (i32.const 70000)) (i32.const 1)))
    (call $exit (i32.const 42))))
