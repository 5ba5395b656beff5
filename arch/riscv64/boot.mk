# SPDX-License-Identifier: BSD-2-Clause
#
# The riscv64 demo kernel: a raw Image with the RISC-V Linux image header,
# booted by QEMU virt's -kernel behind its default OpenSBI (-bios default).
#
#   make ARCH=riscv64 Image      $(O)/arch/riscv64/boot/Image (and $(O)/vmlinux)
#   make demo-riscv64            build it (any ARCH) and boot it in QEMU
#   make test                    kernel-riscv64-{gcc,llvm} (the builds) and
#                                boot-riscv64-<case>, one TAP suite per
#                                configuration of scripts/boot-riscv64
#                                (scripts/boot-riscv64 --list)
#
# What the device-tree kernels do alike is arch/dt/'s (dt.mk), shared
# with arm64 and built here with this kernel's flags.

RISCV64_SRCS := $(wildcard arch/riscv64/*.c arch/riscv64/*.S)
RISCV64_HDRS := $(wildcard arch/riscv64/include/asm/*.h)
RISCV64_CPPFLAGS := -I$(srctree)/arch/riscv64/include $(DT_KERNEL_CPPFLAGS) $(KERNEL_CPPFLAGS)
# The kernel's own code uses CSRs: GCC 12's ISA spec (20191213) moved them
# out of "i" into Zicsr; Clang 14 still counts them in "i" and knows no
# Zicsr. ld.lld 14 cannot relax, so the alignment head.S asks for must not
# be left to relaxation (R_RISCV_ALIGN). The library and firmware archives
# keep the plain ARCH_CFLAGS.
RISCV64_ISA := $(if $(LLVM),-mno-relax,-march=rv64imac_zicsr)

ifeq ($(ARCH),riscv64)
# Everything in the image, the library included, sees memblock's phys <->
# virt hooks as the direct map's offset (layout.h): the flags of every
# object when the kernel is a goal. The stamp holds the flags the objects
# in $(O) were built with, so that a "make lib" in the same O and a kernel
# build rebuild each other's (as arch/x86_64/boot.mk does).
RISCV64_KERNEL_CFLAGS := -include $(srctree)/arch/riscv64/include/asm/layout.h
RISCV64_EXTRA_CFLAGS := $(if $(filter Image $(O)/vmlinux $(O)/arch/riscv64/boot/Image,$(MAKECMDGOALS)),$(RISCV64_KERNEL_CFLAGS))
CFLAGS += $(RISCV64_EXTRA_CFLAGS)
RISCV64_FLAGS_STAMP := $(O)/riscv64-kernel.cflags

.PHONY: riscv64-flags-force
$(RISCV64_FLAGS_STAMP): riscv64-flags-force
	@mkdir -p $(dir $@)
	$(Q)echo '$(RISCV64_EXTRA_CFLAGS)' | cmp -s - $@ || echo '$(RISCV64_EXTRA_CFLAGS)' > $@

RISCV64_OBJS := $(patsubst %,$(O)/%.o,$(basename $(RISCV64_SRCS))) $(DT_KERNEL_OBJS)
# arch/dt/ (dt.mk) built for riscv64.
DT_ARCH_CFLAGS := $(RISCV64_ISA)
DT_ARCH_CPPFLAGS := $(RISCV64_CPPFLAGS)
$(DT_KERNEL_OBJS): $(RISCV64_HDRS)
RISCV64_LDFLAGS := -nostdlib -static --fatal-warnings --no-undefined \
		   -z noexecstack -z max-page-size=4096

$(RISCV64_OBJS) $(KERNEL_COMMON_OBJS) $(FIRMWARE_OBJS) $(LIB_OBJS): $(RISCV64_FLAGS_STAMP) \
	arch/riscv64/include/asm/layout.h

$(O)/arch/riscv64/%.o: arch/riscv64/%.c $(RISCV64_HDRS) $(KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(RISCV64_ISA) $(RISCV64_CPPFLAGS) -c $< -o $@

$(O)/arch/riscv64/%.o: arch/riscv64/%.S $(RISCV64_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(ARCH_CFLAGS) $(RISCV64_ISA) $(RISCV64_CPPFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(O)/vmlinux: $(RISCV64_OBJS) $(KERNEL_COMMON_OBJS) $(FIRMWARE_LIB) $(LIB) \
	      linker/riscv64.ld
	@$(if $(Q),echo "  LD      $(patsubst $(O)/%,%,$@)")
	$(Q)$(LD) $(RISCV64_LDFLAGS) -T linker/riscv64.ld -Map $@.map -o $@ \
		$(RISCV64_OBJS) $(KERNEL_COMMON_OBJS) \
		--start-group $(FIRMWARE_LIB) $(LIB) --end-group

$(O)/arch/riscv64/boot/Image: $(O)/vmlinux
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  OBJCOPY $(patsubst $(O)/%,%,$@)")
	$(Q)$(OBJCOPY) -O binary $< $@

.PHONY: Image
Image: $(O)/arch/riscv64/boot/Image
endif

# ---- any ARCH: images in their own trees, the demo and the boot tests ----

RISCV64_IMAGE := $(O)/riscv64/arch/riscv64/boot/Image
RISCV64_IMAGE_LLVM := $(O)/riscv64-llvm/arch/riscv64/boot/Image
BOOT_RISCV64 := $(srctree)/scripts/boot-riscv64

# Command-line variables reach sub-makes, so say which toolchain each
# image uses: an outer LLVM=1 or another CROSS_COMPILE must not leak in.
RISCV64_CROSS_COMPILE := $(if $(filter riscv64,$(ARCH)),$(CROSS_COMPILE),$(if \
			$(filter riscv64,$(HOSTARCH)),,riscv64-linux-gnu-))
RISCV64_MAKE_GCC := $(MAKE) -C $(srctree) ARCH=riscv64 LLVM= \
		    CROSS_COMPILE=$(RISCV64_CROSS_COMPILE) O=$(O)/riscv64
RISCV64_MAKE_LLVM := $(MAKE) -C $(srctree) ARCH=riscv64 LLVM=1 O=$(O)/riscv64-llvm

.PHONY: riscv64-image riscv64-image-llvm demo-riscv64
riscv64-image:
	$(Q)$(RISCV64_MAKE_GCC) Image
riscv64-image-llvm:
	$(Q)$(RISCV64_MAKE_LLVM) Image

demo-riscv64: riscv64-image
	$(Q)$(BOOT_RISCV64) --image $(RISCV64_IMAGE) --work $(O)/riscv64/boot demo

# Boot tests: building each image is a suite; each configuration of
# scripts/boot-riscv64 is a suite, booting the GCC image (the "llvm" one
# boots the LLVM image).
RISCV64_BOOT_CASES := header 128m 1g 4g 8g 16g 64g sv39 usable elf-load numa initrd reserved cmdline numa-reserved \
		      uboot fault pagefault illegal panic hang misplaced no-stdout
RISCV64_BOOT_WORK := $(O)/riscv64/boot

.PHONY: tap-kernel-riscv64-gcc tap-kernel-riscv64-llvm
tap-kernel-riscv64-gcc:
	$(Q)scripts/tap-check kernel-riscv64-gcc $(O)/tap/kernel-riscv64-gcc.tap \
		$(RISCV64_MAKE_GCC) Image
tap-kernel-riscv64-llvm:
	$(Q)scripts/tap-check kernel-riscv64-llvm $(O)/tap/kernel-riscv64-llvm.tap \
		$(RISCV64_MAKE_LLVM) Image

tap-boot-riscv64-llvm: tap-kernel-riscv64-llvm
	$(Q)scripts/tap-run boot-riscv64-llvm $(O)/tap/boot-riscv64-llvm.tap \
		$(BOOT_RISCV64) --image $(RISCV64_IMAGE_LLVM) --work $(RISCV64_BOOT_WORK) llvm

tap-boot-riscv64-%: tap-kernel-riscv64-gcc
	$(Q)scripts/tap-run boot-riscv64-$* $(O)/tap/boot-riscv64-$*.tap \
		$(BOOT_RISCV64) --image $(RISCV64_IMAGE) --work $(RISCV64_BOOT_WORK) $*

TAP_SUITES += kernel-riscv64-gcc kernel-riscv64-llvm boot-riscv64-llvm \
	      $(addprefix boot-riscv64-,$(RISCV64_BOOT_CASES))
