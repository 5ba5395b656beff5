# SPDX-License-Identifier: BSD-2-Clause
#
# Toolchain selection, Kbuild style:
#   ARCH=x86_64|arm64   target architecture (default: the host's)
#   CROSS_COMPILE=pfx-  GNU toolchain prefix (default for arm64 on a
#                       non-arm64 host: aarch64-linux-gnu-)
#   LLVM=1              clang, ld.lld and llvm-* instead of GNU tools
#
HOSTARCH := $(shell uname -m | sed -e 's/aarch64/arm64/' -e 's/amd64/x86_64/')
ARCH ?= $(HOSTARCH)

ifeq ($(ARCH),x86_64)
CLANG_TARGET	:= x86_64-unknown-none-elf
ARCH_CFLAGS	:= -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie
else ifeq ($(ARCH),arm64)
ifneq ($(HOSTARCH),arm64)
CROSS_COMPILE	?= aarch64-linux-gnu-
endif
CLANG_TARGET	:= aarch64-unknown-none-elf
ARCH_CFLAGS	:= -mgeneral-regs-only -mstrict-align -fno-pic -fno-pie
else
$(error ARCH=$(ARCH) is not supported: use x86_64 or arm64)
endif

ifneq ($(LLVM),)
CC		:= clang --target=$(CLANG_TARGET)
LD		:= ld.lld
AR		:= llvm-ar
NM		:= llvm-nm
OBJCOPY		:= llvm-objcopy
SIZE		:= llvm-size
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

# Freestanding code: no C library, no hidden calls into one.
FREESTANDING_CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -fno-common \
		       -fno-stack-protector -fno-strict-aliasing
