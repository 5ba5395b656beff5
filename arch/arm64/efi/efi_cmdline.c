// SPDX-License-Identifier: BSD-2-Clause
/*
 * The command line from the loaded image's LoadOptions, as Linux's EFI
 * stub takes it: the UCS-2 text the loader passed (the UEFI shell passes
 * the whole line that started the image, its path first, as Linux then
 * sees it too). LoadOptions that are not text are ignored: a boot option
 * may carry binary OptionalData, which Linux would turn into a garbled
 * line (AAVMF's removable-media option carries none). Without a text
 * line the application's own default applies, as a kernel's built-in
 * command line does.
 */
#include <kernel/kernel.h>
#include "efi_app.h"

/* A character Linux's parser could take as part of a line. */
static bool printable(uint16_t c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\t';
}

bool efi_load_options(efi_handle_t image, struct efi_system_table *st,
		      char *buf, size_t size, uint32_t *raw_size)
{
	static const struct efi_guid guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	struct efi_loaded_image *li = NULL;
	const uint16_t *s;
	size_t n, i;

	*raw_size = 0;
	if (st->boot_services->handle_protocol(image, &guid, (void **)&li) || !li)
		return false;
	*raw_size = li->load_options_size;
	s = li->load_options;
	n = li->load_options_size / 2;
	if (!s || !n || (li->load_options_size & 1))
		return false;
	/* Up to the terminating NUL, if any; every character printable. */
	for (i = 0; i < n && s[i]; i++)
		if (!printable(s[i]) || i + 1 >= size)
			return false;
	if (!i)
		return false;
	for (size_t k = 0; k < i; k++)
		buf[k] = (char)s[k];
	buf[i] = 0;
	return true;
}
