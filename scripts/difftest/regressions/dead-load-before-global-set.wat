;; The first load traps, so the global keeps 0. If the load is lost, the call still traps (at the
;; second, plainly dropped load) with the right message, and only the global shows the difference.
(module
  (memory 1)
  (global (export "g") (mut i32) (i32.const 0))
  (func (export "load-set-load")
    (drop (i32.add (i32.load (i32.const 70000)) (i32.const 1)))
    (global.set 0 (i32.const 1))
    (drop (i32.load (i32.const 70000)))))
