# SPDX-License-Identifier: BSD-2-Clause
#
# The demo kernels' shared runtime (kernel/*.c, kernel/mm/*.c) and the
# firmware library (the sources firmware/Makefile.firmware lists, with the
# flags it asks for, archived so that each kernel links only what it
# uses), compiled for $(ARCH) with the library's flags. An architecture's
# boot.mk links its own objects, KERNEL_COMMON_OBJS, $(FIRMWARE_LIB) and
# $(LIB) into the kernel image.

include firmware/Makefile.firmware
# The direct-map code of every demo kernel (x86_64, arm64, riscv64).
include arch/common/common.mk
# The device-tree kernels' shared code (arm64, riscv64).
include arch/dt/dt.mk

KERNEL_COMMON_SRCS := $(wildcard kernel/*.c kernel/mm/*.c)
KERNEL_CPPFLAGS := -I$(srctree)/kernel/include \
		   -I$(srctree)/firmware/$(FIRMWARE_INCDIR) -I$(srctree)/include
KERNEL_COMMON_OBJS = $(patsubst %.c,$(O)/%.o,$(KERNEL_COMMON_SRCS))
KERNEL_HDRS := $(wildcard kernel/include/kernel/*.h firmware/include/firmware/*.h firmware/*.h \
		include/*.h include/linux/*.h)

KERNEL_FIRMWARE_SRCS := $(addprefix firmware/,$(FIRMWARE_SRCS))
# The fragment is what vendors copy: it must name every source there is.
ifneq ($(sort $(KERNEL_FIRMWARE_SRCS)),$(sort $(wildcard firmware/*.c)))
$(error firmware/Makefile.firmware lists $(sort $(FIRMWARE_SRCS)), firmware/ has $(sort $(notdir $(wildcard firmware/*.c))))
endif
FIRMWARE_OBJS = $(patsubst %.c,$(O)/%.o,$(KERNEL_FIRMWARE_SRCS))
FIRMWARE_LIB = $(O)/libfirmware.a

$(O)/firmware/%.o: firmware/%.c $(KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(FIRMWARE_CFLAGS) $(KERNEL_CPPFLAGS) -c $< -o $@

$(FIRMWARE_LIB): $(FIRMWARE_OBJS)
	@$(if $(Q),echo "  AR      $(patsubst $(O)/%,%,$@)")
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(O)/kernel/%.o: kernel/%.c $(KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(KERNEL_CPPFLAGS) -DARCH_NAME='"$(ARCH)"' -c $< -o $@
