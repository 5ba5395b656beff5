# SPDX-License-Identifier: BSD-2-Clause
#
# The device-tree kernels' shared code (arch/dt/): what the arm64 and the
# riscv64 demo kernels do alike, built into each with its own flags. The
# sequence from the device tree to memblock (setup.c), the checks of
# memblock against the tree read again independently (dt_expect.c,
# memory_checks.c, regions.c, alloc_checks.c), the tree's part of the
# direct map's proofs (map_checks.c), the stacks (stacks.S) and the C
# library routines the compiler may call (string.c); with them, the
# direct-map code all three kernels share (arch/common/, common.mk).
# Each architecture supplies the hooks arch/dt/include/dt/*.h and
# arch/common/include/common/*.h name (its asm/setup.h, asm/mmu.h) and,
# in its boot.mk, adds its headers to the prerequisites and sets
#   DT_ARCH_CFLAGS    code generation flags beyond $(CFLAGS)
#   DT_ARCH_CPPFLAGS  its include path and $(KERNEL_CPPFLAGS)
# (arch/common/ is built with the same: ARCH_COMMON_* below).

DT_KERNEL_SRCS := $(wildcard arch/dt/*.c arch/dt/*.S)
DT_KERNEL_HDRS := $(wildcard arch/dt/include/dt/*.h)
DT_KERNEL_OBJS = $(patsubst %,$(O)/%.o,$(basename $(DT_KERNEL_SRCS))) $(ARCH_COMMON_OBJS)
DT_KERNEL_CPPFLAGS := -I$(srctree)/arch/dt/include $(ARCH_COMMON_INCLUDE)
# Only the DT kernels' boot.mk set DT_ARCH_*; x86_64's sets these itself.
ARCH_COMMON_CFLAGS = $(DT_ARCH_CFLAGS)
ARCH_COMMON_CPPFLAGS = $(DT_ARCH_CPPFLAGS)

$(O)/arch/dt/%.o: arch/dt/%.c $(DT_KERNEL_HDRS) $(ARCH_COMMON_HDRS) $(KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(DT_ARCH_CFLAGS) $(DT_KERNEL_CPPFLAGS) $(DT_ARCH_CPPFLAGS) -c $< -o $@

$(O)/arch/dt/%.o: arch/dt/%.S $(DT_KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(ARCH_CFLAGS) $(DT_ARCH_CFLAGS) $(DT_KERNEL_CPPFLAGS) $(DT_ARCH_CPPFLAGS) \
		-D__ASSEMBLY__ -c $< -o $@
