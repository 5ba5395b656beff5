# SPDX-License-Identifier: BSD-2-Clause
#
# The arm64 demo as a UEFI application: arch/arm64/efi/ with the demo
# kernels' shared runtime (kernel/), the library (src/), the firmware
# library (firmware/) and the UEFI code both applications share
# (arch/efi/), as a PE32+ image for AArch64 that AAVMF starts.
#
# Why not Clang's COFF output, as for x86-64: every AArch64 COFF target
# Clang 14 has (windows-msvc, windows-gnu, and cygwin, which on x86-64
# gives LP64) has a 32-bit long (LLP64), and the library assumes LP64. So
# the objects are ordinary LP64 ELF (the cross GCC the arm64 kernel uses),
# linked at 0 as a position-independent executable (efi.lds), and GNU
# objcopy (binutils-aarch64-linux-gnu) writes the PE32+ image from it: its
# sections keep their addresses as RVAs, start.S applies the ELF dynamic
# relocations at the load address before any C runs. No gnu-efi.
#
#   make arm64-efi        $(O)/arm64-efi/esp/EFI/BOOT/BOOTAA64.EFI
#   make demo-arm64-efi   boot it with AAVMF from a FAT drive, console on stdout
#
# Boot tests: tap-boot-arm64-uefi-* (AAVMF, Debian's qemu-efi-aarch64).

ARM64_EFI_O := $(O)/arm64-efi
ARM64_EFI_ESP := $(ARM64_EFI_O)/esp
ARM64_EFI_APP := $(ARM64_EFI_ESP)/EFI/BOOT/BOOTAA64.EFI
ARM64_EFI_CROSS ?= aarch64-linux-gnu-
ARM64_EFI_CC := $(ARM64_EFI_CROSS)gcc
ARM64_EFI_CFLAGS := $(FREESTANDING_CFLAGS) $(WARN_CFLAGS) -O2 \
	-mgeneral-regs-only -fpie -fvisibility=hidden \
	-I$(srctree)/arch/efi -I$(srctree)/kernel/include -I$(srctree)/include \
	-I$(srctree)/firmware/$(FIRMWARE_INCDIR) -DARCH_NAME='"arm64 UEFI"'
