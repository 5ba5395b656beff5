/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree kernels' console lookup and the buffer that keeps their
 * output until the UART is known (arch/dt/console.c).
 */
#ifndef DT_CONSOLE_H
#define DT_CONSOLE_H

#include <firmware/fdt_memblock.h>

/**
 * dt_console_find - the UART /chosen/stdout-path names, if it is @compatible
 * @dt: the opened tree, or NULL when there is no usable one
 * @compatible: the compatible string the kernel's driver handles
 * @con: filled with what the tree says (base 0 when nothing was found)
 *
 * Return: NULL when @con is a @compatible UART; otherwise why not, for
 * the fallback's log line.
 */
const char *dt_console_find(const struct fdtr *dt, const char *compatible,
			    struct dt_console *con);

/**
 * dt_console_hold - keep console output until the UART is known
 * @s: the bytes
 * @n: how many
 *
 * What does not fit in the buffer (2 KiB) is dropped;
 * dt_console_release() says so.
 */
void dt_console_hold(const char *s, size_t n);

/**
 * dt_console_release - write what dt_console_hold() kept
 *
 * Empties the buffer first, then writes its bytes with
 * arch_console_write(), so the caller must make that write to the UART
 * (or its fallback) before calling. Logs a line when bytes were dropped.
 */
void dt_console_release(void);

#endif /* DT_CONSOLE_H */
