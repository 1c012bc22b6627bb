// The LLVM-C headers wasmc uses (LLVM 19, Debian llvm-19-dev; the include path is set in Package.swift).
#include <llvm-c/Core.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <llvm-c/Error.h>
#include <llvm-c/Support.h>  // LLVMParseCommandLineOptions
