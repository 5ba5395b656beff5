// SPDX-License-Identifier: BSD-2-Clause
/* The --srat file: a binary ACPI SRAT, as /sys/firmware/acpi/tables/SRAT. */
#include <stdlib.h>
#include <string.h>
#include <firmware/acpi.h>
#include "sim.h"

char *sim_srat_read(const char *path, uint32_t *out_len)
{
	static struct acpi_mem_affinity mem[X86_SETUP_MAX_SRAT_MEM];
	unsigned int nr = 0;
	size_t len;
	char *t = sim_read_file(path, &len);
	int err;

	if (!t)
		return NULL;
	if (len < 36 || memcmp(t, "SRAT", 4)) {
		sim_err("%s: not a SRAT: %s", path, len < 36 ?
			"shorter than an ACPI table header (36 bytes)" :
			"the signature at offset 0 is not \"SRAT\"");
		free(t);
		return NULL;
	}
	*out_len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
	err = acpi_srat_memory(t, *out_len, mem, X86_SETUP_MAX_SRAT_MEM, &nr);
	if (err) {
		sim_err("%s: SRAT unusable: %s", path, fw_strerror(err));
		free(t);
		return NULL;
	}
	return t;
}
