// What the LLVM C API lacks, as plain C functions implemented over LLVM's C++ API.
#ifndef CLLVM_SUPPORT_H
#define CLLVM_SUPPORT_H

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when LLVM's target for `triple` (already initialized) has a processor named `cpu`, else 0.
int wasmc_llvm_is_known_cpu(const char *triple, const char *cpu);

#ifdef __cplusplus
}
#endif

#endif
