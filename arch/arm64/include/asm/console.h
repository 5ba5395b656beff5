/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The arm64 demo kernel's console: a PL011 UART, found in the DTB's
 * /chosen/stdout-path. Output written before the UART is known is kept and
 * flushed when it is.
 */
#ifndef ASM_CONSOLE_H
#define ASM_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

struct fdtr;

/* QEMU virt's first PL011, used only when the DTB names no console. */
#define PL011_FALLBACK_BASE	0x09000000u

/**
 * arm64_console_setup - pick the console from the device tree
 * @dt: the opened DTB, or NULL if there is none usable
 *
 * Uses the node dt_get_console() finds (/chosen/stdout-path) if it is
 * compatible with "arm,pl011"; falls back to PL011_FALLBACK_BASE otherwise and logs why. Flushes
 * what was written before.
 *
 * Return: true if the DTB named the console, false on fallback.
 */
bool arm64_console_setup(const struct fdtr *dt);

/**
 * arm64_console_remap - reach the UART at a new virtual address
 * @va: where the UART's registers are mapped now (the fixmap)
 *
 * Flushes what was kept if the UART was not reachable before.
 */
void arm64_console_remap(uintptr_t va);

/**
 * arm64_console_base - physical address of the console UART
 *
 * Return: the PL011's base, 0 before arm64_console_setup().
 */
uint64_t arm64_console_base(void);

#endif /* ASM_CONSOLE_H */
