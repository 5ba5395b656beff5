# SPDX-License-Identifier: BSD-2-Clause
#
# Host tools, built from the library's sources with the host environment
# (tests/include/memblock_env.h: physical memory is a sparse host mapping).

HOST_TOOL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
		    -I$(srctree)/tests/include -I$(srctree)/include

$(O)/tools/host-demo: tools/host_demo.c tests/lib/phys_window.c \
		      $(addprefix src/,$(MEMBLOCK_SRCS)) $(wildcard src/*.h include/*.h include/linux/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  tools/host-demo")
	$(Q)gcc $(HOST_TOOL_CFLAGS) tools/host_demo.c tests/lib/phys_window.c \
		$(addprefix src/,$(MEMBLOCK_SRCS)) -o $@

.PHONY: demo-host
demo-host: $(O)/tools/host-demo
	$(Q)$<

# The demo runs and its dump has the seed's format.
tap-demo-host: $(O)/tools/host-demo
	$(Q)scripts/tap-check demo-host $(O)/tap/demo-host.tap \
		sh -c '$< | grep -q "^ reserved.cnt  = 0x"'
TAP_SUITES += demo-host
