/* SPDX-License-Identifier: BSD-2-Clause */
/* The riscv64 demo kernel's console (console.c). */
#ifndef ASM_CONSOLE_H
#define ASM_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

struct fdtr;

/**
 * riscv64_console_setup - pick the console and flush early output
 * @dt: the boot DTB, or NULL when there is none
 *
 * The ns16550a UART named by /chosen/stdout-path; without one, the SBI
 * firmware's legacy console_putchar.
 *
 * Return: true when the console came from /chosen/stdout-path.
 */
bool riscv64_console_setup(const struct fdtr *dt);

/**
 * riscv64_console_base - the UART in use
 *
 * Return: its physical address, 0 when output goes through the SBI.
 */
uint64_t riscv64_console_base(void);

#endif /* ASM_CONSOLE_H */
