// SPDX-License-Identifier: BSD-2-Clause
/*
 * Names of the reader's error codes.
 */
#include "fdt_internal.h"

static const char *const errors[FDTR_ERR_MAX] = {
	[FDTR_ERR_NOTFOUND]	= "FDTR_ERR_NOTFOUND",
	[FDTR_ERR_INVAL]	= "FDTR_ERR_INVAL",
	[FDTR_ERR_BADOFFSET]	= "FDTR_ERR_BADOFFSET",
	[FDTR_ERR_TRUNCATED]	= "FDTR_ERR_TRUNCATED",
	[FDTR_ERR_BADMAGIC]	= "FDTR_ERR_BADMAGIC",
	[FDTR_ERR_BADVERSION]	= "FDTR_ERR_BADVERSION",
	[FDTR_ERR_BADLAYOUT]	= "FDTR_ERR_BADLAYOUT",
	[FDTR_ERR_BADSTRUCTURE]	= "FDTR_ERR_BADSTRUCTURE",
	[FDTR_ERR_BADNAME]	= "FDTR_ERR_BADNAME",
	[FDTR_ERR_BADSTRING]	= "FDTR_ERR_BADSTRING",
	[FDTR_ERR_BADPROPLEN]	= "FDTR_ERR_BADPROPLEN",
	[FDTR_ERR_DEPTH]	= "FDTR_ERR_DEPTH",
	[FDTR_ERR_BADRSVMAP]	= "FDTR_ERR_BADRSVMAP",
	[FDTR_ERR_BADCELLS]	= "FDTR_ERR_BADCELLS",
	[FDTR_ERR_BADVALUE]	= "FDTR_ERR_BADVALUE",
	[FDTR_ERR_BADPATH]	= "FDTR_ERR_BADPATH",
	[FDTR_ERR_NOSPACE]	= "FDTR_ERR_NOSPACE",
};

const char *fdtr_strerror(int err)
{
	/* Unsigned negation: -INT_MIN would overflow. */
	unsigned int e = err < 0 ? 0u - (unsigned int)err : (unsigned int)err;

	if (e == 0)
		return "no error";
	if (e >= FDTR_ERR_MAX || !errors[e])
		return "FDTR_ERR_UNKNOWN";
	return errors[e];
}
