# SPDX-License-Identifier: BSD-2-Clause
#
# Verification (issues 4 and 12): the reference model, the ownership ledger,
# differential random testing, the bad-input table, fuzzing and coverage.
#
#   make test        includes the model-driven suites (tests/unit/test_model*.c,
#                    test_differential.c, test_bad_input.c), built by the
#                    generic host rules in tests/tests.mk for every variant,
#                    plus bad-input-doc, fuzz-replay, differential-small and
#                    differential-nophys from this file
#   make fuzz        libFuzzer targets, FUZZ_SECONDS each (default 60)
#   make coverage    line and branch coverage of src/ ($(O)/coverage)
#   make bad-input-doc  regenerate docs/bad-input.md from the table
#
# See docs/testing.md.
#
# The model (tests/model/*.c) and the ownership ledger (tests/ledger/*.c,
# included by tests/model/ops.c) are compiled into the suites that use them
# by #include, so the generic rule needs to know about the dependency.
#
#   make ledger-long long differential runs, every operation checked by the
#                    model and the ledger (LEDGER_SCALE, LEDGER_JOBS)

MODEL_SRCS := $(wildcard tests/model/*.c tests/model/*.h tests/ledger/*.c tests/ledger/*.h)
MODEL_SUITES := $(filter test_model% test_differential% test_bad_input%,$(UNIT_SUITES))

$(foreach v,$(HOST_VARIANTS),$(foreach s,$(MODEL_SUITES),$(eval $(O)/host/$(v)/unit/$(s): $(MODEL_SRCS))))

# docs/bad-input.md is generated from the bad-input table; the suite fails
# when the committed file differs from what the table prints.
BAD_INPUT_BIN := $(O)/host/gcc/unit/test_bad_input

.PHONY: bad-input-doc
bad-input-doc: $(BAD_INPUT_BIN)
	$(Q)$(BAD_INPUT_BIN) --markdown > docs/bad-input.md

tap-bad-input-doc: $(BAD_INPUT_BIN)
	$(Q)scripts/tap-check bad-input-doc $(O)/tap/bad-input-doc.tap \
		sh -c '$(BAD_INPUT_BIN) --markdown | diff -u docs/bad-input.md -'
TAP_SUITES += bad-input-doc

# ---- fuzzing ----
# Every tests/fuzz/fuzz_<name>.c is a libFuzzer target linked with the
# library, the firmware parsers and kernel/mm (like the unit suites) and the
# test harness. Its seed corpus is tests/corpus/fuzz_<name>/ (kept in the
# repository; corpus files need no SPDX line there). "make fuzz" runs each
# target for FUZZ_SECONDS on a scratch copy of its corpus and fails on a
# crash, a sanitizer report or a model mismatch; statistics go to
# $(O)/fuzz/<name>.stats. The fuzz-replay suite of "make test" runs every
# corpus file once through its target (a failing input is kept in
# $(O)/fuzz/artifacts/, not in the source tree).
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_TARGETS := $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
	       -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	       -I$(srctree)/tests/include -I$(srctree)/include \
	       -I$(srctree)/firmware/include -I$(srctree)/kernel/include \
	       -I$(srctree)/tests/lib
FUZZ_LIB_SRCS := $(addprefix src/,$(MEMBLOCK_SRCS)) $(HOST_EXTRA_SRCS) $(TEST_LIB_SRCS)

# The firmware targets build the library with tiny static arrays, so that
# the feed and the scan (run with resizing allowed) grow them all the time.
FUZZ_CFLAGS_fuzz_e820 := -DINIT_MEMBLOCK_REGIONS=4 -DINIT_PHYSMEM_REGIONS=2
FUZZ_CFLAGS_fuzz_fdt := -DINIT_MEMBLOCK_REGIONS=4 -DINIT_PHYSMEM_REGIONS=2

$(O)/fuzz/bin/%: tests/fuzz/%.c $(FUZZ_LIB_SRCS) $(MODEL_SRCS) $(HOST_HDRS) $(wildcard tests/lib/*.h tests/fuzz/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  fuzz/$*")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CFLAGS_$*) $< $(FUZZ_LIB_SRCS) -o $@

.PHONY: fuzz fuzz-build
fuzz-build: $(addprefix $(O)/fuzz/bin/,$(FUZZ_TARGETS))

fuzz: fuzz-build
	$(Q)for t in $(FUZZ_TARGETS); do \
		rm -rf $(O)/fuzz/corpus/$$t && mkdir -p $(O)/fuzz/corpus/$$t $(O)/fuzz/artifacts && \
		echo "  FUZZ    $$t ($(FUZZ_SECONDS) s)" && \
		$(O)/fuzz/bin/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-rss_limit_mb=4096 -artifact_prefix=$(O)/fuzz/artifacts/$$t- \
			$(O)/fuzz/corpus/$$t tests/corpus/$$t \
			> $(O)/fuzz/$$t.log 2>&1; status=$$?; \
		grep -E '^stat::' $(O)/fuzz/$$t.log > $(O)/fuzz/$$t.stats; \
		sed 's/^/    /' $(O)/fuzz/$$t.stats; \
		if [ $$status -ne 0 ]; then tail -n 40 $(O)/fuzz/$$t.log; exit 1; fi; \
	done

tap-fuzz-replay: fuzz-build
	$(Q)scripts/tap-check fuzz-replay $(O)/tap/fuzz-replay.tap sh -c \
		'mkdir -p $(O)/fuzz/artifacts && for t in $(FUZZ_TARGETS); do $(O)/fuzz/bin/$$t -runs=0 -artifact_prefix=$(O)/fuzz/artifacts/replay-$$t- tests/corpus/$$t || exit 1; done'
TAP_SUITES += fuzz-replay

# ---- coverage ----
# Every unit suite built with GCC --coverage (no sanitizers, -O0) against an
# instrumented copy of the library, run once, then line and branch coverage
# of src/ reported by gcovr: text on stdout and in $(O)/coverage/summary.txt,
# HTML in $(O)/coverage/index.html. A failing suite is reported but does not
# stop the report.
COV_DIR := $(O)/cov
COV_CFLAGS := -std=gnu11 -g -O0 --coverage -Wall -Wextra -Werror \
	      -I$(srctree)/tests/include -I$(srctree)/include \
	      -I$(srctree)/firmware/include -I$(srctree)/kernel/include \
	      -I$(srctree)/tests/lib
COV_OBJS := $(addprefix $(COV_DIR)/src/,$(MEMBLOCK_SRCS:.c=.o)) \
	    $(patsubst %.c,$(COV_DIR)/extra/%.o,$(HOST_EXTRA_SRCS) $(TEST_LIB_SRCS))

$(COV_DIR)/src/%.o: src/%.c $(HOST_HDRS)
	@mkdir -p $(dir $@)
	$(Q)gcc $(COV_CFLAGS) -c $< -o $@

$(COV_DIR)/extra/%.o: %.c $(HOST_HDRS) $(wildcard tests/lib/*.h)
	@mkdir -p $(dir $@)
	$(Q)gcc $(COV_CFLAGS) -c $< -o $@

$(COV_DIR)/unit/%: tests/unit/%.c $(COV_OBJS) $(MODEL_SRCS) $(wildcard tests/lib/*.h)
	@mkdir -p $(dir $@)
	$(Q)gcc $(COV_CFLAGS) $< $(COV_OBJS) -o $@

.PHONY: coverage
# The device-tree suites read the test trees from $(O)/fdt (tests/fdt.mk).
coverage: $(addprefix $(COV_DIR)/unit/,$(UNIT_SUITES)) $(FDT_DTBS)
	$(Q)find $(COV_DIR) -name '*.gcda' -delete
	$(Q)for s in $(UNIT_SUITES); do \
		FDT_DTB_DIR=$(O)/fdt $(COV_DIR)/unit/$$s > $(COV_DIR)/unit/$$s.tap 2>&1 || \
			echo "  (suite $$s failed, see $(COV_DIR)/unit/$$s.tap)"; \
	done
	@mkdir -p $(O)/coverage
	$(Q)gcovr -r $(srctree) --object-directory $(COV_DIR)/src \
		--filter '$(srctree)/src/' --exclude-unreachable-branches \
		--txt $(O)/coverage/lines.txt $(COV_DIR)/src
	$(Q)gcovr -r $(srctree) --object-directory $(COV_DIR)/src \
		--filter '$(srctree)/src/' --exclude-unreachable-branches \
		--branches --txt $(O)/coverage/branches.txt \
		--html-details $(O)/coverage/index.html \
		--print-summary $(COV_DIR)/src > $(O)/coverage/summary.txt
	$(Q)cat $(O)/coverage/lines.txt $(O)/coverage/branches.txt
	$(Q)tail -n 3 $(O)/coverage/summary.txt
	@echo "  HTML    $(O)/coverage/index.html"

# ---- differential testing in other configurations ----
# The same differential suite against the library built differently (GCC,
# ASan + UBSan), each a TAP suite:
#   differential-small   2-entry static memory/reserved arrays and a 2-entry
#                        physmem array: arrays grow and move all the time
#   differential-nophys  CONFIG_HAVE_MEMBLOCK_PHYS_MAP=0 (no physmem type)
DIFF_CONFIGS := small nophys
DIFF_CFLAGS_small := -DINIT_MEMBLOCK_REGIONS=2 -DINIT_PHYSMEM_REGIONS=2
DIFF_CFLAGS_nophys := -DCONFIG_HAVE_MEMBLOCK_PHYS_MAP=0

define diff_config
$(O)/verify/test_differential_$(1): tests/unit/test_differential.c $(MODEL_SRCS) \
		$(addprefix src/,$(MEMBLOCK_SRCS)) $(TEST_LIB_SRCS) $(HOST_HDRS) \
		$(wildcard tests/lib/*.h)
	@mkdir -p $$(dir $$@)
	@$$(if $(Q),echo "  HOSTCC  verify/test_differential_$(1)")
	$(Q)gcc $(HOST_CFLAGS) $(DIFF_CFLAGS_$(1)) $$< $(addprefix src/,$(MEMBLOCK_SRCS)) \
		$(TEST_LIB_SRCS) $(TEST_LIB_KERNEL_SRCS) -o $$@

tap-differential-$(1): $(O)/verify/test_differential_$(1)
	$(Q)scripts/tap-run differential-$(1) $(O)/tap/differential-$(1).tap $$<
TAP_SUITES += differential-$(1)
endef
$(foreach c,$(DIFF_CONFIGS),$(eval $(call diff_config,$(c))))

# ---- long ledger-checked runs ----
# make ledger-long [LEDGER_SCALE=n] [LEDGER_JOBS=j]: the differential suite
# built with -O2 and no sanitizers, in the default configuration and with
# 2-entry static arrays, each run as LEDGER_JOBS shards of DIFF_SCALE=n
# (every operation compared with the model and checked by the ownership
# ledger). The default scale does about 10^8 operations in all; the
# per-shard TAP logs and totals go to $(O)/ledger-long/. Run it with
# make -jJ to use J cores.
LEDGER_SCALE ?= 120
LEDGER_JOBS ?= 2
LEDGER_CFG_default :=
LEDGER_CFG_tiny := -DINIT_MEMBLOCK_REGIONS=2 -DINIT_PHYSMEM_REGIONS=2
LEDGER_SHARDS := $(foreach c,default tiny,$(foreach i,$(shell seq 0 $$(($(LEDGER_JOBS) - 1))),$(c)-$(i)))
LONG_CFLAGS := -std=gnu11 -g -O2 -Wall -Wextra -Werror \
	       -I$(srctree)/tests/include -I$(srctree)/include \
	       -I$(srctree)/firmware/include -I$(srctree)/kernel/include \
	       -I$(srctree)/tests/lib

$(O)/ledger-long/bin-%: tests/unit/test_differential.c $(MODEL_SRCS) \
		$(addprefix src/,$(MEMBLOCK_SRCS)) $(TEST_LIB_SRCS) $(HOST_HDRS) \
		$(wildcard tests/lib/*.h)
	@mkdir -p $(dir $@)
	$(Q)gcc $(LONG_CFLAGS) $(LEDGER_CFG_$*) $< $(addprefix src/,$(MEMBLOCK_SRCS)) \
		$(TEST_LIB_SRCS) $(TEST_LIB_KERNEL_SRCS) -o $@

.PHONY: ledger-long
$(addprefix ledger-long-,$(LEDGER_SHARDS)): ledger-long-%: $(O)/ledger-long/bin-default $(O)/ledger-long/bin-tiny
	$(Q)cfg=$(word 1,$(subst -, ,$*)); i=$(word 2,$(subst -, ,$*)); \
	DIFF_SCALE=$(LEDGER_SCALE) DIFF_SHARD=$$i/$(LEDGER_JOBS) \
		$(O)/ledger-long/bin-$$cfg > $(O)/ledger-long/$*.tap 2>&1; \
	status=$$?; grep -E '^# (total|mode)|failing' $(O)/ledger-long/$*.tap | sed 's/^/  $* /'; \
	exit $$status

ledger-long: $(addprefix ledger-long-,$(LEDGER_SHARDS))
	@cat $(O)/ledger-long/*.tap | awk '/^# total:/ { n += $$3 } /^not ok/ { f++ } \
		END { printf "  ledger-long: %d operations ledger-checked, %d failing suites\n", n, f; exit f > 0 }'
