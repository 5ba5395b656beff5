# SPDX-License-Identifier: BSD-2-Clause
#
# The x86-64 demo as a UEFI application: arch/x86_64/efi/ with the demo
# kernels' shared runtime (kernel/: start_kernel()'s flow, the buddy
# allocator and its proof), the library (src/) and the firmware library
# (firmware/), compiled by
# Clang for a COFF target with the Microsoft x64 calling convention and
# 64-bit long (x86_64-pc-cygwin: LP64, as the library assumes), linked by
# lld-link as a PE32+ EFI application. No gnu-efi: the UEFI definitions
# are arch/efi/uefi.h, written from the specification and shared with the
# arm64 application (arch/arm64/efi/), like leaving boot services
# (arch/efi/efi_exit.c) and the efi=debug lines (arch/efi/efi_debug.c).
#
#   make x86_64-efi        $(O)/x86_64-efi/esp/EFI/BOOT/BOOTX64.EFI
#   make demo-x86_64-efi   boot it with OVMF from a FAT drive, console on stdout
#
# Boot tests: tap-boot-x86_64-uefi-* (OVMF, Debian's ovmf package).

X86_EFI_O := $(O)/x86_64-efi
X86_EFI_ESP := $(X86_EFI_O)/esp
X86_EFI_APP := $(X86_EFI_ESP)/EFI/BOOT/BOOTX64.EFI
X86_EFI_CC := clang --target=x86_64-pc-cygwin
X86_EFI_CFLAGS := $(FREESTANDING_CFLAGS) $(WARN_CFLAGS) -O2 \
	-mno-red-zone -mgeneral-regs-only -mno-stack-arg-probe -fno-pic \
	-I$(srctree)/arch/efi -I$(srctree)/kernel/include -I$(srctree)/include \
	-I$(srctree)/firmware/$(FIRMWARE_INCDIR) -DARCH_NAME='"x86_64 UEFI"'
# The ELF kernel's string routines, memory hooks and COM1 console serve
# here too (the firmware has set COM1 up: serial_init() is not called).
# src/env_default.c stays out: in COFF two weak definitions of one name
# collide in lld-link (kernel/mm/memblock_hook.c's is weak as well), and
# every hook it defaults is defined by kernel/ or the application.
X86_EFI_SRCS := $(addprefix src/,$(filter-out env_default.c,$(MEMBLOCK_SRCS))) \
	$(wildcard arch/x86_64/efi/*.c arch/efi/*.c) arch/x86_64/string.c arch/x86_64/memops.c \
	arch/x86_64/console.c arch/x86_64/shared_checks.c \
	$(KERNEL_COMMON_SRCS) $(addprefix firmware/,$(FIRMWARE_SRCS))
X86_EFI_OBJS := $(patsubst %.c,$(X86_EFI_O)/%.obj,$(X86_EFI_SRCS))
X86_EFI_HDRS := $(wildcard include/*.h include/linux/*.h src/*.h arch/x86_64/*.h \
	firmware/include/firmware/*.h arch/x86_64/efi/*.h arch/efi/*.h kernel/include/kernel/*.h)
OVMF_CODE ?= /usr/share/OVMF/OVMF_CODE_4M.fd
OVMF_VARS ?= /usr/share/OVMF/OVMF_VARS_4M.fd

$(X86_EFI_O)/%.obj: %.c $(X86_EFI_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $(patsubst $(O)/%,%,$@)")
	$(Q)$(X86_EFI_CC) $(X86_EFI_CFLAGS) -c $< -o $@

$(X86_EFI_APP): $(X86_EFI_OBJS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $(patsubst $(O)/%,%,$@)")
	$(Q)lld-link /nologo /subsystem:efi_application /entry:efi_main \
		/nodefaultlib /out:$@ $(X86_EFI_OBJS)

.PHONY: x86_64-efi demo-x86_64-efi
x86_64-efi: $(X86_EFI_APP)

demo-x86_64-efi: $(X86_EFI_APP)
	$(Q)arch/efi/boot-uefi -v $(OVMF_CODE) $(OVMF_VARS) $(X86_EFI_ESP) \
		-machine q35 -m 512M

# Each boot is one TAP suite, boot-x86_64-uefi-<machine>-<memory>: the
# application's checks, plus QEMU's exit status. Consoles in $(O)/boot-logs/.
#   $(call x86_efi_boot,NAME,NODES LINE,QEMU ARGS)
define x86_efi_boot
tap-boot-x86_64-uefi-$(1): $(X86_EFI_APP)
	$(Q)scripts/tap-run boot-x86_64-uefi-$(1) $(O)/tap/boot-x86_64-uefi-$(1).tap \
		arch/efi/boot-uefi -l $(O)/boot-logs/x86_64-uefi-$(1).log \
		-e "$(2)" $(OVMF_CODE) $(OVMF_VARS) $(X86_EFI_ESP) $(3)
TAP_SUITES += boot-x86_64-uefi-$(1)
endef
$(eval $(call x86_efi_boot,q35-256M,NUMA: 0 node(s),-machine q35 -m 256M))
$(eval $(call x86_efi_boot,q35-2G,NUMA: 0 node(s),-machine q35 -m 2G))
$(eval $(call x86_efi_boot,pc-1G,NUMA: 0 node(s),-machine pc -m 1G))
# Memory above 4 GiB: the identity map reaches EFI_IDMAP_GIB (efi_app.h).
$(eval $(call x86_efi_boot,q35-8G,NUMA: 0 node(s),-machine q35 -m 8G))
# Two NUMA nodes: the SRAT found through the configuration table's RSDP.
$(eval $(call x86_efi_boot,numa-q35-2G,NUMA: 2 node(s),-machine q35 -m 2G \
	$(call x86_numa,1G,1G)))

# The application's own files are warning-free with GCC too (the build
# above is Clang's; GCC for Linux has no -mno-stack-arg-probe, nor needs it
# to check): the project's rule for every piece of kernel code.
tap-x86_64-efi-gcc:
	$(Q)scripts/tap-check x86_64-efi-gcc $(O)/tap/x86_64-efi-gcc.tap \
		gcc $(filter-out -mno-stack-arg-probe,$(X86_EFI_CFLAGS)) -fsyntax-only \
		$(wildcard arch/x86_64/efi/*.c arch/efi/*.c)
TAP_SUITES += x86_64-efi-gcc
