;; wasm-smith campaign seed 1002094 (shrunk): an out-of-bounds i64.load8_u converted to f64 and truncated back
;; with the result dropped; LLVM folds the conversion's range check, so the trunc kept nothing. Guard mode at -O2
;; returned normally.
(module
  (type (;0;) (func (param f64 f32 f32 f32)))
  (type (;1;) (func (result f32 i32 f32 i64)))
  (type (;2;) (func))
  (memory (;0;) 1 11)
  (global (;0;) (mut externref) ref.null extern)
  (global (;1;) funcref ref.func 0)
  (global (;2;) (mut v128) v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i32) i32.const 0)
  (global (;5;) (mut i32) i32.const 0)
  (global (;6;) (mut i32) i32.const 3)
  (export "F*MP0e" (func 0))
  (export "" (func 1))
  (export "3" (memory 0))
  (export "4" (global 0))
  (export "5" (global 1))
  (export "6" (global 2))
  (export "7" (global 3))
  (export "\u{19d}" (global 4))
  (export "_" (func 2))
  (elem (;0;) declare funcref)
  (func (;0;) (type 1) (result f32 i32 f32 i64)
    unreachable
  )
  (func (;1;) (type 0) (param f64 f32 f32 f32)
    (local i64 f64 v128 f64)
    global.get 6
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 6
    i32.const 1
    i32.sub
    global.set 6
    global.get 0
    elem.drop 0
    local.get 4
    global.get 0
    i32.const -1531722465
    i64.load8_u offset=33556
    f64.convert_i64_u
    f64.nearest
    local.tee 7
    f64.const nan (;=NaN;)
    local.get 7
    local.get 7
    f64.eq
    select
    i64.trunc_f64_u
    local.set 4
    elem.drop 0
    i32.const 0
    i64.load32_u offset=43233 align=1
    i64.extend8_s
    f64.reinterpret_i64
    i32.trunc_sat_f64_u
    i32.ctz
    global.get 5
    i32.xor
    global.set 5
    drop
    global.get 3
    i64.xor
    global.set 3
    drop
  )
  (func (;2;) (type 2))
)
