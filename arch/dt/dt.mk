# SPDX-License-Identifier: BSD-2-Clause
#
# The device-tree kernels' shared code (arch/dt/): what the arm64 and the
# riscv64 demo kernels do alike, built into each with its own flags. The
# sequence from the device tree to memblock (setup.c), the checks of
# memblock against the tree read again independently (dt_expect.c,
# memory_checks.c, regions.c, alloc_checks.c), the direct map's ranges
# and steps (map.c) and its proofs (map_checks.c), the stacks
# (stacks.S) and the C library routines the compiler may call
# (string.c). Each architecture supplies the hooks
# arch/dt/include/dt/*.h name (its asm/setup.h, asm/mmu.h) and, in its
# boot.mk, adds its headers to the prerequisites and sets
#   DT_ARCH_CFLAGS    code generation flags beyond $(CFLAGS)
#   DT_ARCH_CPPFLAGS  its include path and $(KERNEL_CPPFLAGS)

DT_KERNEL_SRCS := $(wildcard arch/dt/*.c arch/dt/*.S)
DT_KERNEL_HDRS := $(wildcard arch/dt/include/dt/*.h)
DT_KERNEL_OBJS = $(patsubst %,$(O)/%.o,$(basename $(DT_KERNEL_SRCS)))
DT_KERNEL_CPPFLAGS := -I$(srctree)/arch/dt/include

$(O)/arch/dt/%.o: arch/dt/%.c $(DT_KERNEL_HDRS) $(KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(DT_ARCH_CFLAGS) $(DT_KERNEL_CPPFLAGS) $(DT_ARCH_CPPFLAGS) -c $< -o $@

$(O)/arch/dt/%.o: arch/dt/%.S $(DT_KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(ARCH_CFLAGS) $(DT_ARCH_CFLAGS) $(DT_KERNEL_CPPFLAGS) $(DT_ARCH_CPPFLAGS) \
		-D__ASSEMBLY__ -c $< -o $@
