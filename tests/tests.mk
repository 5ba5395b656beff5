# SPDX-License-Identifier: BSD-2-Clause
#
# Host tests. The library's own sources, the firmware parsers (firmware/)
# and the demo kernels' memory management (kernel/mm/) are compiled for the
# host with the test environment (tests/include/memblock_env.h) and linked
# with each suite in tests/unit/. Variants:
#   gcc     GCC, AddressSanitizer + UndefinedBehaviorSanitizer
#   clang   Clang, the same sanitizers
#   phys32  GCC with a 32-bit phys_addr_t, same sanitizers
# Each (variant, suite) pair is one TAP suite named unit-<variant>-<suite>.
# Build checks: the library for six targets with GCC and with Clang at
# three optimisation levels (LIB_MATRIX below), warning-free, and its archive
# free of C library and compiler runtime symbols.

UNIT_SUITES := $(sort $(basename $(notdir $(wildcard tests/unit/test_*.c))))
HOST_VARIANTS := gcc clang phys32

HOSTCC_gcc := gcc
HOSTCC_clang := clang
HOSTCC_phys32 := gcc
VARIANT_CFLAGS_phys32 := -DCONFIG_PHYS_ADDR_T_32BIT

SAN_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	      -fno-omit-frame-pointer
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror $(SAN_CFLAGS) \
	       -I$(srctree)/tests/include -I$(srctree)/include \
	       -I$(srctree)/firmware/include -I$(srctree)/kernel/include \
	       -I$(srctree)/tests/lib
