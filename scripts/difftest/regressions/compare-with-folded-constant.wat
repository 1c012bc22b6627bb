;; wasm-smith campaign seed 1006001 (shrunk): an out-of-bounds i64.load16_u whose value reaches a store only through
;; f64.ge with f64.promote_f32 of a constant, a constant to LLVM, which folded the compare; the load went. Guard mode
;; at -O2 ran into the fuel trap (unreachable) instead.
(module
  (type (;0;) (func (param i32 funcref) (result v128)))
  (type (;1;) (func))
  (table (;0;) 0 25 funcref)
  (memory (;0;) 14 14)
  (global (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut v128) v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i32) i32.const 0)
  (global (;5;) (mut i32) i32.const 1000)
  (export "2" (func 2))
  (export "3" (func 3))
  (export "4" (func 4))
  (export "" (table 0))
  (export "6" (memory 0))
  (export "7" (global 0))
  (export "8" (global 1))
  (export "9" (global 2))
  (export "10" (global 3))
  (export "1" (global 4))
  (elem (;0;) func)
  (func (;0;) (type 0) (param i32 funcref) (result v128)
    (local f64 v128 f64 f64 f32 v128)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    call 1
    call 1
    f64.const -0x1.a72ca60c6e336p+35 (;=-56797507683.44377;)
    f64.abs
    f64.abs
    i64.trunc_f64_s
    f64.const -0x1.d97c9eed895e3p-793 (;=-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003550433227260289;)
    f64.floor
    local.tee 2
    f64.const nan (;=NaN;)
    local.get 2
    local.get 2
    f64.eq
    select
    f64.neg
    block (type 1) ;; label = @1
      elem.drop 0
      memory.size
      f32.convert_i32_u
      br 0 (;@1;)
      f32x4.splat
      f64x2.neg
      f64x2.promote_low_f32x4
      f32x4.ceil
      local.tee 3
      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
      local.get 3
      local.get 3
      f32x4.eq
      v128.bitselect
      i32x4.bitmask
      v128.load offset=290482 align=2
      f64x2.extract_lane 0
      i64.trunc_sat_f64_u
      i64.const 288230376151711744
      i64.add
      f64.convert_i64_u
      f64.nearest
      local.tee 4
      f64.const nan (;=NaN;)
      local.get 4
      local.get 4
      f64.eq
      select
      f64.trunc
      local.tee 5
      f64.const nan (;=NaN;)
      local.get 5
      local.get 5
      f64.eq
      select
      i64.trunc_f64_u
      memory.size
      i32.extend8_s
      i32.const -16777216
      i32.shl
      call_indirect (type 1)
      i32.const 372955170
      f32.load offset=2067448087 align=2
      f32.ceil
      local.tee 6
      f32.const nan (;=NaN;)
      local.get 6
      local.get 6
      f32.eq
      select
      f32.abs
      i32.trunc_sat_f32_s
      i64.extend_i32_s
      i64.extend32_s
      block ;; label = @2
        memory.size
        v128.load64_splat offset=265430
        f64x2.sqrt
        local.tee 7
        v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
        local.get 7
        local.get 7
        f64x2.eq
        v128.bitselect
        br 0 (;@2;)
        i16x8.extend_low_i8x16_s
        f64.const -nan:0xffffffffffbff (;=NaN;)
        block (result v128) ;; label = @3
          local.get 1
          memory.size
          global.get 0
          i32.xor
          global.set 0
          drop
          v128.const i32x4 0x00000000 0xffff0000 0x00000000 0x00000020
        end
        drop
        i64.reinterpret_f64
        global.get 1
        i64.xor
        global.set 1
        global.get 2
        v128.xor
        global.set 2
      end
      global.get 3
      i64.xor
      global.set 3
      global.get 3
      i64.xor
      global.set 3
    end
    i64.reinterpret_f64
    global.get 1
    i64.xor
    global.set 1
    global.get 3
    i64.xor
    global.set 3
    v128.const i32x4 0xffffffff 0x00007fff 0xfffffffe 0xffffffff
  )
  (func (;1;) (type 1)
    (local f64 f64 v128 i32 f64 i64 f64 f64 f64 f64)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    br 0
    i64.const 3940743623512174707
    i64.clz
    local.get 0
    i32.trunc_sat_f64_u
    block (result i32) ;; label = @1
      loop (type 1) ;; label = @2
        global.get 5
        i32.eqz
        if ;; label = @3
          unreachable
        end
        global.get 5
        i32.const 1
        i32.sub
        global.set 5
        block ;; label = @3
          loop (result f64) ;; label = @4
            global.get 5
            i32.eqz
            if ;; label = @5
              unreachable
            end
            global.get 5
            i32.const 1
            i32.sub
            global.set 5
            local.get 1
            f64.const -nan:0xfe00000000000 (;=NaN;)
            i32.const 63
            i8x16.splat
            local.set 2
            i64.reinterpret_f64
            i64.popcnt
            i64x2.splat
            table.size 0
            f64.load offset=454657 align=2
            ref.null extern
            call 1
            local.get 4
            f64.ceil
            local.tee 6
            f64.const nan (;=NaN;)
            local.get 6
            local.get 6
            f64.eq
            select
            i64.reinterpret_f64
            v128.const i32x4 0x0b4e1a79 0x45614e72 0xf0c20cce 0x65bc3cc4
            f32x4.convert_i32x4_u
            i8x16.popcnt
            i64x2.extract_lane 1
            i32.wrap_i64
            i32.extend8_s
            v128.load32_splat offset=784934
            i32x4.extend_high_i16x8_u
            i32x4.bitmask
            f64.const 0x1.p-1024 (;=0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005562684646268003;)
            memory.size
            i32.load offset=671269
            loop ;; label = @5
              global.get 5
              i32.eqz
              if ;; label = @6
                unreachable
              end
              global.get 5
              i32.const 1
              i32.sub
              global.set 5
              br 0 (;@5;)
              block (type 1) ;; label = @6
                f32.const -0x1.0ae878p+112 (;=-5413539000000000000000000000000000;)
                i64.trunc_sat_f32_s
                f64.const 0x1.p-1071 (;=0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004;)
                i32.trunc_sat_f64_s
                f32.reinterpret_i32
                f32.const -0x1.79d4e4p+33 (;=-12677925000;)
                f64.const 0x1.p-1051 (;=0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004144523;)
                f64.sqrt
                local.tee 7
                f64.const nan (;=NaN;)
                local.get 7
                local.get 7
                f64.eq
                select
                ref.null extern
                block (type 1) ;; label = @7
                  local.get 3
                  i64.load16_s offset=480236
                  f64.convert_i64_s
                  i32.const -1382079967
                  i32.clz
                  table.size 0
                  i32.extend16_s
                  i32.rotr
                  i64.load32_s offset=706421
                  i64.eqz
                  v128.load8x8_u offset=817203 align=2
                  f64x2.abs
                  i8x16.bitmask
                  i32.load offset=404159 align=1
                  v128.load16x4_s offset=787789
                  i32x4.trunc_sat_f32x4_s
                  i8x16.popcnt
                  i64.const -5193379754804394375
                  i32.wrap_i64
                  if (result externref) ;; label = @8
                    f64.const -nan:0xfff7fffffffff (;=NaN;)
                    block (type 1) ;; label = @9
                      loop (type 1) ;; label = @10
                        global.get 5
                        i32.eqz
                        if ;; label = @11
                          unreachable
                        end
                        global.get 5
                        i32.const 1
                        i32.sub
                        global.set 5
                        f64.const -0x1.44a57453fa9e6p-83 (;=-0.00000000000000000000000013112359887094188;)
                        f64.sqrt
                        local.tee 8
                        f64.const nan (;=NaN;)
                        local.get 8
                        local.get 8
                        f64.eq
                        select
                        f64.nearest
                        local.tee 9
                        f64.const nan (;=NaN;)
                        local.get 9
                        local.get 9
                        f64.eq
                        select
                        v128.const i32x4 0x51aa7f1f 0xa01f81e0 0x3b9820ff 0xb8e75c05
                        global.get 2
                        v128.xor
                        global.set 2
                        i64.reinterpret_f64
                        global.get 1
                        i64.xor
                        global.set 1
                      end
                    end
                    i64.reinterpret_f64
                    global.get 1
                    i64.xor
                    global.set 1
                    ref.null extern
                  else
                    ref.null extern
                  end
                  drop
                  global.get 2
                  v128.xor
                  global.set 2
                  i64.reinterpret_f64
                  global.get 1
                  i64.xor
                  global.set 1
                end
                drop
                i64.reinterpret_f64
                global.get 1
                i64.xor
                global.set 1
                i32.reinterpret_f32
                global.get 4
                i32.xor
                global.set 4
                i32.reinterpret_f32
                global.get 4
                i32.xor
                global.set 4
                global.get 3
                i64.xor
                global.set 3
              end
            end
            global.get 0
            i32.xor
            global.set 0
            i64.reinterpret_f64
            global.get 1
            i64.xor
            global.set 1
            global.get 0
            i32.xor
            global.set 0
            global.get 3
            i64.xor
            global.set 3
            drop
            i64.reinterpret_f64
            global.get 1
            i64.xor
            global.set 1
            global.get 2
            v128.xor
            global.set 2
          end
          i64.reinterpret_f64
          global.get 1
          i64.xor
          global.set 1
        end
      end
      i32.const 322877913
    end
    global.get 0
    i32.xor
    global.set 0
    global.get 0
    i32.xor
    global.set 0
    global.get 3
    i64.xor
    global.set 3
  )
  (func (;2;) (type 0) (param i32 funcref) (result v128)
    v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
  )
  (func (;3;) (type 0) (param i32 funcref) (result v128)
    unreachable
  )
  (func (;4;) (type 0) (param i32 funcref) (result v128)
    (local v128 f64 f64 f64 f64)
    i32.const 0
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    f32.const 0x1.c0004p-130 (;=0.0000000000000000000000000000000000000012857;)
    f64.const 0x1.f8p-1069 (;=0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000031;)
    f64.abs
    loop (result f64) ;; label = @1
      global.get 5
      i32.eqz
      if ;; label = @2
        unreachable
      end
      global.get 5
      i32.const 1
      i32.sub
      global.set 5
      memory.size
      i32.const -1571066095
      call 1
      i64.load16_u offset=447279 align=1
      f32.convert_i64_u
      f64.promote_f32
      f64.neg
      f32.const 0x1.fep-142 (;=0.000000000000000000000000000000000000000000357;)
      f64.promote_f32
      f64.ge
      i32.store8 offset=118223
      v128.const i32x4 0xe8726fad 0x03cb0df1 0x4430b9f0 0x16d9b4b9
      f64x2.promote_low_f32x4
      local.get 0
      i32x4.shl
      i8x16.abs
      f32x4.ceil
      local.tee 2
      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
      local.get 2
      local.get 2
      f32x4.eq
      v128.bitselect
      i64x2.extract_lane 0
      loop (type 1) ;; label = @2
        global.get 5
        i32.eqz
        if ;; label = @3
          unreachable
        end
        global.get 5
        i32.const 1
        i32.sub
        global.set 5
        ref.null func
        br 1 (;@1;)
        block (type 1) ;; label = @3
          memory.size
          i32x4.splat
          i16x8.extend_high_i8x16_s
          f32x4.convert_i32x4_u
          i8x16.popcnt
          i32x4.extadd_pairwise_i16x8_u
          i64x2.bitmask
          i64.load16_s offset=90521
          i64x2.splat
          i32x4.extend_low_i16x8_u
          i32x4.bitmask
          i32.extend8_s
          local.tee 0
          i64.load16_u offset=758993 align=1
          ref.null extern
          elem.drop 0
          f64.const -nan:0xff7ffffffffff (;=NaN;)
          i64.trunc_f64_u
          i64.extend16_s
          i32.wrap_i64
          i32.clz
          block (type 1) ;; label = @4
            block ;; label = @5
              table.size 0
              local.get 3
              local.tee 6
              f64.const nan (;=NaN;)
              local.get 6
              local.get 6
              f64.eq
              select
              i64.trunc_f64_u
              i64.store8 offset=377201
              br 2 (;@3;)
            end
            elem.drop 0
            nop
            f32.const -0x1.fee826p+45 (;=-70218500000000;)
            i64.trunc_sat_f32_s
            elem.drop 0
            v128.const i32x4 0x661f45c2 0xc84e92c6 0xd876b790 0xb87d7782
            f32x4.convert_i32x4_s
            global.get 2
            v128.xor
            global.set 2
            f64.const -0x1.f15073e26c41cp-548 (;=-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000021084015674803178;)
            i64.reinterpret_f64
            global.get 1
            i64.xor
            global.set 1
            i32.const 898226102
            global.get 0
            i32.xor
            global.set 0
            global.get 3
            i64.xor
            global.set 3
          end
          global.get 0
          i32.xor
          global.set 0
          drop
          global.get 3
          i64.xor
          global.set 3
        end
        drop
      end
      global.get 3
      i64.xor
      global.set 3
      f64.const -0x1.96157b143cf3bp+736 (;=-573393314117123500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000;)
    end
    i64.reinterpret_f64
    global.get 1
    i64.xor
    global.set 1
    i64.reinterpret_f64
    global.get 1
    i64.xor
    global.set 1
    i32.reinterpret_f32
    global.get 4
    i32.xor
    global.set 4
    v128.const i32x4 0x00000000 0x20000000 0xfffffff0 0xffffffff
  )
  (func (;5;) (type 1))
)
