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
# Build checks: the library for x86_64 and arm64 with GCC and with Clang,
# warning-free, and its archive free of C library symbols.

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
HOST_EXTRA_SRCS := $(wildcard firmware/*.c kernel/mm/*.c) $(TEST_LIB_KERNEL_SRCS)
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

tap-unit-$(1)-%: $(O)/host/$(1)/unit/%
	$(Q)scripts/tap-run unit-$(1)-$$* $(O)/tap/unit-$(1)-$$*.tap $$<

TAP_SUITES += $(addprefix unit-$(1)-,$(UNIT_SUITES))
endef
$(foreach v,$(HOST_VARIANTS),$(eval $(call host_variant,$(v))))

.PHONY: unit
unit: $(foreach v,$(HOST_VARIANTS),$(addprefix $(O)/host/$(v)/unit/,$(UNIT_SUITES)))

# Library builds for every target and toolchain, each a TAP suite.
LIB_MATRIX := x86_64-gcc x86_64-llvm arm64-gcc arm64-llvm
matrix_arch = $(word 1,$(subst -, ,$(1)))
matrix_llvm = $(filter llvm,$(word 2,$(subst -, ,$(1))))
matrix_nm = $(if $(call matrix_llvm,$(1)),llvm-nm,$(if $(filter arm64,$(call matrix_arch,$(1))),aarch64-linux-gnu-nm,nm))

define lib_build
tap-build-$(1):
	$(Q)scripts/tap-check build-$(1) $(O)/tap/build-$(1).tap $(MAKE) -C $(srctree) ARCH=$(call matrix_arch,$(1)) $(if $(call matrix_llvm,$(1)),LLVM=1) O=$(O)/matrix/$(1) lib

tap-nolibc-$(1): tap-build-$(1)
	$(Q)scripts/tap-check nolibc-$(1) $(O)/tap/nolibc-$(1).tap scripts/check-nolibc $(O)/matrix/$(1)/libmemblock.a $(call matrix_nm,$(1))

TAP_SUITES += build-$(1) nolibc-$(1)
endef
$(foreach b,$(LIB_MATRIX),$(eval $(call lib_build,$(b))))

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
