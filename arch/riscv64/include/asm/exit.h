/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Exit statuses of the riscv64 demo kernel, carried to QEMU by the SiFive
 * test device's "fail" finisher ((status << 16) | 0x3333 makes QEMU exit
 * with status). Its "pass" finisher (0x5555), an SBI shutdown and a QEMU
 * reset all exit with 0, so 0 never means success: the runner wants 79.
 */
#ifndef ASM_EXIT_H
#define ASM_EXIT_H

#include <stdbool.h>
#include <stdint.h>

#define RISCV64_EXIT_PASS	79	/* 'O': every check passed */
#define RISCV64_EXIT_FAIL	70	/* 'F': a check failed, or panic() */
#define RISCV64_EXIT_CRASH	67	/* 'C': unexpected trap */

struct fdtr;

/**
 * riscv64_exit_setup - find the SiFive test device in the device tree
 * @dt: the boot DTB, or NULL
 *
 * Return: its physical address, or 0 when the tree names none (exits then
 * fall back to an SBI shutdown, status 0).
 */
uint64_t riscv64_exit_setup(const struct fdtr *dt);

/**
 * riscv64_exit - leave QEMU with @status
 * @status: RISCV64_EXIT_* (1-65535)
 *
 * Never returns: without a test device, SBI system reset (shutdown), then
 * a wfi loop.
 */
__attribute__((noreturn)) void riscv64_exit(unsigned int status);

#endif /* ASM_EXIT_H */
