/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The firmware library's log line: formatted by the core's formatter and
 * handed to the core's memblock_env_log(), the one output the library has.
 */
#ifndef FIRMWARE_FW_LOG_H
#define FIRMWARE_FW_LOG_H

#include <stdarg.h>
#include <linux/memblock.h>

/* The library's formatter (src/printf.c). */
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* One line at @level (MEMBLOCK_LOG_*), cut at 159 characters. */
void __fw_log(int level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
