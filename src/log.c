// SPDX-License-Identifier: BSD-2-Clause
/*
 * Formatting log lines and passing them to the embedder's hook, one whole
 * line per call. A line logged while the log hook runs (the hook called
 * back into memblock) is dropped: the hook never recurses.
 */
#include "internal.h"

/* Longer lines are cut; memblock's own lines are well under this. */
#define MB_LOG_LINE	192

void __memblock_log(int level, const char *fmt, ...)
{
	char line[MB_LOG_LINE];
	va_list ap;
	bool was_log;

	if (__memblock_in_log_hook())
		return;
	va_start(ap, fmt);
	__memblock_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	__memblock_hook_enter(true, &was_log);
	memblock_env_log(level, line);
	__memblock_hook_exit(was_log);
}
