/* SPDX-License-Identifier: BSD-2-Clause */
/* Leaving UEFI boot services with the memory map in hand (efi_exit.c). */
#ifndef EFI_EFI_EXIT_H
#define EFI_EFI_EXIT_H

#include <firmware/efi.h>
#include "uefi.h"

/* ExitBootServices() attempts before giving up on a map that keeps changing. */
#define EFI_EXIT_MAX_TRIES	8
/* Descriptors of room beyond the first GetMemoryMap() size. */
#define EFI_EXIT_SLACK		8

/*
 * Get the memory map into pages allocated for it and leave boot services
 * with its key; a stale key (EFI_INVALID_PARAMETER) means the map changed:
 * get it again into the same buffer (no other boot service may be called
 * any more) and retry, up to EFI_EXIT_MAX_TRIES times. On success @m
 * describes the final map (efi_memmap_init()) and *@retries says how many
 * attempts failed. Returns EFI_SUCCESS or the first other status.
 */
efi_status_t efi_exit_boot(efi_handle_t image, struct efi_system_table *st,
			   struct efi_memmap *m, unsigned int *retries);

#endif