# The DT kernels' string routines (arch/dt/) and the arm64 kernel's
# memory hooks serve here too
# (built for the MMU on: the firmware's map is normal memory).
# src/env_default.c stays out, as in the x86-64 application: its weak
# memblock_env_free_pages() would compete with kernel/mm/memblock_hook.c's
# weak one (the first linked wins), and every hook it defaults is defined
# by kernel/ or the application.
ARM64_EFI_SRCS := $(addprefix src/,$(filter-out env_default.c,$(MEMBLOCK_SRCS))) \
	$(wildcard arch/arm64/efi/*.c arch/efi/*.c) arch/dt/string.c arch/arm64/memops.c \
	$(KERNEL_COMMON_SRCS) $(addprefix firmware/,$(FIRMWARE_SRCS))
ARM64_EFI_OBJS := $(patsubst %.c,$(ARM64_EFI_O)/%.o,$(ARM64_EFI_SRCS)) \
	$(ARM64_EFI_O)/arch/arm64/efi/start.o
ARM64_EFI_HDRS := $(wildcard include/*.h include/linux/*.h src/*.h \
	firmware/include/firmware/*.h arch/arm64/efi/*.h arch/efi/*.h kernel/include/kernel/*.h)
AAVMF_CODE ?= /usr/share/AAVMF/AAVMF_CODE.fd
AAVMF_VARS ?= /usr/share/AAVMF/AAVMF_VARS.fd

$(ARM64_EFI_O)/%.o: %.c $(ARM64_EFI_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(ARM64_EFI_CC) $(ARM64_EFI_CFLAGS) -c $< -o $@

$(ARM64_EFI_O)/%.o: %.S
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $(patsubst $(O)/%,%,$@)")
	$(Q)$(ARM64_EFI_CC) -c $< -o $@

$(ARM64_EFI_O)/app.elf: $(ARM64_EFI_OBJS) arch/arm64/efi/efi.lds
	@$(if $(Q),echo "  LD      $(patsubst $(O)/%,%,$@)")
	$(Q)$(ARM64_EFI_CROSS)ld -pie --no-dynamic-linker -z text -z norelro \
		-z max-page-size=4096 --fatal-warnings --no-undefined -nostdlib \
		-T arch/arm64/efi/efi.lds -Map $@.map -o $@ $(ARM64_EFI_OBJS)

# Only the sections the image needs; the ELF dynamic tables stay behind.
$(ARM64_EFI_APP): $(ARM64_EFI_O)/app.elf
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  OBJCOPY $(patsubst $(O)/%,%,$@)")
	$(Q)$(ARM64_EFI_CROSS)objcopy -j .text -j .reloc -j .data -j .rela \
		--target efi-app-aarch64 $< $@

.PHONY: arm64-efi demo-arm64-efi
arm64-efi: $(ARM64_EFI_APP)

ARM64_EFI_QEMU := -machine virt,acpi=off -cpu cortex-a57
demo-arm64-efi: $(ARM64_EFI_APP)
	$(Q)arch/efi/boot-uefi -a arm64 -v $(AAVMF_CODE) $(AAVMF_VARS) $(ARM64_EFI_ESP) \
		$(ARM64_EFI_QEMU) -m 512M

# Each boot is one TAP suite, boot-arm64-uefi-<NAME>: the application's
# checks, the console lines ARM64_EFI_EXPECT_<NAME> names (what QEMU was
# told, checked from outside), plus QEMU's exit status. Consoles in
# $(O)/boot-logs/. ARM64_EFI_QEMU_<NAME> are the boot's QEMU options, named
# once here: memblock-sim's agreement (tools/sim.mk) asks QEMU for the same
# machine's tree with them.
#
# With acpi=off QEMU gives no ACPI tables: AAVMF then installs the device
# tree in the configuration table. With acpi=on it installs the ACPI
# tables and no device tree at all (AAVMF gives one or the other): the
# application boots as Linux does on an ACPI machine (efi_acpi.c).
ARM64_EFI_QEMU_256M := $(ARM64_EFI_QEMU) -m 256M
ARM64_EFI_QEMU_2G := $(ARM64_EFI_QEMU) -m 2G
ARM64_EFI_QEMU_8G := $(ARM64_EFI_QEMU) -m 8G
# Two NUMA nodes of 1 GiB each (RAM starts at 1 GiB on virt).
ARM64_EFI_NUMA_NODES := -smp 2 \
	-object memory-backend-ram,id=m0,size=1G -object memory-backend-ram,id=m1,size=1G \
	-numa node,memdev=m0,cpus=0,nodeid=0 -numa node,memdev=m1,cpus=1,nodeid=1
ARM64_EFI_NUMA_2G_NODES := -e "NUMA: 2 node(s)"
# The numa-node-id of the DT's memory nodes.
ARM64_EFI_QEMU_numa-2G := $(ARM64_EFI_QEMU) -m 2G $(ARM64_EFI_NUMA_NODES)
# ACPI: the nodes from the SRAT. QEMU's node ids are the proximity
# domains; node 1 has a processor and no memory (Linux numbers domains as
# it meets them in the SRAT, processors first: 2 stays node 2), and there
# is room for hotplugged memory (maxmem): QEMU reserves (maxmem - RAM) +
# 1 GiB per slot from the first GiB boundary after RAM, a hotpluggable
# range of the last node that holds no memory at boot. Started from the
# UEFI shell (ARM64_EFI_SHELL_ESP), so that the command line comes from
# the image's LoadOptions.
ARM64_EFI_QEMU_acpi-numa-2G := -machine virt,acpi=on -cpu cortex-a57 \
	-m 2G,slots=2,maxmem=4G -smp 3 \
	-object memory-backend-ram,id=m0,size=1G -object memory-backend-ram,id=m1,size=1G \
	-numa node,memdev=m0,cpus=0,nodeid=0 -numa node,cpus=1,nodeid=1 \
	-numa node,memdev=m1,cpus=2,nodeid=2
ARM64_EFI_SRAT_LINE = -e "ACPI: SRAT: Node $(1) PXM $(1) [mem $(2)-$(3)]$(4)"
ARM64_EFI_CMDLINE_acpi-numa-2G := fs0:\memblock.efi memblock=debug acpi=on
ARM64_EFI_EXPECT_256M := -e "NUMA: 0 node(s)"
ARM64_EFI_EXPECT_2G := -e "NUMA: 0 node(s)"
ARM64_EFI_EXPECT_8G := -e "NUMA: 0 node(s)"
ARM64_EFI_EXPECT_numa-2G := $(ARM64_EFI_NUMA_2G_NODES)
ARM64_EFI_EXPECT_acpi-numa-2G := -e "NUMA: 3 node(s)" \
	$(foreach n,0 1 2,-e "ACPI: SRAT: Node $(n) PXM $(n) (processors)") \
	$(call ARM64_EFI_SRAT_LINE,0,0x0000000040000000,0x000000007fffffff) \
	$(call ARM64_EFI_SRAT_LINE,2,0x0000000080000000,0x00000000bfffffff) \
	$(call ARM64_EFI_SRAT_LINE,2,0x00000000c0000000,0x00000001bfffffff, hotplug) \
	-e 'command line: $(ARM64_EFI_CMDLINE_acpi-numa-2G)'

# A drive without EFI/BOOT/BOOTAA64.EFI: AAVMF's boot manager falls
# through to its UEFI shell, which runs startup.nsh (after its 5 second
# prompt) and starts the application with that line as its LoadOptions.
ARM64_EFI_SHELL_ESP := $(ARM64_EFI_O)/esp-shell
$(ARM64_EFI_SHELL_ESP)/memblock.efi: $(ARM64_EFI_APP) $(MAKEFILE_LIST)
	@mkdir -p $(dir $@)
	$(Q)printf '%s\r\n' '$(ARM64_EFI_CMDLINE_acpi-numa-2G)' > $(dir $@)startup.nsh
	$(Q)cp $< $@

#   $(call arm64_efi_boot,NAME,IMAGE,DRIVE)
define arm64_efi_boot
tap-boot-arm64-uefi-$(1): $(2)
	$(Q)scripts/tap-run boot-arm64-uefi-$(1) $(O)/tap/boot-arm64-uefi-$(1).tap \
		arch/efi/boot-uefi -a arm64 -l $(O)/boot-logs/arm64-uefi-$(1).log \
		$$(ARM64_EFI_EXPECT_$(1)) $(AAVMF_CODE) $(AAVMF_VARS) $(3) \
		$$(ARM64_EFI_QEMU_$(1))
TAP_SUITES += boot-arm64-uefi-$(1)
endef
$(eval $(call arm64_efi_boot,256M,$(ARM64_EFI_APP),$(ARM64_EFI_ESP)))
$(eval $(call arm64_efi_boot,2G,$(ARM64_EFI_APP),$(ARM64_EFI_ESP)))
$(eval $(call arm64_efi_boot,8G,$(ARM64_EFI_APP),$(ARM64_EFI_ESP)))
$(eval $(call arm64_efi_boot,numa-2G,$(ARM64_EFI_APP),$(ARM64_EFI_ESP)))
$(eval $(call arm64_efi_boot,acpi-numa-2G,$(ARM64_EFI_SHELL_ESP)/memblock.efi,$(ARM64_EFI_SHELL_ESP)))

# The application's own files are warning-free with Clang too (the build
# above is GCC's): the project's rule for every piece of kernel code.
tap-arm64-efi-clang:
	$(Q)scripts/tap-check arm64-efi-clang $(O)/tap/arm64-efi-clang.tap \
		clang --target=aarch64-linux-gnu $(ARM64_EFI_CFLAGS) -fsyntax-only \
		$(wildcard arch/arm64/efi/*.c arch/efi/*.c)
TAP_SUITES += arm64-efi-clang
