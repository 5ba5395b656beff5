// SPDX-License-Identifier: BSD-2-Clause
/*
 * The boot console of a device-tree kernel: the node /chosen/stdout-path
 * names (the firmware library's dt_get_console()), used when it is the
 * UART the kernel drives; otherwise the reason, which each kernel logs
 * with its fallback. Until then, output waits in a small buffer.
 */
#include <kernel/kernel.h>
#include <dt/console.h>

const char *dt_console_find(const struct fdtr *dt, const char *compatible,
			    struct dt_console *con)
{
	int err;

	*con = (struct dt_console){ 0 };
	if (!dt)
		return "no usable DTB";
	err = dt_get_console(dt->blob, con);
	if (err == -FDTR_ERR_NOTFOUND)
		return "no /chosen/stdout-path, or no node at its path";
	if (err < 0)
		return fdtr_strerror(err);
	if (!fdtr_node_is_compatible(dt, con->node, compatible))
		return "stdout-path names a UART of another kind";
	return NULL;
}

static char early_buf[2048];
static size_t early_len;

void dt_console_hold(const char *s, size_t n)
{
	for (size_t i = 0; i < n && early_len < sizeof(early_buf); i++)
		early_buf[early_len++] = s[i];
}

void dt_console_release(void)
{
	size_t n = early_len;

	/* Emptied first: the write below must not land in the buffer again. */
	early_len = 0;
	arch_console_write(early_buf, n);
	if (n == sizeof(early_buf))
		printk("console: early messages truncated\n");
}
