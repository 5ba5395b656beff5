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
comma := ,

ifeq ($(ARCH),x86_64)
X86_SRCS := $(wildcard arch/x86_64/*.c) $(wildcard arch/x86_64/*.S)
X86_OBJS := $(patsubst %,$(O)/%.o,$(basename $(X86_SRCS))) $(ARCH_COMMON_OBJS)
X86_HDRS := $(KERNEL_HDRS) $(wildcard arch/x86_64/*.h arch/x86_64/include/asm/*.h) \
	    $(ARCH_COMMON_HDRS)
# asm/mmu.h: the direct map's place for the code all kernels share
# (arch/common/, built with these flags: common.mk).
X86_CPPFLAGS := -I$(srctree)/arch/x86_64/include $(ARCH_COMMON_INCLUDE) $(KERNEL_CPPFLAGS)
ARCH_COMMON_CFLAGS :=
ARCH_COMMON_CPPFLAGS := $(X86_CPPFLAGS)
$(ARCH_COMMON_OBJS): $(X86_HDRS)
X86_LDFLAGS := -nostdlib -static -z max-page-size=0x1000 -T linker/x86_64.ld
# Everything in the image, the library included, runs in the top 2 GiB
# (-mcmodel=kernel) and sees memblock's phys <-> virt hooks as the direct
# map's offset (layout.h): the flags of every object when the kernel is a
# goal. The stamp holds the flags the objects in $(O) were built with, so
# that a "make lib" in the same O and a kernel build rebuild each other's.
X86_KERNEL_CFLAGS := -mcmodel=kernel -include $(srctree)/arch/x86_64/layout.h
X86_EXTRA_CFLAGS := $(if $(filter x86_64-kernel $(O)/$(X86_KERNEL_NAME),$(MAKECMDGOALS)),$(X86_KERNEL_CFLAGS))
CFLAGS += $(X86_EXTRA_CFLAGS)
X86_FLAGS_STAMP := $(O)/x86_64-kernel.cflags

.PHONY: x86_64-flags-force
$(X86_FLAGS_STAMP): x86_64-flags-force
	@mkdir -p $(dir $@)
	$(Q)echo '$(X86_EXTRA_CFLAGS)' | cmp -s - $@ || echo '$(X86_EXTRA_CFLAGS)' > $@
$(X86_OBJS) $(KERNEL_COMMON_OBJS) $(FIRMWARE_OBJS) $(LIB_OBJS): $(X86_FLAGS_STAMP) \
	arch/x86_64/layout.h arch/x86_64/boot_defs.h

$(O)/arch/x86_64/%.o: arch/x86_64/%.c $(X86_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(CC) $(CFLAGS) $(X86_CPPFLAGS) -c $< -o $@

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

# ---- boot tests ----
# Each boot is one TAP suite, boot-x86_64-<config>: every check the kernel
# makes, plus QEMU's exit status. Consoles are kept in $(O)/boot-logs/.
#   $(call x86_boot,NAME,IMAGE-TARGET,IMAGE,APPEND,QEMU ARGS)
define x86_boot
tap-boot-x86_64-$(1): $(2)
	$(Q)scripts/tap-run boot-x86_64-$(1) $(O)/tap/boot-x86_64-$(1).tap \
		scripts/boot-x86_64 -l $(O)/boot-logs/x86_64-$(1).log \
		-a "$(4)" $(3) $(5)
TAP_SUITES += boot-x86_64-$(1)
endef

X86_MACHINES := pc q35
X86_MEM_SIZES := 64M 128M 1G 3584M 4G 8G
$(foreach m,$(X86_MACHINES),$(foreach s,$(X86_MEM_SIZES),$(eval \
	$(call x86_boot,$(m)-$(s),x86_64-image,$(X86_KERNEL),memblock=debug,-machine $(m) -m $(s)))))

# mem= is an address limit on x86 (as in Linux): inside low memory, and above 4 GiB.
$(eval $(call x86_boot,pc-1G-mem256M,x86_64-image,$(X86_KERNEL),mem=256M test.backward=SSE2,-machine pc -m 1G))
$(eval $(call x86_boot,q35-8G-mem5G,x86_64-image,$(X86_KERNEL),mem=5G memblock=debug,-machine q35 -m 8G))

# Big guests (TCG allocates guest RAM lazily): the direct map above 4 GiB,
# with 1 GiB pages where the CPU has them (-cpu max; QEMU's default CPU
# has none: 2 MiB pages). 64 GiB is more than this host's RAM: the
# backend is reserve=off (MAP_NORESERVE), or Linux's overcommit check
# refuses it; the boot touches about 0.5 GiB of it (the page array).
# test.backward: the memory hooks' backward move must be memops.c's AVX2
# one on -cpu max (QEMU 7.2's TCG has AVX2; head.S enables the AVX state)
# and its SSE2 one on the default CPU (no AVX).
$(eval $(call x86_boot,pc-16G-gbpages,x86_64-image,$(X86_KERNEL),memblock=debug test.backward=AVX2,\
	-machine pc -m 16G -cpu max))
$(eval $(call x86_boot,q35-16G,x86_64-image,$(X86_KERNEL),test.backward=SSE2,-machine q35 -m 16G))
$(eval $(call x86_boot,q35-64G-gbpages,x86_64-image,$(X86_KERNEL),test.backward=AVX2,\
	-machine q35$(comma)memory-backend=ram -m 64G -cpu max \
	-object memory-backend-ram$(comma)id=ram$(comma)size=64G$(comma)reserve=off))
$(eval $(call x86_boot,pc-16G-mem10G-gbpages,x86_64-image,$(X86_KERNEL),mem=10G test.backward=AVX2,\
	-machine pc -m 16G -cpu max))
# NOMAP memory the direct map must be built around: 3 MiB from 5 GiB +
# 1 MiB breaks a 1 GiB page and two 2 MiB pages into smaller ones.
$(eval $(call x86_boot,nomap-q35-8G-gbpages,x86_64-image,$(X86_KERNEL),\
	memblock=debug test.nomap=3M@0x140100000 test.backward=AVX2,-machine q35 -m 8G -cpu max))

# The same kernel built with clang and ld.lld, on -cpu max: its AVX2
# backward move (the UEFI application, also Clang's, runs the SSE2 one).
X86_LLVM_O := $(O)/x86_64-llvm
.PHONY: x86_64-image-llvm
x86_64-image-llvm:
	$(Q)$(MAKE) -C $(srctree) ARCH=x86_64 LLVM=1 O=$(X86_LLVM_O) x86_64-kernel
$(eval $(call x86_boot,q35-1G-llvm,x86_64-image-llvm,$(X86_LLVM_O)/$(X86_KERNEL_NAME),\
	memblock=debug test.backward=AVX2,-machine q35 -m 1G -cpu max))

# GRUB (Multiboot2): a BIOS-bootable ISO per command line, booted with
# -cdrom. GRUB's own menu output goes to the serial console too.
#   $(call x86_iso,NAME,COMMAND LINE[,MODULES[,GRUB COMMANDS]]) -> target x86_64-iso-NAME
# MODULES: that many copies of the kernel file loaded as Multiboot2 modules.
# GRUB COMMANDS: quoted grub.cfg lines run before loading the kernel.
define x86_iso
.PHONY: x86_64-iso-$(1)
x86_64-iso-$(1): x86_64-image
	$(Q)rm -rf $(X86_O)/iso-$(1) && mkdir -p $(X86_O)/iso-$(1)/boot/grub
	$(Q)cp $(X86_KERNEL) $(X86_O)/iso-$(1)/boot/kernel.elf
	$(Q)printf '%s\n' 'set timeout=0' 'set default=0' \
		'serial --unit=0 --speed=115200' 'terminal_output serial' \
		'menuentry "memblock demo" {' $(4) \
		'  multiboot2 /boot/kernel.elf $(2)' \
		$(foreach i,$(wordlist 1,$(or $(3),0),1 2 3 4 5 6 7 8),'  module2 /boot/kernel.elf module$(i)') \
		'  boot' '}' \
		> $(X86_O)/iso-$(1)/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $(X86_O)/$(1).iso $(X86_O)/iso-$(1) > $(X86_O)/iso-$(1).log 2>&1 || \
		{ cat $(X86_O)/iso-$(1).log; exit 1; }
endef
$(eval $(call x86_iso,grub,memblock=debug))
$(eval $(call x86_boot,grub-pc-1G,x86_64-iso-grub,$(X86_O)/grub.iso,,-machine pc -m 1G))
$(eval $(call x86_boot,grub-q35-4G,x86_64-iso-grub,$(X86_O)/grub.iso,,-machine q35 -m 4G))

# NUMA: two nodes described by QEMU's SRAT. pc with 4 GiB puts node 1 on
# both sides of the PCI hole.
x86_numa = -smp 2 -object memory-backend-ram,id=m0,size=$(1) \
	-object memory-backend-ram,id=m1,size=$(2) \
	-numa node,memdev=m0,cpus=0,nodeid=0 -numa node,memdev=m1,cpus=1,nodeid=1
$(eval $(call x86_boot,numa-q35-1G,x86_64-image,$(X86_KERNEL),memblock=debug test.numa_nodes=2,\
	-machine q35 -m 1G $(call x86_numa,512M,512M)))
$(eval $(call x86_boot,numa-pc-4G,x86_64-image,$(X86_KERNEL),memblock=debug test.numa_nodes=2,\
	-machine pc -m 4G $(call x86_numa,2G,2G)))
# A first node with a CPU and no memory: QEMU puts all memory (the 640 KiB
# below 1 MiB too) in PXM 1. Linux numbers the CPUs' domains first (the
# SRAT's Local APIC entries), so node 0 is PXM 0, memoryless, and all
# memory is node 1.
$(eval $(call x86_boot,numa-memoryless0-pc-1G,x86_64-image,$(X86_KERNEL),memblock=debug test.numa_nodes=2,\
	-machine pc -m 1G -smp 2 -object memory-backend-ram$(comma)id=m1$(comma)size=1G \
	-numa node$(comma)cpus=0$(comma)nodeid=0 -numa node$(comma)memdev=m1$(comma)cpus=1$(comma)nodeid=1))
# CPUs listed in another order than memory: CPU 0 (socket 0) in PXM 1,
# whose memory comes second (from 2 GiB), CPU 1 in PXM 0. QEMU's SRAT
# lists the Local APIC entries by CPU, so Linux numbers PXM 1 node 0 and
# PXM 0 (the memory below 2 GiB) node 1.
x86_numa_cpus_swapped = -smp 2,sockets=2 -object memory-backend-ram,id=m0,size=2G \
	-object memory-backend-ram,id=m1,size=2G \
	-numa node,memdev=m0,nodeid=0 -numa node,memdev=m1,nodeid=1 \
	-numa cpu,node-id=1,socket-id=0 -numa cpu,node-id=0,socket-id=1
$(eval $(call x86_boot,numa-cpus-swapped-pc-4G,x86_64-image,$(X86_KERNEL),memblock=debug test.numa_nodes=2,\
	-machine pc -m 4G $(x86_numa_cpus_swapped)))
$(eval $(call x86_boot,numa-pc-1G-nosrat,x86_64-image,$(X86_KERNEL),test.numa_nodes=0,\
	-machine pc -m 1G))
$(eval $(call x86_iso,grub-numa,memblock=debug test.numa_nodes=2))
$(eval $(call x86_boot,grub-numa-q35-2G,x86_64-iso-grub-numa,$(X86_O)/grub-numa.iso,,\
	-machine q35 -m 2G $(call x86_numa,1G,1G)))

# Modules: GRUB's module2 and PVH's -initrd, each reserved where it landed.
$(eval $(call x86_iso,grub-modules,test.modules=2,2))
$(eval $(call x86_boot,grub-modules-pc-256M,x86_64-iso-grub-modules,$(X86_O)/grub-modules.iso,,-machine pc -m 256M))
$(eval $(call x86_boot,initrd-q35-256M,x86_64-image,$(X86_KERNEL),test.modules=1,-machine q35 -m 256M -initrd $(X86_KERNEL)))

# A firmware map with many RAM ranges, as real PCs have (QEMU's own has at
# most three): GRUB's cutmem punches 1 MiB holes into RAM below 2 GiB and
# above 4 GiB before it builds the Multiboot2 map, so physmem (4 static
# entries) grows during x86_memblock_setup(). The kernel checks the count
# (test.e820_ranges) and that every grown array lies inside its 4 GiB
# identity map and is reserved.
X86_CUTMEM_MIB := 64 96 128 256 384 512 768 1024 1536 5120 6144 7168
X86_CUTMEM := $(foreach h,$(X86_CUTMEM_MIB),'  cutmem $(h)M $(shell echo $$(($(h) + 1)))M')
$(eval $(call x86_iso,grub-cutmem,memblock=debug test.e820_ranges=14,0,$(X86_CUTMEM)))
$(eval $(call x86_boot,grub-cutmem-q35-8G,x86_64-iso-grub-cutmem,$(X86_O)/grub-cutmem.iso,,-machine q35 -m 8G))

# The UEFI application (arch/x86_64/efi/): PE32+ with Clang and lld-link,
# booted with OVMF.
include arch/x86_64/efi/efi.mk
