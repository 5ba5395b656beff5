# SPDX-License-Identifier: BSD-2-Clause
#
# The demo kernels' shared runtime, compiled for $(ARCH) with the same
# flags as the library. An architecture's boot.mk links KERNEL_COMMON_OBJS,
# its own objects and $(LIB) into the kernel image.

KERNEL_COMMON_SRCS := kernel/main.c kernel/printk.c kernel/ktap.c \
		      kernel/memblock_hooks.c
KERNEL_CPPFLAGS := -I$(srctree)/kernel/include -I$(srctree)/include
KERNEL_COMMON_OBJS = $(patsubst %.c,$(O)/%.o,$(KERNEL_COMMON_SRCS))

$(O)/kernel/%.o: kernel/%.c $(wildcard kernel/include/kernel/*.h include/*.h include/linux/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(KERNEL_CPPFLAGS) -DARCH_NAME='"$(ARCH)"' -c $< -o $@
