// SPDX-License-Identifier: BSD-2-Clause
/*
 * The system table's configuration table (UEFI specification, "EFI
 * Configuration Table & Properties Table"): what the firmware hands the
 * operating system besides the memory map, each entry named by a vendor
 * GUID (the ACPI RSDP, the device tree, ...).
 */
#include "uefi.h"

static bool same_guid(const struct efi_guid *a, const struct efi_guid *b)
{
	bool same = a->data1 == b->data1 && a->data2 == b->data2 &&
		    a->data3 == b->data3;

	for (int k = 0; same && k < 8; k++)
		same = a->data4[k] == b->data4[k];
	return same;
}

uint64_t efi_config_table(const struct efi_system_table *st,
			  const struct efi_guid *guid)
{
	for (uint64_t i = 0; i < st->number_of_table_entries; i++)
		if (same_guid(&st->configuration_table[i].vendor_guid, guid))
			return (uint64_t)(uintptr_t)st->configuration_table[i].vendor_table;
	return 0;
}
