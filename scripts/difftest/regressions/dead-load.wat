;; A load whose result only feeds dead code must still trap out of bounds (guard-page mode at -O2
;; used to let LLVM delete it).
(module
  (memory 1)
  (func (export "dead-load-add")
    (drop (i32.add (i32.load (i32.const 70000)) (i32.const 1)))))