TEST_LIB_SRCS := $(wildcard tests/lib/*.c)
# tests/lib/kconsole.c runs the kernels' own console and TAP code.
TEST_LIB_KERNEL_SRCS := kernel/printk.c kernel/ktap.c
# kernel/mm/memblock_hook.c is the kernels' hand-off hook; the harness has its own.
HOST_EXTRA_SRCS := $(wildcard firmware/*.c) \
	$(filter-out kernel/mm/memblock_hook.c,$(wildcard kernel/mm/*.c)) \
	$(TEST_LIB_KERNEL_SRCS)
HOST_HDRS := $(wildcard src/*.h include/*.h include/linux/*.h tests/include/*.h \
		firmware/include/firmware/*.h firmware/*.h kernel/include/kernel/*.h)

define host_variant
$(O)/host/$(1)/src/%.o: src/%.c $(HOST_HDRS)
	@mkdir -p $$(dir $$@)
	$(Q)$(HOSTCC_$(1)) $(HOST_CFLAGS) $(VARIANT_CFLAGS_$(1)) -c $$< -o $$@

$(O)/host/$(1)/extra/%.o: %.c $(HOST_HDRS)
	@mkdir -p $$(dir $$@)
	$(Q)$(HOSTCC_$(1)) $(HOST_CFLAGS) $(VARIANT_CFLAGS_$(1)) -c $$< -o $$@

$(O)/host/$(1)/lib/%.o: tests/lib/%.c $(wildcard tests/lib/*.h include/linux/*.h)
	@mkdir -p $$(dir $$@)
	$(Q)$(HOSTCC_$(1)) $(HOST_CFLAGS) $(VARIANT_CFLAGS_$(1)) -c $$< -o $$@

HOST_OBJS_$(1) := $(addprefix $(O)/host/$(1)/src/,$(MEMBLOCK_SRCS:.c=.o))
HOST_OBJS_$(1) += $(patsubst tests/lib/%.c,$(O)/host/$(1)/lib/%.o,$(TEST_LIB_SRCS))
HOST_OBJS_$(1) += $(patsubst %.c,$(O)/host/$(1)/extra/%.o,$(HOST_EXTRA_SRCS))

$(O)/host/$(1)/unit/%: tests/unit/%.c $$(HOST_OBJS_$(1)) $(wildcard tests/lib/*.h) $(HOST_HDRS)
	@mkdir -p $$(dir $$@)
	@$(if $(Q),echo "  HOSTCC  host/$(1)/unit/$$*")
	$(Q)$(HOSTCC_$(1)) $(HOST_CFLAGS) $(VARIANT_CFLAGS_$(1)) $$< $$(HOST_OBJS_$(1)) -o $$@

# test_string compiles in the x86-64 kernel's hooks (#include).
$(O)/host/$(1)/unit/test_string: arch/x86_64/memops.c arch/x86_64/memops.h

tap-unit-$(1)-%: $(O)/host/$(1)/unit/%
	$(Q)scripts/tap-run unit-$(1)-$$* $(O)/tap/unit-$(1)-$$*.tap $$<

TAP_SUITES += $(addprefix unit-$(1)-,$(UNIT_SUITES))
endef
$(foreach v,$(HOST_VARIANTS),$(eval $(call host_variant,$(v))))

.PHONY: unit
unit: $(foreach v,$(HOST_VARIANTS),$(addprefix $(O)/host/$(v)/unit/,$(UNIT_SUITES)))

# Library builds for every target, toolchain and optimisation level, each
# a TAP suite: build-<entry> (warning-free under -Werror) and nolibc-<entry>
# (the archive references nothing but itself and the environment hooks: no
# C library, no compiler runtime such as __udivdi3, __aeabi_*, memset).
# An entry is ARCH-TOOLCHAIN[-phys32]-OPT; the 32-bit targets are built
# with a 64-bit phys_addr_t and with CONFIG_PHYS_ADDR_T_32BIT.
LIB_ARCHES_64 := x86_64 arm64 riscv64
LIB_ARCHES_32 := i386 arm riscv32
LIB_TOOLCHAINS := gcc llvm
LIB_OPTS := O0 Os O2
LIB_MATRIX := $(foreach a,$(LIB_ARCHES_64) $(LIB_ARCHES_32),\
		$(foreach t,$(LIB_TOOLCHAINS),$(foreach o,$(LIB_OPTS),$(a)-$(t)-$(o)))) \
	      $(foreach a,$(LIB_ARCHES_32),\
		$(foreach t,$(LIB_TOOLCHAINS),$(foreach o,$(LIB_OPTS),$(a)-$(t)-phys32-$(o))))
matrix_words = $(subst -, ,$(1))
matrix_make = $(MAKE) -C $(srctree) ARCH=$(word 1,$(call matrix_words,$(1))) \
	$(if $(filter llvm,$(call matrix_words,$(1))),LLVM=1,LLVM=) \
	OPT_CFLAGS=-$(lastword $(call matrix_words,$(1))) \
	$(if $(filter phys32,$(call matrix_words,$(1))),EXTRA_CFLAGS=-DCONFIG_PHYS_ADDR_T_32BIT) \
	O=$(O)/matrix/$(1)

define lib_build
tap-build-$(1):
	$(Q)scripts/tap-check build-$(1) $(O)/tap/build-$(1).tap $(call matrix_make,$(1)) lib

tap-nolibc-$(1): tap-build-$(1)
	$(Q)scripts/tap-check nolibc-$(1) $(O)/tap/nolibc-$(1).tap $(call matrix_make,$(1)) check-nolibc

TAP_SUITES += build-$(1) nolibc-$(1)
endef
$(foreach b,$(LIB_MATRIX),$(eval $(call lib_build,$(b))))

# The firmware library (firmware/Makefile.firmware, all its sources) for
# the same matrix, in the same build directories, after the core's
# build-<entry> (it is checked against that libmemblock.a):
# fw-build-<entry> builds libfirmware.a warning-free; fw-symbols-<entry>
# (scripts/check-firmware) finds nothing undefined but the firmware and
# core libraries and the core's hooks (no C library, no compiler runtime),
# no global outside the firmware library's prefixes and its internal
# helpers' __fw_, and no public-prefix global that no public header declares.
define fw_build
tap-fw-build-$(1): tap-build-$(1)
	$(Q)scripts/tap-check fw-build-$(1) $(O)/tap/fw-build-$(1).tap \
		$(call matrix_make,$(1)) $(O)/matrix/$(1)/libfirmware.a

tap-fw-symbols-$(1): tap-fw-build-$(1)
	$(Q)scripts/tap-check fw-symbols-$(1) $(O)/tap/fw-symbols-$(1).tap \
		scripts/check-firmware $(O)/matrix/$(1)/libfirmware.a \
		$(O)/matrix/$(1)/libmemblock.a llvm-nm

TAP_SUITES += fw-build-$(1) fw-symbols-$(1)
endef
$(foreach b,$(LIB_MATRIX),$(eval $(call fw_build,$(b))))

# Kbuild's LLVM=-NN (a version suffix: clang-14, llvm-ar-14, ...) and an
# ARCH without a demo kernel or a default, given only CROSS_COMPILE.
tap-build-llvm-suffix:
	$(Q)scripts/tap-check build-llvm-suffix $(O)/tap/build-llvm-suffix.tap \
		$(MAKE) -C $(srctree) ARCH=riscv64 LLVM=-14 O=$(O)/matrix/llvm-suffix lib check-nolibc
tap-build-other-arch:
	$(Q)scripts/tap-check build-other-arch $(O)/tap/build-other-arch.tap \
		$(MAKE) -C $(srctree) ARCH=generic CROSS_COMPILE=aarch64-linux-gnu- \
		O=$(O)/matrix/other-arch lib check-nolibc
TAP_SUITES += build-llvm-suffix build-other-arch

# The build-system fragments (src/Makefile.memblock, memblock.cmake,
# meson.build) agree with each other and with src/, and each one alone
# builds a small out-of-tree user (tests/consumers/) that then runs.
tap-fragments:
	$(Q)scripts/tap-check fragments $(O)/tap/fragments.tap scripts/check-fragments
TAP_SUITES += fragments

CONSUMERS := make cmake meson custom-env kernel-u64
define consumer
tap-consumer-$(1):
	$(Q)scripts/tap-check consumer-$(1) $(O)/tap/consumer-$(1).tap \
		tests/consumers/run $(1) $(O)/consumers/$(1)
TAP_SUITES += consumer-$(1)
endef
$(foreach c,$(CONSUMERS),$(eval $(call consumer,$(c))))

# Every global symbol of the library is in its namespace (memblock_*,
# __memblock_*, __next_*, and Linux's memblock and movable_node_enabled),
# checked on a GCC and a Clang archive.
SYMBOL_CHECKS := x86_64-gcc-O2 riscv32-llvm-phys32-Os
define symbols_check
tap-symbols-$(1): tap-build-$(1)
	$(Q)scripts/tap-check symbols-$(1) $(O)/tap/symbols-$(1).tap \
		scripts/check-symbols $(O)/matrix/$(1)/libmemblock.a llvm-nm
TAP_SUITES += symbols-$(1)
endef
$(foreach b,$(SYMBOL_CHECKS),$(eval $(call symbols_check,$(b))))

# Only the permitted compiler headers may be included by library code.
tap-headers:
	$(Q)scripts/tap-check headers $(O)/tap/headers.tap scripts/check-headers
TAP_SUITES += headers

# Every public function carries a kernel-doc comment.
tap-kerneldoc:
	$(Q)scripts/tap-check kerneldoc $(O)/tap/kerneldoc.tap scripts/check-kerneldoc
TAP_SUITES += kerneldoc

# Every file carries an SPDX line.
tap-spdx:
	$(Q)scripts/tap-check spdx $(O)/tap/spdx.tap scripts/check-spdx
TAP_SUITES += spdx

# docs/api.md is generated from the header's kernel-doc and must be current.
tap-apidoc:
	$(Q)scripts/tap-check apidoc $(O)/tap/apidoc.tap scripts/gen-api-doc --check
TAP_SUITES += apidoc
