// SPDX-License-Identifier: BSD-2-Clause
/*
 * Leaving UEFI boot services as the specification requires
 * (EFI_BOOT_SERVICES.ExitBootServices(): "if MapKey value is incorrect
 * ... GetMemoryMap() with ExitBootServices() must be called again", and
 * no other boot service after the first attempt). No hardware access:
 * tests/unit/test_efi_exit.c runs it against simulated boot services.
 */
#include "efi_exit.h"

efi_status_t efi_exit_boot(efi_handle_t image, struct efi_system_table *st,
			   struct efi_memmap *m, unsigned int *retries)
{
	struct efi_boot_services *bs = st->boot_services;
	uint64_t size = 0, cap, key, dsize, buf = 0;
	uint32_t dver;
	efi_status_t s;

	s = bs->get_memory_map(&size, NULL, &key, &dsize, &dver);
	if (s != EFI_BUFFER_TOO_SMALL)
		return s;
	/* Room for the descriptors our own allocation adds. */
	cap = (size + EFI_EXIT_SLACK * dsize + EFI_PAGE_SIZE - 1) &
	      ~(EFI_PAGE_SIZE - 1);
	s = bs->allocate_pages(EFI_ALLOCATE_ANY_PAGES, EFI_LOADER_DATA,
			       cap >> EFI_PAGE_SHIFT, &buf);
	if (s)
		return s;
	for (*retries = 0; *retries < EFI_EXIT_MAX_TRIES; (*retries)++) {
		size = cap;
		s = bs->get_memory_map(&size, (void *)(uintptr_t)buf, &key,
				       &dsize, &dver);
		if (s)
			return s;
		s = bs->exit_boot_services(image, key);
		if (s != EFI_INVALID_PARAMETER)
			break;
	}
	if (s)
		return s;
	return efi_memmap_init(m, (void *)(uintptr_t)buf, buf, size, dsize, dver)
		? EFI_INVALID_PARAMETER : EFI_SUCCESS;
}

