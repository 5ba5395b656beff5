// SPDX-License-Identifier: BSD-2-Clause
/* fw_strerror(): the messages of the firmware library's one error domain. */
#include <firmware/errno.h>

const char *fw_strerror(int err)
{
	/* Unsigned negation: -INT_MIN would overflow. */
	unsigned int e = err < 0 ? 0u - (unsigned int)err : (unsigned int)err;

	/* A switch: two names with one value would not compile. */
	switch (e) {
	case 0: return "no error";
	case ENOENT: return "not found (ENOENT)";
	case ENOEXEC: return "bad magic or signature: not the expected format (ENOEXEC)";
	case ENOMEM: return "out of memory: a memblock array is full or cannot grow (ENOMEM)";
	case EFAULT: return "offset outside its block, misaligned, or at the wrong tag (EFAULT)";
	case EBUSY: return "the range is already in use (EBUSY)";
	case EINVAL: return "invalid argument or path (EINVAL)";
	case ENOSPC: return "no room left: a table or array is full (ENOSPC)";
	case EDOM: return "#address-cells or #size-cells unusable (EDOM)";
	case ERANGE: return "value malformed or out of range (ERANGE)";
	case ELOOP: return "nesting too deep (ELOOP)";
	case ENODATA: return "truncated: the buffer ends before the data (ENODATA)";
	case EBADMSG: return "malformed: bad checksum, tag, length or structure (EBADMSG)";
	case EOVERFLOW: return "a block or list runs outside its space (EOVERFLOW)";
	case EILSEQ: return "a name or string unterminated or outside its block (EILSEQ)";
	case EMSGSIZE: return "a value runs past the end of its block (EMSGSIZE)";
	case EPROTONOSUPPORT: return "version not supported (EPROTONOSUPPORT)";
	default: return "unknown error";
	}
}
