;; wasm-smith campaign seed 1001101: a load reaching an address only through i16x8.extmul_high_i8x16_s with a
;; zero-extended factor, whose product LLVM folds to zero. Guard mode lost the trap at -O0 and -O2.
(module
  (type (;0;) (func (param i64)))
  (type (;1;) (func))
  (memory (;0;) 12 15)
  (global (;0;) funcref ref.null func)
  (global (;1;) (mut i32) i32.const 2106007933)
  (global (;2;) (mut i32) i32.const 0)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (global (;5;) (mut i32) i32.const 0)
  (global (;6;) (mut v128) v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000)
  (global (;7;) (mut i32) i32.const 1000)
  (export "?\u{3f3}" (func 0))
  (export "" (func 1))
  (export "2" (func 2))
  (export "3" (memory 0))
  (export "4" (global 0))
  (export "5" (global 1))
  (export "a" (global 2))
  (export "7" (global 3))
  (export "]\u{c}" (global 5))
  (export "b>" (global 6))
  (export "__difftest_refuel" (func 3))
  (func (;0;) (type 1)
    (local i64 f64 v128 v128 f32 f32)
    global.get 7
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 7
    i32.const 1
    i32.sub
    global.set 7
    f32.const 0x1.ff8p-140 (;=0.000000000000000000000000000000000000000001434;)
    f32x4.splat
    i16x8.extadd_pairwise_i8x16_s
    i64x2.extract_lane 1
    f64.const 0x1.34f5fe2b0bf82p+845 (;=283145657699704760000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000;)
    i32.trunc_f64_s
    i64.const 4398046511104
    br 0
    i64.clz
    i64.extend16_s
    f64.convert_i64_u
    nop
    i32.trunc_sat_f64_u
    i32.store offset=423560 align=1
    i64.eqz
    i64.load8_u offset=23795
    global.get 1
    f64.load offset=661681 align=1
    loop (type 1) ;; label = @1
      global.get 7
      i32.eqz
      if ;; label = @2
        unreachable
      end
      global.get 7
      i32.const 1
      i32.sub
      global.set 7
      data.drop 1
      f64.const -nan:0xc000000000000 (;=NaN;)
      local.get 0
      br 1
      i64.extend16_s
      local.tee 0
      i64.eqz
      block ;; label = @2
        f32.const -nan:0x7ffc00 (;=NaN;)
        loop ;; label = @3
          global.get 7
          i32.eqz
          if ;; label = @4
            unreachable
          end
          global.get 7
          i32.const 1
          i32.sub
          global.set 7
          loop (result i32) ;; label = @4
            global.get 7
            i32.eqz
            if ;; label = @5
              unreachable
            end
            global.get 7
            i32.const 1
            i32.sub
            global.set 7
            br 0 (;@4;)
            call 0
            block (result f64) ;; label = @5
              ref.null extern
              block (type 1) ;; label = @6
                block (result v128) ;; label = @7
                  global.get 0
                  i32.const 8
                  local.get 0
                  i64.ctz
                  i64.eqz
                  br_table 1 (;@6;) 3 (;@4;) 4 (;@3;) 5 (;@2;) 6 (;@1;) 7 6 (;@1;)
                  i64.load8_s offset=824969
                  memory.size
                  f64.convert_i32_s
                  i64.trunc_f64_u
                  i64.and
                  block (result i32) ;; label = @8
                    local.get 0
                    i64.extend8_s
                    f32.const -0x1.385ef8p-118 (;=-0.000000000000000000000000000000000003671903;)
                    f64.const 0x1.p-1051 (;=0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004144523;)
                    f64.trunc
                    local.tee 1
                    f64.const nan (;=NaN;)
                    local.get 1
                    local.get 1
                    f64.eq
                    select
                    f64.const -0x1.3e538f610e8a4p+216 (;=-130951888170083280000000000000000000000000000000000000000000000000;)
                    f64.const -0x1.8c9e40adbe162p-202 (;=-0.00000000000000000000000000000000000000000000000000000000000024103134364090416;)
                    global.get 1
                    i32.load16_u offset=741390 align=1
                    v128.load32x2_s offset=918139
                    i64x2.extend_low_i32x4_u
                    i16x8.extend_low_i8x16_u
                    f32x4.trunc
                    local.tee 2
                    v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
                    local.get 2
                    local.get 2
                    f32x4.eq
                    v128.bitselect
                    v128.const i32x4 0x28d0226a 0xc807c7ad 0x9c5b9614 0xc548f90a
                    i8x16.sub_sat_u
                    i32x4.extadd_pairwise_i16x8_s
                    f32x4.trunc
                    local.tee 3
                    v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
                    local.get 3
                    local.get 3
                    f32x4.eq
                    v128.bitselect
                    i32x4.trunc_sat_f32x4_s
                    f32x4.demote_f64x2_zero
                    i16x8.extract_lane_s 3
                    i32.load offset=23528
                    f32.load offset=237567 align=1
                    f32.floor
                    local.tee 4
                    f32.const nan (;=NaN;)
                    local.get 4
                    local.get 4
                    f32.eq
                    select
                    f32.trunc
                    local.tee 5
                    f32.const nan (;=NaN;)
                    local.get 5
                    local.get 5
                    f32.eq
                    select
                    i32.reinterpret_f32
                    global.get 2
                    i32.xor
                    global.set 2
                    i64.reinterpret_f64
                    global.get 3
                    i64.xor
                    global.set 3
                    i64.reinterpret_f64
                    global.get 3
                    i64.xor
                    global.set 3
                    i64.reinterpret_f64
                    global.get 3
                    i64.xor
                    global.set 3
                    i32.reinterpret_f32
                    global.get 2
                    i32.xor
                    global.set 2
                    global.get 4
                    i64.xor
                    global.set 4
                    i32.const -269484434
                  end
                  global.get 5
                  i32.xor
                  global.set 5
                  global.get 4
                  i64.xor
                  global.set 4
                  drop
                  v128.const i32x4 0x757e1e72 0x17484d29 0xa8231fdd 0x5a554acd
                end
                global.get 6
                v128.xor
                global.set 6
              end
              drop
              f64.const 0x1.ffffff8p-1049 (;=0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000331561837;)
            end
            i64.reinterpret_f64
            global.get 3
            i64.xor
            global.set 3
            i32.const -2097152
          end
          global.get 5
          i32.xor
          global.set 5
        end
        i32.reinterpret_f32
        global.get 2
        i32.xor
        global.set 2
      end
      global.get 5
      i32.xor
      global.set 5
      i64.reinterpret_f64
      global.get 3
      i64.xor
      global.set 3
    end
    i64.reinterpret_f64
    global.get 3
    i64.xor
    global.set 3
    global.get 4
    i64.xor
    global.set 4
  )
  (func (;1;) (type 0) (param i64)
    (local v128 i64 f32 v128 v128 f32 f32)
    global.get 7
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 7
    i32.const 1
    i32.sub
    global.set 7
    f32.const 0x1.c61754p+12 (;=7265.458;)
    local.get 1
    i32x4.extend_low_i16x8_s
    local.set 1
    global.get 1
    i32.popcnt
    v128.load16x4_u offset=167874 align=2
    i32.const -259754813
    i64.load16_s offset=663800 align=1
    f32.convert_i64_u
    f32x4.splat
    i16x8.extmul_high_i8x16_s
    i8x16.extract_lane_s 12
    i64.load32_u offset=102049 align=2
    i64.extend8_s
    i64.extend8_s
    i64x2.splat
    i16x8.extract_lane_s 0
    i32.load16_s offset=488670
    i64.extend_i32_u
    data.drop 1
    br 0
    loop (type 0) (param i64) ;; label = @1
      global.get 7
      i32.eqz
      if ;; label = @2
        unreachable
      end
      global.get 7
      i32.const 1
      i32.sub
      global.set 7
      i64.eqz
      i64.load16_s offset=482418 align=1
      f64.convert_i64_u
      f64.abs
      i64.trunc_f64_u
      local.tee 0
      i64.extend8_s
      br 0 (;@1;)
      f32.const 0x1.8p-130 (;=0.000000000000000000000000000000000000001102026;)
      f32x4.splat
      i32x4.all_true
      v128.load16_splat offset=162329 align=1
      call 0
      f64x2.sqrt
      local.tee 4
      v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
      local.get 4
      local.get 4
      f64x2.eq
      v128.bitselect
      i64x2.extend_low_i32x4_u
      f64x2.sqrt
      local.tee 5
      v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
      local.get 5
      local.get 5
      f64x2.eq
      v128.bitselect
      i16x8.extract_lane_s 0
      f32.reinterpret_i32
      i32.reinterpret_f32
      v128.load32x2_u offset=512129 align=1
      ref.null func
      i64.const 9039425673368634908
      data.drop 0
      i64.popcnt
      i64.const 524287
      i64.ctz
      f64.convert_i64_s
      i64.trunc_f64_u
      br 1
      i64.gt_s
      f64.convert_i32_s
      br 1
      br 1
      loop (result i64) ;; label = @2
        global.get 7
        i32.eqz
        if ;; label = @3
          unreachable
        end
        global.get 7
        i32.const 1
        i32.sub
        global.set 7
        f64.const 0x1.p-1032 (;=0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000021729236899484;)
        f32.demote_f64
        f32.floor
        local.tee 6
        f32.const nan (;=NaN;)
        local.get 6
        local.get 6
        f32.eq
        select
        f32.nearest
        local.tee 7
        f32.const nan (;=NaN;)
        local.get 7
        local.get 7
        f32.eq
        select
        local.tee 3
        f32x4.splat
        i64x2.extract_lane 1
        f32.convert_i64_u
        memory.size
        i64.const -524289
        local.tee 0
        global.get 0
        br 2
        nop
        loop ;; label = @3
          global.get 7
          i32.eqz
          if ;; label = @4
            unreachable
          end
          global.get 7
          i32.const 1
          i32.sub
          global.set 7
          global.get 0
          global.get 1
          f64.convert_i32_u
          i64.trunc_sat_f64_u
          global.get 4
          i64.xor
          global.set 4
          drop
        end
        drop
        global.get 4
        i64.xor
        global.set 4
        global.get 5
        i32.xor
        global.set 5
        i32.reinterpret_f32
        global.get 2
        i32.xor
        global.set 2
        i64.const 305706625780967295
      end
      global.get 4
      i64.xor
      global.set 4
      i64.reinterpret_f64
      global.get 3
      i64.xor
      global.set 3
      drop
      global.get 6
      v128.xor
      global.set 6
    end
    i32.reinterpret_f32
    global.get 2
    i32.xor
    global.set 2
  )
  (func (;2;) (type 1)
    (local v128 f64 v128 v128 v128)
    global.get 7
    i32.eqz
    if ;; label = @1
      unreachable
    end
    global.get 7
    i32.const 1
    i32.sub
    global.set 7
    f32.const -nan:0x7ffffe (;=NaN;)
    ref.null func
    br 0
    nop
    f64.const -nan:0xffffff7ffffff (;=NaN;)
    i64.reinterpret_f64
    f64.convert_i64_u
    f64.ceil
    local.tee 1
    f64.const nan (;=NaN;)
    local.get 1
    local.get 1
    f64.eq
    select
    f64.const -0x1.5a5a579f356e1p-321 (;=-0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000031670159765391077;)
    f64.abs
    f32.demote_f64
    f64.promote_f32
    f64.le
    v128.load32_splat offset=694524
    i8x16.popcnt
    i64x2.all_true
    loop (result i32) ;; label = @1
      global.get 7
      i32.eqz
      if ;; label = @2
        unreachable
      end
      global.get 7
      i32.const 1
      i32.sub
      global.set 7
      block (result v128) ;; label = @2
        loop (type 1) ;; label = @3
          global.get 7
          i32.eqz
          if ;; label = @4
            unreachable
          end
          global.get 7
          i32.const 1
          i32.sub
          global.set 7
          local.get 0
          f64x2.trunc
          local.tee 2
          v128.const i32x4 0x00000000 0x7ff80000 0x00000000 0x7ff80000
          local.get 2
          local.get 2
          f64x2.eq
          v128.bitselect
          f32x4.demote_f64x2_zero
          i32x4.trunc_sat_f32x4_u
          i8x16.extract_lane_u 15
          f32.const -0x1.16cc1ap-74 (;=-0.000000000000000000000057653925;)
          i32.trunc_sat_f32_u
          i64.load32_s offset=245224 align=1
          loop (type 0) (param i64) ;; label = @4
            global.get 7
            i32.eqz
            if ;; label = @5
              unreachable
            end
            global.get 7
            i32.const 1
            i32.sub
            global.set 7
            f32.const 0x1.p-128 (;=0.000000000000000000000000000000000000002938736;)
            call 0
            block ;; label = @5
              f64.const -nan:0xfffffffdfffff (;=NaN;)
              f64x2.splat
              i64x2.extend_low_i32x4_u
              i32x4.trunc_sat_f64x2_u_zero
              f32.const -0x1.ae171ap+61 (;=-3873908500000000000;)
              ref.null func
              local.get 0
              f64x2.abs
              i64x2.extend_high_i32x4_s
              v128.not
              f32x4.convert_i32x4_u
              i16x8.extend_low_i8x16_s
              f32x4.trunc
              local.tee 3
              v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
              local.get 3
              local.get 3
              f32x4.eq
              v128.bitselect
              f32.const 0x1.5a6f1ap+19 (;=709496.8;)
              loop (result v128) ;; label = @6
                global.get 7
                i32.eqz
                if ;; label = @7
                  unreachable
                end
                global.get 7
                i32.const 1
                i32.sub
                global.set 7
                loop (result i64) ;; label = @7
                  global.get 7
                  i32.eqz
                  if ;; label = @8
                    unreachable
                  end
                  global.get 7
                  i32.const 1
                  i32.sub
                  global.set 7
                  block (result f32) ;; label = @8
                    block (type 1) ;; label = @9
                      local.get 0
                      f32.const -nan:0x7f0000 (;=NaN;)
                      f32x4.splat
                      f32x4.add
                      local.tee 4
                      v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000
                      local.get 4
                      local.get 4
                      f32x4.eq
                      v128.bitselect
                      f64.const 0x1.49cebda499d99p+115 (;=53514339621892510000000000000000000;)
                      i32.trunc_f64_s
                      if ;; label = @10
                        f32.const -nan:0x7bffff (;=NaN;)
                        br 1 (;@9;)
                        data.drop 1
                        i32.trunc_sat_f32_s
                        i32.extend8_s
                        v128.load64_splat offset=327897 align=4
                        f32x4.abs
                        block (result f64) ;; label = @11
                          br 8 (;@3;)
                          loop ;; label = @12
                            global.get 7
                            i32.eqz
                            if ;; label = @13
                              unreachable
                            end
                            global.get 7
                            i32.const 1
                            i32.sub
                            global.set 7
                            f32.const 0x1.dc6a86p-55 (;=0.000000000000000051653138;)
                            i64.trunc_sat_f32_u
                            f32.convert_i64_u
                            i64.trunc_f32_u
                            br 0 (;@12;)
                            return
                            global.get 1
                            i64.load32_s offset=199979 align=2
                            loop (type 0) (param i64) ;; label = @13
                              global.get 7
                              i32.eqz
                              if ;; label = @14
                                unreachable
                              end
                              global.get 7
                              i32.const 1
                              i32.sub
                              global.set 7
                              i32.wrap_i64
                              global.get 5
                              i32.xor
                              global.set 5
                            end
                            global.get 4
                            i64.xor
                            global.set 4
                          end
                          f64.const 0x1.d342bf8f4e483p+186 (;=179018748382526520000000000000000000000000000000000000000;)
                        end
                        i64.reinterpret_f64
                        global.get 3
                        i64.xor
                        global.set 3
                        global.get 6
                        v128.xor
                        global.set 6
                      end
                      global.get 6
                      v128.xor
                      global.set 6
                    end
                    f32.const 0x1.205506p-27 (;=0.000000008391569;)
                  end
                  i32.reinterpret_f32
                  global.get 2
                  i32.xor
                  global.set 2
                  i64.const -513
                end
                global.get 4
                i64.xor
                global.set 4
                v128.const i32x4 0xc2832c81 0x52ce5bc5 0xa740e75c 0x0805a99b
              end
              global.get 6
              v128.xor
              global.set 6
              i32.reinterpret_f32
              global.get 2
              i32.xor
              global.set 2
              global.get 6
              v128.xor
              global.set 6
              drop
              i32.reinterpret_f32
              global.get 2
              i32.xor
              global.set 2
              global.get 6
              v128.xor
              global.set 6
            end
            i32.reinterpret_f32
            global.get 2
            i32.xor
            global.set 2
            global.get 4
            i64.xor
            global.set 4
          end
          global.get 5
          i32.xor
          global.set 5
        end
        v128.const i32x4 0xc4046fe0 0xbfcc072e 0x629c2b1f 0xad2280bc
      end
      global.get 6
      v128.xor
      global.set 6
      i32.const 1048575
    end
    global.get 5
    i32.xor
    global.set 5
    global.get 5
    i32.xor
    global.set 5
    drop
    i32.reinterpret_f32
    global.get 2
    i32.xor
    global.set 2
  )
  (func (;3;) (type 1)
    i32.const 1000
    global.set 7
  )
  (data (;0;) (i32.const 0) "")
  (data (;1;) "\b5")
)
