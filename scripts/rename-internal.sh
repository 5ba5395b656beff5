#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# rename-internal.sh: give the library's internal names with external
# linkage (functions, and globals such as the mirror flag) the reserved
# prefix __memblock_, and memparse() the memblock_
# one, everywhere in the tree (code, tests, tools, docs), then regenerate
# docs/api.md. Internal helpers shared between src/*.c files cannot be
# static, so their names are what a kernel linking the library sees; rgn_*,
# mb_* and memparse are names a kernel may well have (scripts/check-symbols
# proves the result). Idempotent: run it again after merging code that
# still uses the old names.
set -e
cd "$(dirname "$0")/.."
files=$(git ls-files '*.c' '*.h' '*.md' '*.py' '*.mk' Makefile |
	grep -v -x -e scripts/rename-internal.sh)
# shellcheck disable=SC2086
sed -i -E \
	-e 's/\bmb_(log|memmove|memset|snprintf|strlen|vsnprintf)\b/__memblock_\1/g' \
	-e 's/\brgn_(find|first_base_from|first_end_after|merge_window|set_count)\b/__memblock_rgn_\1/g' \
	-e 's/\bmemparse\b/memblock_memparse/g' \
	-e 's/\bmb_(add|array_bytes|claim_pieces|discarded_array|enter|hook_enter|hook_exit|in_log_hook|live_array|plan_finish|plan_init|plan_move_outside|plan_move_overlapping|plan_prepare|plan_switch|remove_memory|type|type_index|unreserve|update|has_some_mirror)\b/__memblock_\1/g' \
	-e 's/\brgn_(add_need|add_result|remove_delta|update_need)\b/__memblock_rgn_\1/g' \
	$files
scripts/gen-api-doc
