# SPDX-License-Identifier: BSD-2-Clause
#
# The x86-64 demo kernel: an ELF64 image that QEMU boots directly (PVH) or
# through GRUB (Multiboot2), and its boot tests.
#
#   make ARCH=x86_64 x86_64-kernel   build $(O)/x86_64-kernel.elf
#   make demo-x86_64                 boot it in QEMU, console on stdout
#
# The boot tests always build the kernel for x86_64 in $(O)/x86_64 through a
# sub-make, whatever ARCH the outer make has.

X86_KERNEL_NAME := x86_64-kernel.elf
X86_O := $(O)/x86_64
X86_KERNEL := $(X86_O)/$(X86_KERNEL_NAME)
QEMU_X86 ?= qemu-system-x86_64

ifeq ($(ARCH),x86_64)
X86_SRCS := $(wildcard arch/x86_64/*.c) $(wildcard arch/x86_64/*.S)
X86_OBJS := $(patsubst %,$(O)/%.o,$(basename $(X86_SRCS)))
X86_HDRS := $(KERNEL_HDRS) $(wildcard arch/x86_64/*.h)
X86_LDFLAGS := -nostdlib -static -z max-page-size=0x1000 -T linker/x86_64.ld

$(O)/arch/x86_64/%.o: arch/x86_64/%.c $(X86_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(KERNEL_CPPFLAGS) -c $< -o $@

$(O)/arch/x86_64/%.o: arch/x86_64/%.S $(X86_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(KERNEL_CPPFLAGS) -c $< -o $@

$(O)/$(X86_KERNEL_NAME): $(X86_OBJS) $(KERNEL_COMMON_OBJS) $(FIRMWARE_LIB) $(LIB) linker/x86_64.ld
	@$(if $(Q),echo "  LD      $(patsubst $(O)/%,%,$@)")
	$(Q)$(LD) $(X86_LDFLAGS) -o $@ $(X86_OBJS) $(KERNEL_COMMON_OBJS) \
		$(FIRMWARE_LIB) $(LIB)

.PHONY: x86_64-kernel
x86_64-kernel: $(O)/$(X86_KERNEL_NAME)
endif

# QEMU as the boot tests use it: TCG, serial on stdout, no display, and an
# exit device so the kernel reports its result as QEMU's exit status.
QEMU_X86_FLAGS := -accel tcg -display none -serial stdio -no-reboot \
		  -device isa-debug-exit,iobase=0xf4,iosize=0x04
DEMO_X86_CMDLINE ?= memblock=debug

.PHONY: x86_64-image demo-x86_64
x86_64-image:
	$(Q)$(MAKE) -C $(srctree) ARCH=x86_64 O=$(X86_O) x86_64-kernel

# The kernel exits QEMU with 33 when every check passed.
demo-x86_64: x86_64-image
	$(Q)$(QEMU_X86) $(QEMU_X86_FLAGS) -m 512M -kernel $(X86_KERNEL) \
		-append "$(DEMO_X86_CMDLINE)"; test $$? -eq 33
