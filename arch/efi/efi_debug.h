/* SPDX-License-Identifier: BSD-2-Clause */
/* The demo's UEFI applications: the map as Linux's efi=debug logs it. */
#ifndef EFI_EFI_DEBUG_H
#define EFI_EFI_DEBUG_H

#include <firmware/efi.h>

/*
 * printk() descriptor @md as "efi: memNN: [Type        |RUN|MR|...|UC]
 * range=[0x...-0x...] (N MB)", Linux's efi=debug line (@i is NN).
 */
void efi_print_desc(uint32_t i, const struct efi_memory_desc *md);

/*
 * printk() the final map @map: the line memblock-sim's agreement test
 * reads ("efi: ExitBootServices() after @retries retries; ..."), then
 * every descriptor with efi_print_desc().
 */
void efi_print_map(const struct efi_memmap *map, unsigned int retries);

#endif
