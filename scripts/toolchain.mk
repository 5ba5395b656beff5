# SPDX-License-Identifier: BSD-2-Clause
#
# Toolchain selection, Kbuild style:
#   ARCH=...            target architecture (default: the host's). The demo
#                       kernels exist for x86_64, arm64 and riscv64; the
#                       library (make lib) builds for any ARCH: i386, arm
#                       (armv7), riscv64 and riscv32 have defaults below, any other
#                       needs CROSS_COMPILE (GCC) or CLANG_TARGET (LLVM=1).
#   CROSS_COMPILE=pfx-  GNU toolchain prefix (defaults below for a cross
#                       build from another host)
#   LLVM=1              clang, ld.lld and llvm-* instead of GNU tools;
#                       LLVM=-14 uses clang-14, ld.lld-14, ...;
#                       LLVM=/usr/lib/llvm-14/bin/ takes them from there
#
HOSTARCH := $(shell uname -m | sed -e 's/aarch64/arm64/' -e 's/amd64/x86_64/' \
		-e 's/i[3-6]86/i386/' -e 's/armv7.*/arm/')
ARCH ?= $(HOSTARCH)

# cross_default,ARCH,prefix: the prefix unless the host is that ARCH.
cross_default = $(if $(filter $(1),$(HOSTARCH)),,$(2))

# Per ARCH: the Clang target, the flags every build for it takes (no FPU or
# vector registers where the compiler would otherwise use them; no PIC:
# a kernel has no GOT to fill in), and the default cross prefix.
ifeq ($(ARCH),x86_64)
CROSS_COMPILE	?= $(call cross_default,x86_64,x86_64-linux-gnu-)
CLANG_TARGET	?= x86_64-unknown-none-elf
ARCH_CFLAGS	:= -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie
else ifeq ($(ARCH),arm64)
CROSS_COMPILE	?= $(call cross_default,arm64,aarch64-linux-gnu-)
CLANG_TARGET	?= aarch64-unknown-none-elf
ARCH_CFLAGS	:= -mgeneral-regs-only -mstrict-align -fno-pic -fno-pie
else ifeq ($(ARCH),i386)
CROSS_COMPILE	?= $(call cross_default,i386,i686-linux-gnu-)
CLANG_TARGET	?= i686-unknown-none-elf
ARCH_CFLAGS	:= -mgeneral-regs-only -fno-pic -fno-pie
else ifeq ($(ARCH),arm)
# armv7-a, soft-float ABI as kernels use it.
CROSS_COMPILE	?= $(call cross_default,arm,arm-linux-gnueabihf-)
CLANG_TARGET	?= armv7a-none-eabi
ARCH_CFLAGS	:= -march=armv7-a -mfloat-abi=soft -fno-pic -fno-pie
GLIBC_ABI_DIFFERS := y
else ifeq ($(ARCH),riscv64)
CROSS_COMPILE	?= $(call cross_default,riscv64,riscv64-linux-gnu-)
CLANG_TARGET	?= riscv64-unknown-none-elf
ARCH_CFLAGS	:= -march=rv64imac -mabi=lp64 -mcmodel=medany -fno-pic -fno-pie
GLIBC_ABI_DIFFERS := y
else ifeq ($(ARCH),riscv32)
# Debian has no riscv32 GCC; its riscv64 one builds rv32 code.
CROSS_COMPILE	?= riscv64-linux-gnu-
CLANG_TARGET	?= riscv32-unknown-none-elf
ARCH_CFLAGS	:= -march=rv32imac -mabi=ilp32 -mcmodel=medany -fno-pic -fno-pie
GLIBC_ABI_DIFFERS := y
else
# Any other ARCH: the library only, with CROSS_COMPILE or CLANG_TARGET.
ARCH_CFLAGS	:=
endif

# Debian's cross GCCs target Linux: their <limits.h> chains to glibc's, which
# has headers only for glibc's own ABI (hard float), not for the soft-float
# or rv32 ABI a kernel uses. _LIBC_LIMITS_H_ makes GCC's own, complete
# <limits.h> stand alone. A bare-metal GCC (arm-none-eabi-, ...) or Clang
# needs nothing of the kind.
ifeq ($(LLVM)$(GLIBC_ABI_DIFFERS),y)
ARCH_CFLAGS	+= -D_LIBC_LIMITS_H_
endif

# LLVM=1, LLVM=-NN (version suffix) or LLVM=/dir/ (prefix), as in Kbuild.
ifneq ($(LLVM),)
LLVM_PREFIX	:= $(if $(filter %/,$(LLVM)),$(LLVM))
LLVM_SUFFIX	:= $(if $(filter -%,$(LLVM)),$(LLVM))
CC		:= $(LLVM_PREFIX)clang$(LLVM_SUFFIX) \
		   $(if $(CLANG_TARGET),--target=$(CLANG_TARGET))
LD		:= $(LLVM_PREFIX)ld.lld$(LLVM_SUFFIX)
AR		:= $(LLVM_PREFIX)llvm-ar$(LLVM_SUFFIX)
NM		:= $(LLVM_PREFIX)llvm-nm$(LLVM_SUFFIX)
OBJCOPY		:= $(LLVM_PREFIX)llvm-objcopy$(LLVM_SUFFIX)
SIZE		:= $(LLVM_PREFIX)llvm-size$(LLVM_SUFFIX)
TOOLCHAIN	:= llvm
else
CC		:= $(CROSS_COMPILE)gcc
LD		:= $(CROSS_COMPILE)ld
AR		:= $(CROSS_COMPILE)ar
NM		:= $(CROSS_COMPILE)nm
OBJCOPY		:= $(CROSS_COMPILE)objcopy
SIZE		:= $(CROSS_COMPILE)size
TOOLCHAIN	:= gcc
endif

# Warnings every build of library and kernel code must pass.
WARN_CFLAGS := -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	       -Wshadow -Wundef -Wpointer-arith -Wvla

# Freestanding code: the library's own flags (src/Makefile.memblock) and
# what the demo kernels add.
FREESTANDING_CFLAGS := $(MEMBLOCK_CFLAGS) -fno-builtin -fno-common \
		       -fno-strict-aliasing
