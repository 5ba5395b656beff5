// SPDX-License-Identifier: BSD-2-Clause
/*
 * The reader's error codes are errno values (firmware/errno.h):
 * fdtr_strerror() is fw_strerror(), kept for the reader's own API.
 */
#include "fdt_internal.h"

const char *fdtr_strerror(int err)
{
	return fw_strerror(err);
}
