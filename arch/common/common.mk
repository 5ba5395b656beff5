# SPDX-License-Identifier: BSD-2-Clause
#
# What every demo kernel (x86_64, arm64, riscv64) does alike beneath its
# page-table format (arch/common/): the direct map's ranges, steps and
# table pages from memblock (directmap.c) and its proofs against
# memblock.memory (directmap_checks.c, directmap_linear.c), behind the
# hooks arch/common/include/common/directmap.h names. Built into each
# kernel with that kernel's flags: its boot.mk (for the DT kernels,
# arch/dt/dt.mk) sets
#   ARCH_COMMON_CFLAGS    code generation flags beyond $(CFLAGS)
#   ARCH_COMMON_CPPFLAGS  its include path (its asm/mmu.h) and $(KERNEL_CPPFLAGS)
# and adds $(ARCH_COMMON_OBJS) to what it links.

ARCH_COMMON_SRCS := $(wildcard arch/common/*.c)
ARCH_COMMON_HDRS := $(wildcard arch/common/include/common/*.h)
ARCH_COMMON_OBJS = $(patsubst %.c,$(O)/%.o,$(ARCH_COMMON_SRCS))
ARCH_COMMON_INCLUDE := -I$(srctree)/arch/common/include

$(O)/arch/common/%.o: arch/common/%.c $(ARCH_COMMON_HDRS) $(KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(ARCH_COMMON_CFLAGS) $(ARCH_COMMON_INCLUDE) $(ARCH_COMMON_CPPFLAGS) \
		-c $< -o $@
