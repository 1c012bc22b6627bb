// LLVMCreateTargetMachine accepts any CPU name and merely warns on stderr when it does not know it, so
// the processor table of the target's subtarget info decides instead.
#include "CLLVMSupport.h"

#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/TargetRegistry.h>

#include <memory>
#include <string>

extern "C" int wasmc_llvm_is_known_cpu(const char *triple, const char *cpu) {
    std::string error;
    const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, error);
    if (!target) return 0;
    std::unique_ptr<llvm::MCSubtargetInfo> info(target->createMCSubtargetInfo(triple, "", ""));
    return info && info->isCPUStringValid(cpu) ? 1 : 0;
}
