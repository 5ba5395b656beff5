# SPDX-License-Identifier: BSD-2-Clause
#
# memblock-sim (tools/sim/): the firmware glue and the library, built for
# the host with the test environment, as a command. The tests run a copy
# built with AddressSanitizer and UndefinedBehaviorSanitizer.
#
#   make memblock-sim            $(O)/tools/memblock-sim
#   make sim-golden              rewrite tests/sim/expected/ from the current
#                                build (then review the diff)
#   make test                    sim-golden, sim-errors, sim-svg, sim-clang and
#                                sim-agree-{x86_64,arm64,riscv64} suites

# The firmware library as firmware/Makefile.firmware lists it (kernel/
# kernel.mk includes the fragment), and the core library.
SIM_SRCS := $(wildcard tools/sim/*.c) $(addprefix firmware/,$(FIRMWARE_SRCS)) \
	    $(addprefix src/,$(MEMBLOCK_SRCS))
SIM_DEPS := $(SIM_SRCS) $(wildcard tools/sim/*.h src/*.h include/*.h include/linux/*.h \
	    firmware/*.h firmware/include/firmware/*.h tests/include/*.h)
SIM_CFLAGS := -std=gnu11 -g -Wall -Wextra -Werror \
	      -I$(srctree)/tests/include -I$(srctree)/include \
	      -I$(srctree)/firmware/$(FIRMWARE_INCDIR)
SIM_SAN_CFLAGS := -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
		  -fno-omit-frame-pointer
SIM := $(O)/tools/memblock-sim
SIM_SAN := $(O)/tools/memblock-sim-san
SIM_HOSTCC ?= gcc

$(SIM): $(SIM_DEPS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  tools/memblock-sim")
	$(Q)$(SIM_HOSTCC) $(SIM_CFLAGS) -O2 $(SIM_SRCS) -o $@

$(SIM_SAN): $(SIM_DEPS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  tools/memblock-sim-san")
	$(Q)$(SIM_HOSTCC) $(SIM_CFLAGS) $(SIM_SAN_CFLAGS) $(SIM_SRCS) -o $@

.PHONY: memblock-sim memblock-sim-san sim-golden
memblock-sim-san: $(SIM_SAN)
memblock-sim: $(SIM)

# Inputs: tests/sim/cases lists "NAME ARGS..." (paths relative to the
# tree; @FDT@ is $(O)/fdt, where tests/fdt.mk compiles the .dts files).
SIM_DTBS := $(patsubst tests/fdt/%.dts,$(O)/fdt/%.dtb,$(wildcard tests/fdt/*.dts))
SIM_RUN := env SIM=$(SIM_SAN) FDT=$(O)/fdt OUT=$(O)/sim BUILD=$(O) tests/sim/run

sim-golden: $(SIM_SAN) $(SIM_DTBS)
	$(Q)$(SIM_RUN) --update

tap-sim-golden: $(SIM_SAN) $(SIM_DTBS)
	$(Q)scripts/tap-run sim-golden $(O)/tap/sim-golden.tap $(SIM_RUN) golden

tap-sim-errors: $(SIM_SAN) $(SIM_DTBS)
	$(Q)scripts/tap-run sim-errors $(O)/tap/sim-errors.tap $(SIM_RUN) errors

tap-sim-svg: $(SIM_SAN) $(SIM_DTBS)
	$(Q)scripts/tap-run sim-svg $(O)/tap/sim-svg.tap $(SIM_RUN) svg

# Warning-free with Clang too.
tap-sim-clang: $(SIM_DEPS)
	$(Q)scripts/tap-check sim-clang $(O)/tap/sim-clang.tap \
		clang $(SIM_CFLAGS) -O2 $(SIM_SRCS) -o $(O)/tools/memblock-sim-clang

# Agreement with the kernels: each suite reads the console logs of boot
# suites of the same run, so it depends on them (tests/sim/run agree-*).
SIM_AGREE_X86_64 := q35-8G-mem5G numa-pc-4G numa-memoryless0-pc-1G numa-cpus-swapped-pc-4G \
	grub-cutmem-q35-8G uefi-q35-256M
SIM_AGREE_DT := reserved numa-reserved cmdline usable

tap-sim-agree-x86_64: $(SIM_SAN) $(addprefix tap-boot-x86_64-,$(SIM_AGREE_X86_64))
	$(Q)scripts/tap-run sim-agree-x86_64 $(O)/tap/sim-agree-x86_64.tap $(SIM_RUN) agree-x86_64

# The arm64 UEFI application's boots: each one's QEMU options
# (ARM64_EFI_QEMU_<BOOT>, arch/arm64/efi/efi.mk) go to the script, which
# asks QEMU for the machine's tree with them.
SIM_AGREE_ARM64_EFI := 256M 2G 8G numa-2G acpi-numa-2G

tap-sim-agree-arm64: $(SIM_SAN) $(addprefix tap-boot-arm64-,$(SIM_AGREE_DT)) \
		$(addprefix tap-boot-arm64-uefi-,$(SIM_AGREE_ARM64_EFI))
	$(Q)scripts/tap-run sim-agree-arm64 $(O)/tap/sim-agree-arm64.tap \
		env ARM64_EFI_BOOTS="$(SIM_AGREE_ARM64_EFI)" \
		$(foreach b,$(SIM_AGREE_ARM64_EFI),QEMU_ARM64_EFI_$(subst -,_,$(b))="$(ARM64_EFI_QEMU_$(b))") \
		$(SIM_RUN) agree-arm64

tap-sim-agree-riscv64: $(SIM_SAN) $(addprefix tap-boot-riscv64-,$(SIM_AGREE_DT))
	$(Q)scripts/tap-run sim-agree-riscv64 $(O)/tap/sim-agree-riscv64.tap $(SIM_RUN) agree-riscv64

TAP_SUITES += sim-golden sim-errors sim-svg sim-clang \
	      sim-agree-x86_64 sim-agree-arm64 sim-agree-riscv64
