# SPDX-License-Identifier: BSD-2-Clause
#
# memblock - boot-time physical memory allocator for bare-metal kernels.
#
#   make                 build $(O)/libmemblock.a for ARCH
#   make run             the demo
#   make test            every test; ends with "N passed, N failed"
#   make help            every target and variable
#
# Kbuild conventions: ARCH=... CROSS_COMPILE=prefix- LLVM=1|-NN|dir/ V=1 O=dir

srctree := $(CURDIR)
O ?= build
override O := $(abspath $(O))

ifeq ($(V),1)
Q :=
else
Q := @
MAKEFLAGS += --no-print-directory
endif

include src/Makefile.memblock
include scripts/toolchain.mk

OPT_CFLAGS ?= -O2
CFLAGS := $(FREESTANDING_CFLAGS) $(WARN_CFLAGS) $(OPT_CFLAGS) -g $(ARCH_CFLAGS) \
	  $(EXTRA_CFLAGS)
LIB_CPPFLAGS := -I$(srctree)/include

LIB_OBJS := $(addprefix $(O)/src/,$(MEMBLOCK_SRCS:.c=.o))
LIB := $(O)/libmemblock.a

.PHONY: all lib check-nolibc test run coverage clean deps help
# Keep objects built through pattern-rule chains.
.SECONDARY:
.DEFAULT_GOAL := all

all: lib
lib: $(LIB)

$(O)/src/%.o: src/%.c $(wildcard src/*.h include/*.h include/linux/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(LIB_CPPFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	@$(if $(Q),echo "  AR      $(patsubst $(O)/%,%,$@)")
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# The archive references no C library or compiler runtime symbol.
check-nolibc: $(LIB)
	$(Q)scripts/check-nolibc $(LIB) $(NM)

# Every test suite adds its name to TAP_SUITES and provides a target
# tap-<name> that writes $(O)/tap/<name>.tap.
TAP_SUITES :=
# Fragments: tests/*.mk (host tests), kernel/kernel.mk (the demo kernels'
# shared runtime and the firmware parsers), arch/*/boot.mk (each demo
# kernel, its image and its boot tests), tools/*.mk (host tools).
include $(sort $(filter-out tests/claims.mk,$(wildcard tests/*.mk)))
include kernel/kernel.mk
include $(sort $(wildcard arch/*/boot.mk))
# The arm64 UEFI application (its own fragment: arch/arm64/ is the kernel's).
include arch/arm64/efi/efi.mk
include $(sort $(wildcard tools/*.mk))
# Last: the docs' count claims, checked after every boot suite.
include tests/claims.mk

deps:
	$(Q)scripts/install-deps

# Suites run with -k so that one failure does not hide the others; the
# summary counts a suite that never produced output as a failure.
# Suites run in parallel on every core unless the caller chose -j.
TEST_JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc))
test: deps
	$(Q)rm -rf $(O)/tap && mkdir -p $(O)/tap
	-$(Q)$(MAKE) -k $(TEST_JOBS) $(addprefix tap-,$(TAP_SUITES))
	$(Q)scripts/tap-summary $(O)/tap $(TAP_SUITES)

# The demo: boot the demo kernel for $(ARCH) in QEMU (DEMO=demo-host runs
# the host demo instead); BOOT=uefi boots the UEFI application instead
# (demo-x86_64-efi, demo-arm64-efi: OVMF, AAVMF).
BOOT ?=
ifeq ($(filter-out uefi,$(BOOT)),)
DEMO ?= demo-$(ARCH)$(if $(BOOT),-efi)
else
$(error BOOT=$(BOOT): the demo boots directly (no BOOT) or through UEFI (BOOT=uefi))
endif
run: deps
	$(Q)$(MAKE) $(DEMO)

clean:
	$(Q)rm -rf $(O)

help:
	@echo 'The library:'
	@echo '  all, lib          $$(O)/libmemblock.a for ARCH (default target)'
	@echo '  check-nolibc      check that archive: no C library or compiler runtime symbol'
	@echo 'Demos:'
	@echo '  run               boot the demo kernel for ARCH in QEMU (DEMO=demo-host: on the host)'
	@echo '                    BOOT=uefi: the UEFI application (x86_64: OVMF, arm64: AAVMF)'
	@echo '  demo-x86_64, demo-arm64, demo-riscv64, demo-host, demo-x86_64-efi, demo-arm64-efi'
	@echo '  x86_64-kernel, x86_64-image, Image (ARCH=arm64|riscv64), arm64-image, riscv64-image'
	@echo '  memblock-sim      the simulator ($$(O)/tools/memblock-sim), see docs/memblock-sim.md'
	@echo 'Tests:'
	@echo '  test              every suite; ends with "N passed, N failed"'
	@echo '  unit              build the host unit tests only'
	@echo '  tap-SUITE         one suite, into $$(O)/tap/SUITE.tap (e.g. tap-unit-gcc-test_add)'
	@echo '  coverage          line and branch coverage of src/'
	@echo '  fuzz              the libFuzzer targets, FUZZ_SECONDS each'
	@echo '  ledger-long       ~10^8 ledger-checked operations (LEDGER_SCALE, LEDGER_JOBS; use -jN)'
	@echo '  bench             benchmarks (valgrind): bench/results.md, bench/ops-vs-n.svg'
	@echo 'Other:'
	@echo '  deps              install the missing Debian packages (scripts/deps.txt)'
	@echo '  clean             remove $$(O)'
	@echo 'Variables (Kbuild style):'
	@echo '  ARCH=x86_64|arm64|riscv64 demo kernels and library; ARCH=i386|arm|riscv32,'
	@echo '                    or any other with CROSS_COMPILE/CLANG_TARGET: the library'
	@echo '  CROSS_COMPILE=pfx- GNU toolchain prefix'
	@echo '  LLVM=1            clang and LLVM tools; LLVM=-14: clang-14 ...; LLVM=/dir/: from there'
	@echo '  O=dir             output directory (default build)'
	@echo '  V=1               show the commands'
	@echo '  OPT_CFLAGS=-Os    optimisation of the library and kernels (default -O2)'
	@echo '  EXTRA_CFLAGS=...  more flags, e.g. -DCONFIG_PHYS_ADDR_T_32BIT'
	@echo 'Now: ARCH=$(ARCH) CC=$(CC)'

