;; The load comes first, so an out-of-bounds address traps before the division by zero can.
(module
  (memory 1)
  (func (export "load-then-divide") (param i32) (result i32)
    (i32.div_u (i32.load (i32.const 70000)) (local.get 0))))
