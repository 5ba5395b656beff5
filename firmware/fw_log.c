// SPDX-License-Identifier: BSD-2-Clause
/*
 * One log line for the whole firmware library. It formats its own va_list
 * (handing a va_list on copies it, and where va_list is a struct, arm64,
 * GCC -Os copies it with memcpy()).
 */
#include "fw_log.h"

void __fw_log(int level, const char *fmt, ...)
{
	char line[160];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	memblock_env_log(level, line);
}
