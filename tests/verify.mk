# SPDX-License-Identifier: BSD-2-Clause
#
# Verification (issue 4): the reference model, differential random testing,
# the bad-input table, fuzzing and coverage.
#
#   make test        includes the model-driven suites (tests/unit/test_model*.c,
#                    test_differential.c, test_bad_input.c), built by the
#                    generic host rules in tests/tests.mk for every variant
#   make fuzz        libFuzzer targets, FUZZ_SECONDS each (default 60)
#   make coverage    line and branch coverage of src/ ($(O)/coverage)
#
# The model (tests/model/*.c) is compiled into the suites that use it by
# #include, so the generic rule needs to know about the dependency.

MODEL_SRCS := $(wildcard tests/model/*.c tests/model/*.h)
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
