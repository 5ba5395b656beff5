# SPDX-License-Identifier: BSD-2-Clause
#
# The count claims of README.md, docs/ and arch/*/README.md (the number
# of unit suites, bad-input rows, device-tree blobs, library builds, each
# arch's boot suites and their checks) checked against the tree and the
# TAP files of the same run (scripts/check-claims). The Makefile includes
# this fragment after every other one, so that TAP_SUITES holds every
# boot suite: the claims run after them and fail on a missing TAP file.

# The TAP files the claims read: every boot suite's and the libfdt oracle's.
tap-claims: $(addprefix tap-,$(filter boot-%,$(TAP_SUITES))) tap-fdt-oracle
	$(Q)scripts/tap-run claims $(O)/tap/claims.tap \
		scripts/check-claims $(O)/tap $(TAP_SUITES)
TAP_SUITES += claims
