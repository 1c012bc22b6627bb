#!/usr/bin/env bash
# The WebAssembly 3.0 core spec scripts (wasm-3.0/ beside the 2.0 ones) that wasmc passes whole, on compiled
# code: -O2 with guard pages and -O0 with explicit bounds checks (all four combinations take too long for
# every run; they passed too when the list was made). Each mode must end with 0 failed and every listed
# script with 0 skipped. The scripts not listed use GC, typed function references or exception handling,
# which wasmc reports as unsupported (docs/design/wasm-3.0.md). A script that starts to pass belongs here.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/spec-suite.sh "the 3.0 spec scripts"
suite3="$suite/wasm-3.0"
if [ ! -f "$suite3/binary.wast" ]; then
    if [ "${CI:-}" = "true" ]; then echo "error: 3.0 spec suite missing at $suite3" >&2; exit 1; fi
    echo "note: no 3.0 spec suite at $suite3; skipping the 3.0 spec scripts" >&2
    exit 0
fi
names=(
    address address0 address1 address64 align align0 align64 annotations binary-leb128 binary0
    binary_leb128_64 block br bulk bulk64 call call_indirect call_indirect64 comments const
    conversions custom data data0 data1 data_drop0 endianness endianness64 exports0 f32 f32_bitwise
    f32_cmp f64 f64_bitwise f64_cmp fac float_exprs float_exprs0 float_exprs1 float_literals
    float_memory float_memory0 float_memory64 float_misc forward func_ptrs i16x8_relaxed_q15mulr_s
    i32 i32x4_relaxed_trunc i64 i8x16_relaxed_swizzle id if imports0 imports1 imports2 imports3
    imports4 inline-module int_exprs int_literals labels left-to-right linking0 linking1 linking2
    linking3 load load0 load1 load2 load64 local_get local_set loop memory memory-multi memory64
    memory64-imports memory_copy memory_copy0 memory_copy1 memory_copy64 memory_fill memory_fill0
    memory_fill64 memory_grow memory_grow64 memory_init memory_init0 memory_init64 memory_redundancy
    memory_redundancy64 memory_size memory_size0 memory_size1 memory_size2 memory_size3
    memory_size_import memory_trap memory_trap0 memory_trap1 memory_trap64 names nop
    obsolete-keywords ref_func relaxed_dot_product relaxed_laneselect relaxed_madd_nmadd
    relaxed_min_max return return_call return_call_indirect simd_address simd_align simd_bit_shift
    simd_bitwise simd_boolean simd_const simd_conversions simd_f32x4 simd_f32x4_arith simd_f32x4_cmp
    simd_f32x4_pmin_pmax simd_f32x4_rounding simd_f64x2 simd_f64x2_arith simd_f64x2_cmp
    simd_f64x2_pmin_pmax simd_f64x2_rounding simd_i16x8_arith simd_i16x8_arith2 simd_i16x8_cmp
    simd_i16x8_extadd_pairwise_i8x16 simd_i16x8_extmul_i8x16 simd_i16x8_q15mulr_sat_s
    simd_i16x8_sat_arith simd_i32x4_arith simd_i32x4_arith2 simd_i32x4_cmp simd_i32x4_dot_i16x8
    simd_i32x4_extadd_pairwise_i16x8 simd_i32x4_extmul_i16x8 simd_i32x4_trunc_sat_f32x4
    simd_i32x4_trunc_sat_f64x2 simd_i64x2_arith simd_i64x2_arith2 simd_i64x2_cmp
    simd_i64x2_extmul_i32x4 simd_i8x16_arith simd_i8x16_arith2 simd_i8x16_cmp simd_i8x16_sat_arith
    simd_int_to_int_extend simd_lane simd_linking simd_load simd_load16_lane simd_load32_lane
    simd_load64_lane simd_load8_lane simd_load_extend simd_load_splat simd_load_zero
    simd_memory-multi simd_select simd_splat simd_store simd_store16_lane simd_store32_lane
    simd_store64_lane simd_store8_lane skip-stack-guard-page stack start start0 store store0 store1
    store2 switch table64 table_copy table_copy64 table_copy_mixed table_fill table_fill64 table_get
    table_get64 table_grow table_grow64 table_set table_set64 table_size table_size64 token traps
    traps0 type unreachable unwind utf8-custom-section-id utf8-import-field utf8-import-module
    utf8-invalid-encoding
)
scripts=()
for name in "${names[@]}"; do scripts+=("$suite3/$name.wast"); done
echo "3.0 spec scripts: ${#scripts[@]} of $(ls "$suite3"/*.wast | wc -l) files"
wasmc=.build/debug/wasmc
status=0
for mode in "-O2 --bounds-checks guard" "-O0 --bounds-checks explicit"; do
    echo "== wasmc wast $mode (3.0)"
    # shellcheck disable=SC2086
    output=$("$wasmc" wast --jobs 2 $mode "${scripts[@]}") || status=1
    echo "$output"
    if echo "$output" | grep -E '^[^ ]+\.wast: ' | grep -vq ' 0 skipped'; then
        echo "error: skipped commands in a script that must pass whole" >&2
        status=1
    fi
done
exit $status
