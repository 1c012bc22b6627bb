;; wasm-smith campaign seed 1002672 (shrunk): an out-of-bounds load whose value only chooses an arm whose one
;; 'effect' is i64.trunc_f32_u of a constant, which LLVM folds; the arms merged and the load went. Guard mode at
;; -O2 returned normally.
(module
  (type (;0;) (func (result i32 i32 v128)))
  (type (;1;) (func))
  (table (;0;) 4 97 externref)
  (memory (;0;) 0 5)
  (global (;0;) (mut v128) v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i64) i64.const 0)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i32) i32.const 0)
  (global (;5;) (mut i32) i32.const 3)
  (export "2" (func 0))
  (export "3" (func 1))
  (export "5" (table 0))
  (export "6" (memory 0))
  (export "7" (global 0))
  (export "\u{1c}\u{401}D" (global 1))
  (export "\u{1}" (global 2))
  (export "" (global 3))
  (export "1" (global 4))
  (func (;0;) (type 0) (result i32 i32 v128)
    unreachable
  )
  (func (;1;) (type 0) (result i32 i32 v128)
    (local f64 v128 v128 f64 f64 f64 v128 f64 v128)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    f32.const 0x1.fff8p-136 (;=0.000000000000000000000000000000000000000022957;)
    i32.const 760699724
    i64.load8_s
    i64.const 274877906944
    i64.xor
    i64.ctz
    i32.wrap_i64
    if ;; label = @1
      ref.null func
      v128.const i32x4 0xdf6b8105 0xc9e74e0f 0x7759710b 0x11360736
      f64x2.floor
      local.tee 1
      v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
      local.get 1
      local.get 1
      f64x2.eq
      v128.bitselect
      i64x2.abs
      f32.const -0x1.0275dp-118 (;=-0.000000000000000000000000000000000003038185;)
      i64.trunc_f32_u
      f32.const 0x1.020202p-125 (;=0.000000000000000000000000000000000000023694278;)
      memory.size
      i16x8.splat
      f32.const 0x1.fffffep-96 (;=0.000000000000000000000000000025243547;)
      nop
      local.get 3
      local.tee 0
      f64.floor
      local.tee 5
      f64.const nan (;=NaN;)
      local.get 5
      local.get 5
      f64.eq
      select
      br 0 (;@1;)
      v128.const i32x4 0x72f90697 0x714ea566 0x3fe49156 0x4cc6a404
      f32x4.ceil
      local.tee 6
      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
      local.get 6
      local.get 6
      f32x4.eq
      v128.bitselect
      f32.const 0x1.b12ef8p-85 (;=0.000000000000000000000000043740353;)
      i64.trunc_f32_u
      loop (result v128) ;; label = @2
        global.get 5
        i32.eqz
        if ;; label = @3
          unreachable
        end
        global.get 5
        global.set 5
        f64.const -nan:0xfffffffbfffff (;=NaN;)
        i32.const -1383349277
        f64.convert_i32_u
        local.get 0
        f64.sub
        local.tee 7
        f64.const nan (;=NaN;)
        local.get 7
        local.get 7
        f64.eq
        select
        f64.ne
        if (result v128) ;; label = @3
          i64.const 6148914691236517205
          loop ;; label = @4
            global.get 5
            i32.eqz
            if ;; label = @5
              unreachable
            end
            global.get 5
            i32.const 1
            i32.sub
            global.set 5
            block ;; label = @5
              br 3 (;@2;)
              i32.const 525659950
              i32.clz
              br 1 (;@4;)
              memory.grow
              memory.grow
              i8x16.splat
              i16x8.extadd_pairwise_i8x16_s
              f32x4.trunc
              local.tee 8
              v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
              local.get 8
              local.get 8
              f32x4.eq
              v128.bitselect
              global.get 0
              v128.xor
              global.set 0
            end
          end
          global.get 2
          i64.xor
          global.set 2
          v128.const i32x4 0x4293b0d2 0x270b80d5 0xe1f955fa 0x0380acd3
        else
          v128.const i32x4 0xffffffff 0xffffffdf 0x00000000 0x00000004
        end
      end
      global.get 0
      v128.xor
      global.set 0
      global.get 2
      i64.xor
      global.set 2
      global.get 0
      v128.xor
      global.set 0
      i64.reinterpret_f64
      global.get 3
      i64.xor
      global.set 3
      i32.reinterpret_f32
      global.get 4
      i32.xor
      global.set 4
      global.get 0
      v128.xor
      global.set 0
      i32.reinterpret_f32
      global.get 4
      i32.xor
      global.set 4
      global.get 2
      i64.xor
      global.set 2
      global.get 0
      v128.xor
      global.set 0
      drop
    end
    i32.reinterpret_f32
    global.get 4
    i32.xor
    global.set 4
    i32.const 393584586
    i32.const 959152378
    v128.const i32x4 0xf7ffffff 0xffffffff 0xdfffffff 0xffffffff
  )
  (func (;2;) (type 1))
)
