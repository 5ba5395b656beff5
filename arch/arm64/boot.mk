# SPDX-License-Identifier: BSD-2-Clause
#
# The arm64 demo kernel: a raw Image with the arm64 Linux image header,
# booted by QEMU virt's -kernel or by U-Boot's booti.
#
#   make ARCH=arm64 Image        $(O)/arch/arm64/boot/Image (and $(O)/vmlinux)
#   make demo-arm64              build it (any ARCH) and boot it in QEMU
#   make test                    kernel-arm64-{gcc,llvm} (the builds) and
#                                boot-arm64-<case>, one TAP suite per
#                                configuration of scripts/boot-arm64
#                                (scripts/boot-arm64 --list)
#
# The kernel is always built by a sub-make with ARCH=arm64 into
# $(O)/arm64 (LLVM: $(O)/arm64-llvm), so the boot tests run whatever the
# outer ARCH is.

ARM64_SRCS := $(wildcard arch/arm64/*.c arch/arm64/*.S)
ARM64_HDRS := $(wildcard arch/arm64/include/asm/*.h)
ARM64_CPPFLAGS := -I$(srctree)/arch/arm64/include $(DT_KERNEL_CPPFLAGS) $(KERNEL_CPPFLAGS)

ifeq ($(ARCH),arm64)
ARM64_OBJS := $(patsubst %,$(O)/%.o,$(basename $(ARM64_SRCS))) $(DT_KERNEL_OBJS)
# arch/dt/ (dt.mk) built for arm64.
DT_ARCH_CPPFLAGS := $(ARM64_CPPFLAGS)
$(DT_KERNEL_OBJS): $(ARM64_HDRS)
ARM64_LDFLAGS := -nostdlib -static --fatal-warnings --no-undefined \
		 -z noexecstack -z max-page-size=4096

# Everything in the image, the library included, sees memblock's phys <->
# virt hooks as the linear map's offset (asm/memory.h, force-included):
# the flags of every object when the kernel is a goal. The stamp holds the
# flags the objects in $(O) were built with, so that a "make lib" in the
# same O and a kernel build rebuild each other's.
ARM64_KERNEL_CFLAGS := -include $(srctree)/arch/arm64/include/asm/memory.h
ARM64_EXTRA_CFLAGS := $(if $(filter Image vmlinux $(O)/vmlinux $(O)/arch/arm64/boot/Image,\
			$(MAKECMDGOALS)),$(ARM64_KERNEL_CFLAGS))
CFLAGS += $(ARM64_EXTRA_CFLAGS)
ARM64_FLAGS_STAMP := $(O)/arm64-kernel.cflags

.PHONY: arm64-flags-force
$(ARM64_FLAGS_STAMP): arm64-flags-force
	@mkdir -p $(dir $@)
	$(Q)echo '$(ARM64_EXTRA_CFLAGS)' | cmp -s - $@ || echo '$(ARM64_EXTRA_CFLAGS)' > $@
$(ARM64_OBJS) $(KERNEL_COMMON_OBJS) $(FIRMWARE_OBJS) $(LIB_OBJS): $(ARM64_FLAGS_STAMP) \
	arch/arm64/include/asm/memory.h

$(O)/arch/arm64/%.o: arch/arm64/%.c $(ARM64_HDRS) $(KERNEL_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(ARM64_CPPFLAGS) -c $< -o $@

$(O)/arch/arm64/%.o: arch/arm64/%.S $(ARM64_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(ARCH_CFLAGS) $(ARM64_CPPFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(O)/vmlinux: $(ARM64_OBJS) $(KERNEL_COMMON_OBJS) $(FIRMWARE_LIB) $(LIB) \
	      linker/arm64.ld
	@$(if $(Q),echo "  LD      $(patsubst $(O)/%,%,$@)")
	$(Q)$(LD) $(ARM64_LDFLAGS) -T linker/arm64.ld -Map $@.map -o $@ \
		$(ARM64_OBJS) $(KERNEL_COMMON_OBJS) \
		--start-group $(FIRMWARE_LIB) $(LIB) --end-group

$(O)/arch/arm64/boot/Image: $(O)/vmlinux
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  OBJCOPY $(patsubst $(O)/%,%,$@)")
	$(Q)$(OBJCOPY) -O binary $< $@

.PHONY: Image
Image: $(O)/arch/arm64/boot/Image
endif

# ---- any ARCH: images in their own trees, the demo and the boot tests ----

ARM64_IMAGE := $(O)/arm64/arch/arm64/boot/Image
ARM64_IMAGE_LLVM := $(O)/arm64-llvm/arch/arm64/boot/Image
BOOT_ARM64 := $(srctree)/scripts/boot-arm64

# Command-line variables reach sub-makes, so say which toolchain each
# image uses: an outer LLVM=1 or an x86 CROSS_COMPILE must not leak in.
ARM64_CROSS_COMPILE := $(if $(filter arm64,$(ARCH)),$(CROSS_COMPILE),$(if \
			$(filter arm64,$(HOSTARCH)),,aarch64-linux-gnu-))
ARM64_MAKE_GCC := $(MAKE) -C $(srctree) ARCH=arm64 LLVM= \
		  CROSS_COMPILE=$(ARM64_CROSS_COMPILE) O=$(O)/arm64
ARM64_MAKE_LLVM := $(MAKE) -C $(srctree) ARCH=arm64 LLVM=1 O=$(O)/arm64-llvm

.PHONY: arm64-image arm64-image-llvm demo-arm64
arm64-image:
	$(Q)$(ARM64_MAKE_GCC) Image
arm64-image-llvm:
	$(Q)$(ARM64_MAKE_LLVM) Image

demo-arm64: arm64-image
	$(Q)$(BOOT_ARM64) --image $(ARM64_IMAGE) --work $(O)/arm64/boot demo

# Boot tests: building each image is a suite; each configuration of
# scripts/boot-arm64 is a suite, booting the GCC image (the "llvm" one
# boots the LLVM image). A failed build leaves no image, which the runner
# reports as a failure.
ARM64_BOOT_CASES := header 128m 1g 4g 16g 16g-mem 64g nomap numa initrd el2 reserved cmdline usable numa-reserved \
		    uboot uboot-el2 uboot-reserved uboot-raw fault fp panic hang misplaced no-stdout \
		    no-semihosting
ARM64_BOOT_WORK := $(O)/arm64/boot

.PHONY: tap-kernel-arm64-gcc tap-kernel-arm64-llvm
tap-kernel-arm64-gcc:
	$(Q)scripts/tap-check kernel-arm64-gcc $(O)/tap/kernel-arm64-gcc.tap \
		$(ARM64_MAKE_GCC) Image
tap-kernel-arm64-llvm:
	$(Q)scripts/tap-check kernel-arm64-llvm $(O)/tap/kernel-arm64-llvm.tap \
		$(ARM64_MAKE_LLVM) Image

tap-boot-arm64-llvm: tap-kernel-arm64-llvm
	$(Q)scripts/tap-run boot-arm64-llvm $(O)/tap/boot-arm64-llvm.tap \
		$(BOOT_ARM64) --image $(ARM64_IMAGE_LLVM) --work $(ARM64_BOOT_WORK) llvm

tap-boot-arm64-%: tap-kernel-arm64-gcc
	$(Q)scripts/tap-run boot-arm64-$* $(O)/tap/boot-arm64-$*.tap \
		$(BOOT_ARM64) --image $(ARM64_IMAGE) --work $(ARM64_BOOT_WORK) $*

TAP_SUITES += kernel-arm64-gcc kernel-arm64-llvm boot-arm64-llvm \
	      $(addprefix boot-arm64-,$(ARM64_BOOT_CASES))
