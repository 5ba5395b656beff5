/* SPDX-License-Identifier: BSD-2-Clause */
/* Symbols of the arm64 demo kernel's layout (linker/arm64.ld, head.S). */
#ifndef ASM_SECTIONS_H
#define ASM_SECTIONS_H

#include <dt/sections.h>

/* The image's permissions change here: text, rodata | data, .bss. */
extern char __etext[], __rw_start[];

#endif /* ASM_SECTIONS_H */
