/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree expectations and region tests are architecture-neutral:
 * riscv64 builds arm64's dt_expect.c and regions.c and shares their
 * declarations rather than copying them.
 */
#include "../../../arm64/include/asm/checks.h"
