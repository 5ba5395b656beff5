/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The demo kernels' shared runtime: console output, TAP reporting and the
 * hooks each architecture provides. Everything here is freestanding.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- provided by each architecture (arch/<arch>/) ---- */

/* Write @n bytes to the boot console (serial). */
void arch_console_write(const char *s, size_t n);
/*
 * Leave the machine and report @ok to whoever started QEMU. Must never
 * report success by accident (a triple fault, for instance, exits QEMU with
 * status 0, so success is a non-zero status there).
 */
__attribute__((noreturn)) void arch_exit(bool ok);

/* ---- provided by kernel/ ---- */

/* The library's formatter (src/printf.c), reused rather than duplicated. */
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int __memblock_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* printf to the console; "\n" becomes "\r\n". */
void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);
__attribute__((noreturn)) void panic(const char *fmt, ...) __printf(1, 2);

/*
 * TAP over the console. The plan is printed at the end ("1..N"), which TAP
 * allows, so checks can be added without counting them.
 */
bool ktap_ok(bool cond, const char *fmt, ...) __printf(2, 3);
void ktap_diag(const char *fmt, ...) __printf(1, 2);
/* Print the plan and return true when every check passed. */
bool ktap_done(void);
/* Start a new TAP stream: the next check is number 1 again. */
void ktap_reset(void);

#endif
