# SPDX-License-Identifier: BSD-2-Clause
#
# Device tree tests.
#
# tests/fdt/*.dts are compiled with dtc into $(O)/fdt/*.dtb: QEMU's own
# virt trees (dumped and decompiled) and trees written for one behaviour
# each. The unit suites tests/unit/test_fdt*.c load them from there (see
# tests/fdt/dtb-load.h), so their binaries depend on the blobs.
#
# fdt-oracle: tests/fdt/oracle-libfdt.c walks each blob with libfdt,
# tests/fdt/fdtr-dump.c with this project's reader; their outputs must be
# identical. The same comparison runs on damaged blobs made by
# tests/fdt/gen-damaged (accept/reject verdicts must agree, and accepted
# blobs must dump identically). libfdt is linked by the oracle only.
#
# fdt-fuzz: tests/fdt/fuzz-one.c's fdt_fuzz_one() (a libFuzzer-style
# entry point) run under ASan+UBSan over every blob and many mutations.

FDT_DTS := $(wildcard tests/fdt/*.dts)
FDT_DTBS := $(patsubst tests/fdt/%.dts,$(O)/fdt/%.dtb,$(FDT_DTS))
FDT_READER_SRCS := firmware/fdt.c firmware/fdt_ro.c firmware/fdt_addresses.c \
		   firmware/fdt_strings.c firmware/fdt_strerror.c firmware/strerror.c \
		   firmware/dt_cells.c
FDT_HDRS := $(wildcard firmware/include/firmware/fdt*.h firmware/fdt*.h tests/fdt/*.h)
FDT_HOSTCFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
		  -fsanitize=address,undefined -fno-sanitize-recover=all \
		  -fno-omit-frame-pointer -I$(srctree)/firmware/include \
		  -I$(srctree)/include

$(O)/fdt/%.dtb: tests/fdt/%.dts
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  DTC     $(patsubst $(O)/%,%,$@)")
	$(Q)dtc -q -I dts -O dtb -o $@ $<

.PHONY: fdt-dtbs
fdt-dtbs: $(FDT_DTBS)

# The unit suites that read blobs (and include tests/fdt/ helpers), for
# every host variant of tests.mk (read after this file, hence the list).
FDT_UNIT_SUITES := $(basename $(notdir $(wildcard tests/unit/test_fdt*.c)))
FDT_UNIT_DEPS := $(FDT_DTBS) $(wildcard tests/fdt/*.h) tests/fdt/fuzz-one.c \
		 $(wildcard firmware/include/firmware/fdt*.h firmware/fdt*.h)
$(foreach v,gcc clang phys32,$(foreach s,$(FDT_UNIT_SUITES),\
	$(eval $(O)/host/$(v)/unit/$(s): $(FDT_UNIT_DEPS))))

$(O)/fdt/oracle-libfdt: tests/fdt/oracle-libfdt.c $(FDT_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(FDT_HOSTCFLAGS) $< -o $@ -lfdt

$(O)/fdt/fdtr-dump: tests/fdt/fdtr-dump.c $(FDT_READER_SRCS) $(FDT_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(FDT_HOSTCFLAGS) $< $(FDT_READER_SRCS) -o $@

$(O)/fdt/fuzz-one: tests/fdt/fuzz-one.c tests/fdt/fuzz-main.c $(FDT_READER_SRCS) \
		  firmware/fdt_console.c firmware/dt_props.c $(FDT_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(FDT_HOSTCFLAGS) tests/fdt/fuzz-one.c tests/fdt/fuzz-main.c \
		$(FDT_READER_SRCS) firmware/fdt_console.c firmware/dt_props.c -o $@

tap-fdt-oracle: $(O)/fdt/oracle-libfdt $(O)/fdt/fdtr-dump $(FDT_DTBS)
	$(Q)rm -rf $(O)/fdt/damaged && tests/fdt/gen-damaged $(O)/fdt/damaged $(FDT_DTBS)
	$(Q)scripts/tap-run fdt-oracle $(O)/tap/fdt-oracle.tap \
		tests/fdt/oracle-compare $(O)/fdt/oracle-libfdt $(O)/fdt/fdtr-dump \
		$(FDT_DTBS) $(O)/fdt/damaged/*.dtb

tap-fdt-fuzz: $(O)/fdt/fuzz-one $(FDT_DTBS)
	$(Q)scripts/tap-run fdt-fuzz $(O)/tap/fdt-fuzz.tap $(O)/fdt/fuzz-one $(FDT_DTBS)

TAP_SUITES += fdt-oracle fdt-fuzz

# fdt-api: the libfdt-compatible subset (firmware/include/firmware/fdt_api.h)
# from its two providers, the built-in reader and Debian's libfdt
# (FIRMWARE_LIBFDT_SYSTEM), must say the same about every test tree
# (tests/fdt/api-dump.c), and both must accept them all. Damaged blobs are
# fdt-oracle's: the subset's contract starts at a blob fdt_check_full()
# accepted, and the built-in reader rejects more than libfdt's
# fdt_check_full() alone (an unterminated /memreserve/ map, for one).
FDT_API_HDRS := firmware/include/firmware/fdt_api.h $(FDT_HDRS)
$(O)/fdt/api-builtin: tests/fdt/api-dump.c $(FDT_READER_SRCS) $(FDT_API_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(FDT_HOSTCFLAGS) $< $(FDT_READER_SRCS) -o $@

$(O)/fdt/api-system: tests/fdt/api-dump.c $(FDT_API_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(FDT_HOSTCFLAGS) -DFIRMWARE_LIBFDT_SYSTEM $< -o $@ -lfdt

tap-fdt-api: $(O)/fdt/api-builtin $(O)/fdt/api-system $(FDT_DTBS)
	$(Q)scripts/tap-check fdt-api $(O)/tap/fdt-api.tap sh -c '\
		$(O)/fdt/api-builtin $(FDT_DTBS) > $(O)/fdt/api-builtin.out && \
		$(O)/fdt/api-system $(FDT_DTBS) > $(O)/fdt/api-system.out && \
		test $$(grep -c "^check_full accepts" $(O)/fdt/api-system.out) -eq $(words $(FDT_DTBS)) && \
		diff -u $(O)/fdt/api-system.out $(O)/fdt/api-builtin.out && \
		echo "$(words $(FDT_DTBS)) trees, $$(wc -l < $(O)/fdt/api-system.out) identical lines"'

TAP_SUITES += fdt-api

# Bring your own libfdt (firmware/Makefile.firmware's FIRMWARE_LIBFDT=system):
# the DT scan's host tests built a second time, the firmware sources the
# knob selects (the reader's left out) compiled with
# -DFIRMWARE_LIBFDT_SYSTEM and linked with the system's libfdt (-lfdt,
# Debian's libfdt-dev; no libfdt, no build, and the suites fail), the rest
# (core, harness, kernel/mm) shared with the gcc variant.
#  unit-libfdt-<suite>: the unit suites that run the scan (FDT_LIBFDT_SUITES),
#	each to its own exact expectations;
#  fdt-libfdt-tap: their TAP results (plan and every ok/not ok line) equal
#	to the gcc variant's, i.e. to the built-in reader's;
#  fdt-libfdt-dump: tests/fdt/scan-dump.c's dump of what the scan and the
#	sequence leave (return values, results, every memblock region, limit,
#	log lines, console, PSCI) byte-identical from both builds on every
#	test tree, all of which both accept;
#  fdt-libfdt-knob: the fragment read with and without the knob
#	(tests/fdt/check-knob): the source lists and flags above.
include firmware/Makefile.firmware
FDT_LIBFDT_SUITES := test_fdt_scan test_dt_setup test_efi_arm64
FDT_LIBFDT_FW_SRCS := $(addprefix firmware/,$(filter-out $(FIRMWARE_FDT_READER_SRCS),$(FIRMWARE_SRCS)))
FDT_HOST_SHARED_OBJS := $(addprefix $(O)/host/gcc/src/,$(MEMBLOCK_SRCS:.c=.o)) \
	$(patsubst tests/lib/%.c,$(O)/host/gcc/lib/%.o,$(wildcard tests/lib/*.c)) \
	$(patsubst %.c,$(O)/host/gcc/extra/%.o,$(filter-out kernel/mm/memblock_hook.c,$(wildcard kernel/mm/*.c)) \
		kernel/printk.c kernel/ktap.c)
FDT_BUILTIN_OBJS := $(FDT_HOST_SHARED_OBJS) \
	$(patsubst %.c,$(O)/host/gcc/extra/%.o,$(addprefix firmware/,$(FIRMWARE_SRCS)))
FDT_LIBFDT_OBJS := $(FDT_HOST_SHARED_OBJS) \
	$(patsubst %.c,$(O)/host/libfdt/%.o,$(FDT_LIBFDT_FW_SRCS))
FDT_LIBFDT_HDRS := $(wildcard src/*.h include/*.h include/linux/*.h tests/include/*.h \
	tests/lib/*.h firmware/include/firmware/*.h firmware/*.h tests/fdt/*.h \
	tests/fixtures/*.h)

$(O)/host/libfdt/firmware/%.o: firmware/%.c $(FDT_LIBFDT_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(HOST_CFLAGS) -DFIRMWARE_LIBFDT_SYSTEM -c $< -o $@

$(O)/host/libfdt/unit/%: tests/unit/%.c $(FDT_LIBFDT_OBJS) $(FDT_UNIT_DEPS) $(FDT_LIBFDT_HDRS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  host/libfdt/unit/$*")
	$(Q)gcc $(HOST_CFLAGS) -DFIRMWARE_LIBFDT_SYSTEM $< $(FDT_LIBFDT_OBJS) -o $@ -lfdt

tap-unit-libfdt-%: $(O)/host/libfdt/unit/%
	$(Q)scripts/tap-run unit-libfdt-$* $(O)/tap/unit-libfdt-$*.tap $<

# The plan and the results, not the diagnostics (the built-in reader's
# suite also counts its /memreserve/ reads).
fdt_tap_results = grep -E "^(1[.][.][0-9]+|(not )?ok )" $(1)
tap-fdt-libfdt-tap: $(addprefix tap-unit-gcc-,$(FDT_LIBFDT_SUITES)) \
		    $(addprefix tap-unit-libfdt-,$(FDT_LIBFDT_SUITES))
	$(Q)scripts/tap-check fdt-libfdt-tap $(O)/tap/fdt-libfdt-tap.tap sh -c '\
		for s in $(FDT_LIBFDT_SUITES); do \
			$(call fdt_tap_results,$(O)/tap/unit-gcc-$$s.tap) > $(O)/fdt/tap-builtin-$$s || exit 1; \
			$(call fdt_tap_results,$(O)/tap/unit-libfdt-$$s.tap) > $(O)/fdt/tap-libfdt-$$s || exit 1; \
			diff -u $(O)/fdt/tap-builtin-$$s $(O)/fdt/tap-libfdt-$$s || exit 1; \
			! grep -q "^not ok" $(O)/fdt/tap-libfdt-$$s || exit 1; \
			echo "$$s: $$(grep -c "^ok" $(O)/fdt/tap-libfdt-$$s) identical results"; \
		done'

$(O)/fdt/scan-dump-builtin: tests/fdt/scan-dump.c $(FDT_BUILTIN_OBJS) $(FDT_LIBFDT_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(HOST_CFLAGS) $< $(FDT_BUILTIN_OBJS) -o $@

$(O)/fdt/scan-dump-libfdt: tests/fdt/scan-dump.c $(FDT_LIBFDT_OBJS) $(FDT_LIBFDT_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(HOST_CFLAGS) -DFIRMWARE_LIBFDT_SYSTEM $< $(FDT_LIBFDT_OBJS) -o $@ -lfdt

tap-fdt-libfdt-dump: $(O)/fdt/scan-dump-builtin $(O)/fdt/scan-dump-libfdt $(FDT_DTBS)
	$(Q)scripts/tap-check fdt-libfdt-dump $(O)/tap/fdt-libfdt-dump.tap sh -c '\
		$(O)/fdt/scan-dump-builtin $(FDT_DTBS) > $(O)/fdt/scan-builtin.out && \
		$(O)/fdt/scan-dump-libfdt $(FDT_DTBS) > $(O)/fdt/scan-libfdt.out && \
		test $$(grep -c "^== " $(O)/fdt/scan-libfdt.out) -eq $(words $(FDT_DTBS)) && \
		! grep -q "^ rejected" $(O)/fdt/scan-libfdt.out && \
		diff -u $(O)/fdt/scan-builtin.out $(O)/fdt/scan-libfdt.out && \
		echo "$(words $(FDT_DTBS)) trees, $$(wc -l < $(O)/fdt/scan-libfdt.out) identical lines"'

tap-fdt-libfdt-knob:
	$(Q)scripts/tap-check fdt-libfdt-knob $(O)/tap/fdt-libfdt-knob.tap \
		tests/fdt/check-knob $(MAKE)

TAP_SUITES += $(addprefix unit-libfdt-,$(FDT_LIBFDT_SUITES)) fdt-libfdt-tap \
	      fdt-libfdt-dump fdt-libfdt-knob
