;; wasm-smith campaign seed 1000736: a load whose bytes reach an address only through i8x16.bitmask of f32x4.abs,
;; which keeps no whole byte (abs fixes the sign bit the bitmask reads). Guard mode lost the trap.
(module
  (type (;0;) (func (param i32 i32) (result f32 funcref)))
  (type (;1;) (func (result f64)))
  (type (;2;) (func (result i32 f32)))
  (type (;3;) (func (result v128)))
  (type (;4;) (func))
  (table (;0;) 0 91 externref)
  (memory (;0;) 5 14)
  (global (;0;) (mut i32) i32.const 0)
  (global (;1;) (mut v128) v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
  (global (;2;) (mut i64) i64.const 0)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i32) i32.const 0)
  (global (;5;) (mut i32) i32.const 1000)
  (export "l" (func 0))
  (export "" (func 1))
  (export "2" (func 2))
  (export "3" (func 3))
  (export "4" (table 0))
  (export "5" (memory 0))
  (export "w" (global 0))
  (export "7" (global 1))
  (export "8" (global 2))
  (export "T" (global 3))
  (export "__difftest_refuel" (func 4))
  (elem (;0;) externref)
  (func (;0;) (type 3) (result v128)
    (local f64 f64 f32 v128 f32 v128 v128)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    f32.const 0x1.e4596ep-18 (;=0.0000072173675;)
    f32.neg
    f32.floor
    local.tee 4
    f32.const nan (;=NaN;)
    local.get 4
    local.get 4
    f32.eq
    select
    i32.trunc_sat_f32_u
    call 3
    f64x2.nearest
    local.tee 5
    v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
    local.get 5
    local.get 5
    f64x2.eq
    v128.bitselect
    f64.const 0x1.274c1f59ac04ap-498 (;=0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001409554098198492;)
    f32.demote_f64
    block (type 3) (result v128) ;; label = @1
      table.size 0
      i32.extend16_s
      i32.load8_s offset=1197995093
      block ;; label = @2
        elem.drop 0
      end
      v128.load8x8_s offset=176600 align=1
      i32x4.extend_high_i16x8_u
      i64x2.extract_lane 0
      i64.eqz
      i64.load offset=95976
      local.get 2
      local.get 2
      f32.le
      i64.load32_u offset=99110
      i64.extend8_s
      i64.rem_s
      i64.eqz
      v128.load16x4_u offset=127370 align=2
      i64x2.abs
      block (type 3) (result v128) ;; label = @2
        loop ;; label = @3
          global.get 5
          i32.eqz
          if ;; label = @4
            unreachable
          end
          global.get 5
          i32.const 1
          i32.sub
          global.set 5
          memory.size
          i32.load offset=112869
          memory.size
          i64.load8_u offset=36804
          f32.convert_i64_u
          f32.const -0x1.2c7c7cp-55 (;=-0.000000000000000032578786;)
          br 0 (;@3;)
          ref.null func
          memory.size
          loop (type 1) (result f64) ;; label = @4
            global.get 5
            i32.eqz
            if ;; label = @5
              unreachable
            end
            global.get 5
            i32.const 1
            i32.sub
            global.set 5
            i64.const -6412459223598206443
            local.get 2
            i32.const -536870912
            i64.const 1188237128298322204
            ref.null extern
            f32.const 0x1.020202p-125 (;=0.000000000000000000000000000000000000023694278;)
            local.get 1
            i64.reinterpret_f64
            call 1
            i32x4.all_true
            memory.grow
            i64.load offset=254614 align=4
            i64.ne
            i64.extend_i32_s
            f32.convert_i64_s
            br 1 (;@3;)
            i64.trunc_f32_u
            i32.wrap_i64
            f64.load offset=261635 align=2
            i64.const 549755813888
            i64.clz
            memory.size
            i32.ctz
            v128.load32_zero offset=171983 align=1
            f32x4.nearest
            local.tee 6
            v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
            local.get 6
            local.get 6
            f32x4.eq
            v128.bitselect
            table.size 0
            v128.load8x8_s offset=108188
            i64x2.extmul_high_i32x4_s
            i32x4.abs
            i32x4.trunc_sat_f64x2_s_zero
            i64x2.extend_high_i32x4_u
            i64x2.abs
            i8x16.abs
            i32x4.extadd_pairwise_i16x8_u
            i64x2.extend_low_i32x4_s
            local.tee 3
            f64x2.promote_low_f32x4
            i32x4.extend_low_i16x8_s
            i32x4.neg
            i32x4.neg
            f32.const nan:0x4e5284 (;=NaN;)
            i32.reinterpret_f32
            global.get 0
            i32.xor
            global.set 0
            global.get 1
            v128.xor
            global.set 1
            global.get 2
            i64.xor
            global.set 2
            i64.reinterpret_f64
            global.get 3
            i64.xor
            global.set 3
            i32.reinterpret_f32
            global.get 0
            i32.xor
            global.set 0
            drop
            global.get 2
            i64.xor
            global.set 2
            global.get 4
            i32.xor
            global.set 4
            i32.reinterpret_f32
            global.get 0
            i32.xor
            global.set 0
            global.get 2
            i64.xor
            global.set 2
            f64.const 0x1.fffffffffffffp-960 (;=0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002052268400649188;)
          end
          i64.reinterpret_f64
          global.get 3
          i64.xor
          global.set 3
          global.get 4
          i32.xor
          global.set 4
          drop
          i32.reinterpret_f32
          global.get 0
          i32.xor
          global.set 0
          i32.reinterpret_f32
          global.get 0
          i32.xor
          global.set 0
          global.get 4
          i32.xor
          global.set 4
        end
        v128.const i32x4 0x32b8a1c5 0x6261974d 0x2d916847 0x7307c8e6
      end
      global.get 1
      v128.xor
      global.set 1
    end
    global.get 1
    v128.xor
    global.set 1
    i32.reinterpret_f32
    global.get 0
    i32.xor
    global.set 0
    global.get 1
    v128.xor
    global.set 1
    global.get 4
    i32.xor
    global.set 4
    v128.const i32x4 0x1385dc29 0xe667f97a 0xaf811bd4 0xcb4f648a
  )
  (func (;1;) (type 3) (result v128)
    (local v128 f64 v128 v128 v128)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    i64.const -6324815929413915285
    i64.popcnt
    f64.convert_i64_u
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
      f64.const 0x1.ea8fec05c79efp+934 (;=278272353697152940000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000;)
      f32.demote_f64
      i32.trunc_sat_f32_u
      v128.load64_splat offset=305327 align=2
      i32x4.neg
      i32x4.extadd_pairwise_i16x8_s
      i8x16.popcnt
      i32x4.extend_high_i16x8_s
      i32x4.extend_high_i16x8_u
      f32x4.abs
      i8x16.bitmask
      v128.load16_splat offset=123504 align=1
      i64x2.abs
      f32x4.nearest
      local.tee 0
      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
      local.get 0
      local.get 0
      f32x4.eq
      v128.bitselect
      br 1
      f64.const 0x1.e85e6c2117f2ap+528 (;=1676276626206760200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000;)
      f32.const -0x1.40d8b2p-8 (;=-0.0048957285;)
      f32x4.splat
      i64x2.extract_lane 1
      f64.const -nan:0xfffff80000000 (;=NaN;)
      f64.neg
      block ;; label = @2
      end
      f64.const -0x1.b21da9b08b999p-269 (;=-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000017877091551547012;)
      f64.mul
      local.tee 1
      f64.const nan (;=NaN;)
      local.get 1
      local.get 1
      f64.eq
      select
      v128.const i32x4 0xcd45135a 0x2c71abb1 0xc1f0c083 0x525a2935
      f64x2.neg
      f64x2.extract_lane 1
      i64.trunc_f64_s
      f32.const -0x1.5dde94p+114 (;=-28384782000000000000000000000000000;)
      i32.trunc_sat_f32_u
      v128.const i32x4 0xf260253e 0x4829e306 0x9ffc792c 0xed735a02
      f32x4.convert_i32x4_s
      i8x16.abs
      i32x4.trunc_sat_f64x2_u_zero
      f32x4.extract_lane 1
      elem.drop 0
      br 0 (;@1;)
      i64.trunc_sat_f32_u
      i32.const 1370947419
      i32x4.splat
      i16x8.extend_low_i8x16_s
      i32x4.trunc_sat_f32x4_s
      f32x4.neg
      i16x8.neg
      i32x4.extend_high_i16x8_u
      i8x16.popcnt
      f32x4.trunc
      local.tee 2
      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
      local.get 2
      local.get 2
      f32x4.eq
      v128.bitselect
      i32x4.trunc_sat_f32x4_u
      f64x2.sqrt
      local.tee 3
      v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
      local.get 3
      local.get 3
      f64x2.eq
      v128.bitselect
      f32.const -0x1.555554p-42 (;=-0.00000000000030316488;)
      elem.drop 0
      i32.trunc_sat_f32_s
      i16x8.splat
      i8x16.all_true
      i32.load8_s offset=250424
      i32.popcnt
      i8x16.shr_u
      i8x16.abs
      i32x4.trunc_sat_f32x4_s
      i32x4.extadd_pairwise_i16x8_s
      v128.not
      f32x4.sqrt
      local.tee 4
      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
      local.get 4
      local.get 4
      f32x4.eq
      v128.bitselect
      f32.const -nan:0x7fffdf (;=NaN;)
      i64.trunc_sat_f32_s
      call 1
      global.get 1
      v128.xor
      global.set 1
      global.get 2
      i64.xor
      global.set 2
      global.get 1
      v128.xor
      global.set 1
      global.get 2
      i64.xor
      global.set 2
      global.get 4
      i32.xor
      global.set 4
      global.get 2
      i64.xor
      global.set 2
      i64.reinterpret_f64
      global.get 3
      i64.xor
      global.set 3
      drop
    end
    i64.reinterpret_f64
    global.get 3
    i64.xor
    global.set 3
    i64.reinterpret_f64
    global.get 3
    i64.xor
    global.set 3
    v128.const i32x4 0xffefffff 0xffffffff 0xfffffff8 0xffffffff
  )
  (func (;2;) (type 1) (result f64)
    (local v128 v128 v128 f64 f64 v128 f32)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    f64.const -nan:0xffff000000000 (;=NaN;)
    i64.const 2199023255551
    i64.const -1
    i64.rem_s
    loop (type 1) (result f64) ;; label = @1
      global.get 5
      i32.eqz
      if ;; label = @2
        unreachable
      end
      global.get 5
      i32.const 1
      i32.sub
      global.set 5
      local.get 0
      i32x4.extend_high_i16x8_s
      i16x8.neg
      f64x2.ceil
      local.tee 1
      v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
      local.get 1
      local.get 1
      f64x2.eq
      v128.bitselect
      i64x2.abs
      i16x8.extend_high_i8x16_s
      i64x2.abs
      f32x4.ceil
      local.tee 2
      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
      local.get 2
      local.get 2
      f32x4.eq
      v128.bitselect
      f64x2.neg
      local.get 0
      i8x16.sub_sat_s
      i32x4.trunc_sat_f32x4_u
      f64x2.promote_low_f32x4
      i64x2.extend_high_i32x4_u
      loop (type 2) (result i32 f32) ;; label = @2
        global.get 5
        i32.eqz
        if ;; label = @3
          unreachable
        end
        global.get 5
        i32.const 1
        i32.sub
        global.set 5
        i32.const 134217728
        i64.const 1048575
        i64.ctz
        i64.store16 offset=39043 align=1
        ref.null extern
        call 2
        i32.trunc_sat_f64_s
        i32.load16_u offset=190579 align=1
        i32.load16_u offset=312914
        i32.extend16_s
        f64.convert_i32_u
        f64.nearest
        local.tee 3
        f64.const nan (;=NaN;)
        local.get 3
        local.get 3
        f64.eq
        select
        f64.ceil
        local.tee 4
        f64.const nan (;=NaN;)
        local.get 4
        local.get 4
        f64.eq
        select
        ref.null extern
        f64.const 0x1.4004p-1056 (;=0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001619033;)
        memory.size
        v128.load64_splat offset=85044 align=2
        i8x16.bitmask
        v128.load32_splat offset=26296 align=2
        f32x4.abs
        i64x2.neg
        f32x4.trunc
        local.tee 5
        v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
        local.get 5
        local.get 5
        f32x4.eq
        v128.bitselect
        f64x2.neg
        f64.const 0x1.68p-1043 (;=0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000014920282905;)
        elem.drop 0
        i64.trunc_sat_f64_u
        ref.null func
        call 3
        i32x4.abs
        i8x16.all_true
        i64.load32_s offset=214505 align=2
        block (type 3) (result v128) ;; label = @3
          f32.const -0x1p+127 (;=-170141180000000000000000000000000000000;)
          i32.trunc_sat_f32_s
          br_if 1 (;@2;)
          f32.const 0x1.ffffp-133 (;=0.00000000000000000000000000000000000000018367;)
          f32.sqrt
          local.tee 6
          f32.const nan (;=NaN;)
          local.get 6
          local.get 6
          f32.eq
          select
          data.drop 0
          ref.null extern
          ref.is_null
          block (type 3) (result v128) ;; label = @4
            call 0
            f64.const 0x1.fffff8p-1053 (;=0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002072261;)
            table.size 0
            global.get 4
            i32.xor
            global.set 4
            i64.reinterpret_f64
            global.get 3
            i64.xor
            global.set 3
          end
          global.get 1
          v128.xor
          global.set 1
          global.get 4
          i32.xor
          global.set 4
          i32.reinterpret_f32
          global.get 0
          i32.xor
          global.set 0
          v128.const i32x4 0xffffffff 0x03ffffff 0x00000004 0x00000000
        end
        global.get 1
        v128.xor
        global.set 1
        global.get 2
        i64.xor
        global.set 2
        drop
        global.get 2
        i64.xor
        global.set 2
        global.get 1
        v128.xor
        global.set 1
        i64.reinterpret_f64
        global.get 3
        i64.xor
        global.set 3
        drop
        i64.reinterpret_f64
        global.get 3
        i64.xor
        global.set 3
        drop
        i32.const -134217728
        f32.const nan:0x7fffff (;=NaN;)
      end
      i32.reinterpret_f32
      global.get 0
      i32.xor
      global.set 0
      global.get 4
      i32.xor
      global.set 4
      global.get 1
      v128.xor
      global.set 1
      f64.const 0x1.57b3dbf1e747p-852 (;=0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004470813098382633;)
    end
    i64.reinterpret_f64
    global.get 3
    i64.xor
    global.set 3
    global.get 2
    i64.xor
    global.set 2
  )
  (func (;3;) (type 3) (result v128)
    (local v128 v128 v128 f64 f64 v128)
    global.get 5
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 5
    i32.const 1
    i32.sub
    global.set 5
    table.size 0
    table.size 0
    v128.load32_splat offset=316858 align=1
    f64x2.floor
    local.tee 0
    v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
    local.get 0
    local.get 0
    f64x2.eq
    v128.bitselect
    f64x2.neg
    v128.store32_lane offset=231152 align=2 1
    elem.drop 0
    i64.const -4503599627370497
    f64.convert_i64_u
    i64.const -7392383627365970878
    i64.extend32_s
    i64.const -8388609
    v128.const i32x4 0x6788637b 0xe4a05cba 0x8ac196ba 0x77655dd7
    f64x2.trunc
    local.tee 1
    v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
    local.get 1
    local.get 1
    f64x2.eq
    v128.bitselect
    f64x2.nearest
    local.tee 2
    v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
    local.get 2
    local.get 2
    f64x2.eq
    v128.bitselect
    f64x2.extract_lane 1
    f64.floor
    local.tee 3
    f64.const nan (;=NaN;)
    local.get 3
    local.get 3
    f64.eq
    select
    f64.abs
    f64.const 0x1.5ec02be64788fp-128 (;=0.000000000000000000000000000000000000004026420224219755;)
    f64.copysign
    block (type 3) (result v128) ;; label = @1
      loop (type 2) (result i32 f32) ;; label = @2
        global.get 5
        i32.eqz
        if ;; label = @3
          unreachable
        end
        global.get 5
        i32.const 1
        i32.sub
        global.set 5
        i64.const -70368744177664
        f32.const -0x1p+1 (;=-2;)
        i32.trunc_f32_u
        if ;; label = @3
        else
          data.drop 0
          memory.size
          v128.load16x4_s offset=261112
          i16x8.bitmask
          loop (result funcref) ;; label = @4
            global.get 5
            i32.eqz
            if ;; label = @5
              unreachable
            end
            global.get 5
            i32.const 1
            i32.sub
            global.set 5
            i32.const 833101193
            i64.extend_i32_u
            i64.extend8_s
            f64.convert_i64_u
            f64.const -nan:0xffeffffffffff (;=NaN;)
            elem.drop 0
            i32.trunc_sat_f64_s
            ref.null extern
            ref.is_null
            i32.load8_u offset=229692
            i32x4.splat
            v128.store32_lane offset=112184 1
            f64.nearest
            local.tee 4
            f64.const nan (;=NaN;)
            local.get 4
            local.get 4
            f64.eq
            select
            i64.const 5555093513249177807
            call 0
            f32x4.abs
            f64x2.nearest
            local.tee 5
            v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
            local.get 5
            local.get 5
            f64x2.eq
            v128.bitselect
            i8x16.extract_lane_u 6
            i64.load8_u offset=147420
            i64.shl
            ref.null func
            ref.null extern
            loop (type 3) (result v128) ;; label = @5
              global.get 5
              i32.eqz
              if ;; label = @6
                unreachable
              end
              global.get 5
              i32.const 1
              i32.sub
              global.set 5
              memory.size
              f32.convert_i32_u
              i64.trunc_sat_f32_u
              elem.drop 0
              block (result f64) ;; label = @6
                nop
                i32.const 327688
                i32.load16_u offset=151692 align=1
                i64.load16_s offset=169767 align=1
                global.get 2
                i64.xor
                global.set 2
                f64.const 0x1.b38a8e2d9c072p-65 (;=0.00000000000000000004611472167042806;)
              end
              i64.reinterpret_f64
              global.get 3
              i64.xor
              global.set 3
              global.get 2
              i64.xor
              global.set 2
              v128.const i32x4 0x00000000 0x00100000 0xfffffc00 0xffffffff
            end
            global.get 1
            v128.xor
            global.set 1
            drop
            drop
            global.get 2
            i64.xor
            global.set 2
            i64.reinterpret_f64
            global.get 3
            i64.xor
            global.set 3
            ref.null func
          end
          drop
          global.get 4
          i32.xor
          global.set 4
        end
        global.get 2
        i64.xor
        global.set 2
        i32.const 16777215
        f32.const 0x1.688574p+52 (;=6342358000000000;)
      end
      i32.reinterpret_f32
      global.get 0
      i32.xor
      global.set 0
      global.get 4
      i32.xor
      global.set 4
      v128.const i32x4 0x9a760b02 0xa8c36dd0 0xf0199cc6 0xdbf59663
    end
    global.get 1
    v128.xor
    global.set 1
    i64.reinterpret_f64
    global.get 3
    i64.xor
    global.set 3
    global.get 2
    i64.xor
    global.set 2
    global.get 2
    i64.xor
    global.set 2
    i64.reinterpret_f64
    global.get 3
    i64.xor
    global.set 3
    v128.const i32x4 0xffffffff 0x00000000 0x00000020 0x00000000
  )
  (func (;4;) (type 4)
    i32.const 1000
    global.set 5
  )
  (data (;0;) "")
)
