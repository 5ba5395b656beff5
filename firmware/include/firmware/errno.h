/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Error numbers the firmware parsers return (negated), with Linux's values
 * so that they agree with <errno.h> on a Linux host.
 */
#ifndef FIRMWARE_ERRNO_H
#define FIRMWARE_ERRNO_H

#ifndef ENOENT
#define ENOENT		2
#endif
#ifndef EINVAL
#define EINVAL		22
#endif
#ifndef ENOSPC
#define ENOSPC		28
#endif
#ifndef ERANGE
#define ERANGE		34
#endif
#ifndef EBADMSG
#define EBADMSG		74
#endif

#endif
