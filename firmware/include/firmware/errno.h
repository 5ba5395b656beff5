/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The firmware library's one error domain: negative errno values, with
 * Linux's numbers (so that they agree with <errno.h> on a Linux host; a
 * kernel that defines its own keeps its own). Every parser (e820,
 * Multiboot2, ACPI, the device-tree reader and scan) and both boot
 * sequences return these, as does memblock; fw_strerror() gives the text
 * logs print. The device-tree reader's FDTR_ERR_* names (firmware/fdt.h)
 * are aliases of these values.
 */
#ifndef FIRMWARE_ERRNO_H
#define FIRMWARE_ERRNO_H

#ifndef ENOENT
#define ENOENT		2
#endif
#ifndef ENOEXEC
#define ENOEXEC		8
#endif
#ifndef ENOMEM
#define ENOMEM		12
#endif
#ifndef EFAULT
#define EFAULT		14
#endif
#ifndef EBUSY
#define EBUSY		16
#endif
#ifndef EINVAL
#define EINVAL		22
#endif
#ifndef ENOSPC
#define ENOSPC		28
#endif
#ifndef EDOM
#define EDOM		33
#endif
#ifndef ERANGE
#define ERANGE		34
#endif
#ifndef ELOOP
#define ELOOP		40
#endif
#ifndef ENODATA
#define ENODATA		61
#endif
#ifndef EBADMSG
#define EBADMSG		74
#endif
#ifndef EOVERFLOW
#define EOVERFLOW	75
#endif
#ifndef EILSEQ
#define EILSEQ		84
#endif
#ifndef EMSGSIZE
#define EMSGSIZE	90
#endif
#ifndef EPROTONOSUPPORT
#define EPROTONOSUPPORT	93
#endif

/**
 * fw_strerror - what an error of the firmware library (or memblock) means
 * @err: a negative errno from a firmware/ or memblock function; positive
 *	values are accepted too
 *
 * One message per value, covering every use of it in firmware/ (e.g.
 * -EBADMSG is an ACPI table with a bad checksum as well as a device tree
 * with a bad tag), followed by the errno's name in parentheses.
 *
 * Return: a constant string; "no error" for 0, "unknown error" for a
 * value the library does not return.
 */
const char *fw_strerror(int err);

#endif
