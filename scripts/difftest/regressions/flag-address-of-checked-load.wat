;; wasm-smith campaign seed 1002142 (shrunk): an out-of-bounds i64.load8_u whose only use is i64.eqz as the
;; address of a load that is checked; that check was implied by an earlier one, so both went. Guard mode at -O2
;; reported the later call's unreachable instead.
(module
  (type (;0;) (func))
  (type (;1;) (func (result funcref f32 funcref v128 f64 f64)))
  (memory (;0;) 15 16)
  (global (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut i32) i32.const 0)
  (global (;2;) (mut i64) i64.const 0)
  (global (;3;) (mut v128) v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
  (global (;4;) (mut i64) i64.const 0)
  (global (;5;) (mut i32) i32.const 1)
  (start 0)
  (func (;0;) (type 0)
    (local v128 v128 v128 f32 f32 f32 f32 f32)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    global.set 5
    block ;; label = @1
    end
    memory.size
    i32.clz
    f32.convert_i32_s
    i32.const 0
    i32.extend8_s
    v128.load8x8_s offset=595196
    f32x4.trunc
    local.tee 0
    v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
    local.get 0
    local.get 0
    f32x4.eq
    v128.bitselect
    f32x4.ceil
    local.tee 1
    v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
    local.get 1
    v128.bitselect
    i16x8.bitmask
    i64.load8_u offset=989971
    i64.eqz
    i64.load32_s offset=287131 align=1
    local.get 2
    block (result f32) ;; label = @1
      memory.size
      v128.load64_splat offset=189433 align=4
      i16x8.extend_low_i8x16_u
      i8x16.all_true
      local.get 3
      local.tee 4
      f32.const nan (;=NaN;)
      local.get 4
      local.get 4
      f32.eq
      select
      f32.neg
      v128.const i32x4 0x4d97e26f 0xe718951d 0x0b77e9ba 0xe606384f
      f32x4.convert_i32x4_u
      i64x2.extract_lane 1
      i64.ctz
      f64.reinterpret_i64
      v128.const i32x4 0x56697e21 0x32504963 0xd668fb46 0xabc589e7
      i64x2.bitmask
      block (type 0) ;; label = @2
        call 1
        f64.ge
        i32x4.splat
        i32x4.trunc_sat_f64x2_s_zero
        i16x8.le_u
        i8x16.extract_lane_s 3
        v128.load offset=622656
        f32x4.extract_lane 1
        f32.nearest
        local.tee 5
        f32.const nan (;=NaN;)
        local.get 5
        local.get 5
        f32.eq
        select
        f32.trunc
        local.tee 6
        f32.const nan (;=NaN;)
        local.get 6
        local.get 6
        f32.eq
        select
        f32.ceil
        local.tee 7
        f32.const nan (;=NaN;)
        local.get 7
        local.get 7
        f32.eq
        select
        i32.reinterpret_f32
        global.get 0
        i32.xor
        global.set 0
        drop
        i32.reinterpret_f32
        global.get 0
        i32.xor
        global.set 0
        drop
      end
      global.get 1
      i32.xor
      global.set 1
      i64.reinterpret_f64
      global.get 2
      i64.xor
      global.set 2
      i32.reinterpret_f32
      global.get 0
      i32.xor
      global.set 0
      global.get 1
      i32.xor
      global.set 1
      f32.const 0x1.243e4cp+122 (;=6069657000000000000000000000000000000;)
    end
    i32.reinterpret_f32
    global.get 0
    i32.xor
    global.set 0
    global.get 3
    v128.xor
    global.set 3
    global.get 4
    i64.xor
    global.set 4
    i32.reinterpret_f32
    global.get 0
    i32.xor
    global.set 0
  )
  (func (;1;) (type 1) (result funcref f32 funcref v128 f64 f64)
    unreachable
  )
)
