/* SPDX-License-Identifier: BSD-2-Clause */
/* The UEFI demo application's parts (arch/x86_64/efi/), shared. */
#ifndef X86_EFI_APP_H
#define X86_EFI_APP_H

#include <stdbool.h>
#include <linux/memblock.h>
#include <firmware/efi.h>
#include <firmware/x86_setup.h>
#include "uefi.h"

/* efi_console.c: COM1, TAP, the verdict. */
void efi_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void efi_check(bool ok, const char *what);
void efi_leave(void) __attribute__((noreturn));
extern unsigned int efi_failed;

/* efi_cpu.c: what the application runs on. */
void efi_own_page_tables(void);
unsigned int efi_in_use(const struct efi_memmap *m, struct x86_boot_range *r);
uint64_t efi_find_rsdp(const struct efi_system_table *st);
const void *efi_identity_map(void *ctx, uint64_t pa, uint64_t len);

#endif
