/* SPDX-License-Identifier: BSD-2-Clause */
/* Symbols of the riscv64 demo kernel's layout (linker/riscv64.ld, head.S). */
#ifndef ASM_SECTIONS_H
#define ASM_SECTIONS_H

#include <dt/sections.h>

#endif /* ASM_SECTIONS_H */
