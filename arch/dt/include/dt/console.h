/* SPDX-License-Identifier: BSD-2-Clause */
/* The device-tree kernels' console lookup (arch/dt/console.c). */
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

#endif /* DT_CONSOLE_H */
