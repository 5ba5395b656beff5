/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Leaving the arm64 demo kernel: semihosting SYS_EXIT when QEMU runs with
 * -semihosting (the only way to hand QEMU an exit status), PSCI
 * SYSTEM_OFF otherwise.
 *
 * The statuses are deliberately not 0: QEMU also exits with 0 after PSCI
 * SYSTEM_OFF or a guest reset under -no-reboot, so 0 proves nothing.
 */
#ifndef ASM_EXIT_H
#define ASM_EXIT_H

#include <stdbool.h>
#include <stdint.h>

#define ARM64_EXIT_PASS		79	/* 'O': every check passed */
#define ARM64_EXIT_FAIL		70	/* 'F': a check failed, or panic() */
#define ARM64_EXIT_CRASH	67	/* 'C': unexpected exception */

/**
 * arm64_exit - stop the machine, reporting @status if possible
 * @status: one of ARM64_EXIT_*
 *
 * Tries semihosting SYS_EXIT (ADP_Stopped_ApplicationExit, subcode
 * @status); if semihosting is disabled the HLT traps and the exception
 * handler continues with arm64_poweroff().
 */
__attribute__((noreturn)) void arm64_exit(unsigned int status);

/**
 * arm64_poweroff - PSCI SYSTEM_OFF, then wait forever
 *
 * QEMU then exits with status 0, which the runner never counts as success.
 */
__attribute__((noreturn)) void arm64_poweroff(void);

/**
 * arm64_semihosting_probing - is arm64_exit() trying semihosting now?
 *
 * Return: true between the semihosting call and its (absent) return, so
 * that the exception handler can tell an "HLT is undefined" trap from a
 * crash.
 */
bool arm64_semihosting_probing(void);

#endif /* ASM_EXIT_H */
