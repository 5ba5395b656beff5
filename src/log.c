// SPDX-License-Identifier: BSD-2-Clause
/*
 * Formatting log lines and passing them to the embedder's hook, one whole
 * line per call.
 */
#include "internal.h"

/* Longer lines are cut; memblock's own lines are well under this. */
#define MB_LOG_LINE	192

void __memblock_log(int level, const char *fmt, ...)
{
	char line[MB_LOG_LINE];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	memblock_env_log(level, line);
}
