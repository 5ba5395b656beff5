# SPDX-License-Identifier: BSD-2-Clause
#
# Benchmarks (bench/): make bench prints the table and writes
# bench/results.md, bench/results.csv and the plot bench/ops-vs-n.svg.
#
# The library's sources are compiled for the host the way a kernel
# compiles them (-O2, the freestanding and warning flags, general-purpose
# registers only, no sanitizers), with the environment of bench/include
# (physical memory is a 16 GiB sparse host mapping that fits under
# valgrind, placed by each benchmark). The hand-off
# benchmark exists only once src/free_all.c does.

BENCH_HAVE_FREE_ALL := $(if $(wildcard src/free_all.c),1)
BENCH_ARCH_CFLAGS := $(if $(filter x86_64,$(HOSTARCH)),-mno-red-zone) -mgeneral-regs-only
BENCH_LIB_CFLAGS := $(FREESTANDING_CFLAGS) $(WARN_CFLAGS) -O2 -g $(BENCH_ARCH_CFLAGS) \
		    -I$(srctree)/bench/include -I$(srctree)/include
BENCH_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror \
		-I$(srctree)/bench/include -I$(srctree)/include \
		$(if $(BENCH_HAVE_FREE_ALL),-DBENCH_HAVE_FREE_ALL)
BENCH_SRCS := $(filter-out $(if $(BENCH_HAVE_FREE_ALL),,bench/handoff.c),\
		$(wildcard bench/*.c))
BENCH_OBJS := $(addprefix $(O)/bench/lib/,$(MEMBLOCK_SRCS:.c=.o)) \
	      $(patsubst %.c,$(O)/%.o,$(BENCH_SRCS))

# On x86-64 hosts the x86-64 demo kernel's hooks are one of the routine
# sets (BENCH_MEMOPS=x86), renamed so that bench/memops.c dispatches.
ifeq ($(HOSTARCH),x86_64)
BENCH_CFLAGS += -DBENCH_HAVE_X86_MEMOPS
BENCH_OBJS += $(O)/bench/x86_memops.o
$(O)/bench/x86_memops.o: arch/x86_64/memops.c include/memblock_env.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  bench/x86_memops.o")
	$(Q)gcc $(BENCH_LIB_CFLAGS) -Dmemblock_env_memmove=x86_memops_memmove \
		-Dmemblock_env_memset=x86_memops_memset -c $< -o $@
endif
BENCH_BIN := $(O)/bench/memblock-bench

$(O)/bench/lib/%.o: src/%.c $(wildcard src/*.h include/*.h include/linux/*.h bench/include/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  bench/lib/$*.o")
	$(Q)gcc $(BENCH_LIB_CFLAGS) -c $< -o $@

$(O)/bench/%.o: bench/%.c bench/bench.h $(wildcard include/*.h include/linux/*.h bench/include/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  bench/$*.o")
	$(Q)gcc $(BENCH_CFLAGS) -c $< -o $@

# Bound at load time: no lazy symbol binding inside a measured section.
$(BENCH_BIN): $(BENCH_OBJS)
	@$(if $(Q),echo "  HOSTLD  bench/memblock-bench")
	$(Q)gcc -Wl,-z,now $^ -o $@

# BENCH_QUICK=1: smaller N, for trying things out; its report goes to
# $(O)/bench/quick (the committed results come from the full run).
# BENCH_REPORT_ONLY=1: rewrite the report from the last measurements.
.PHONY: bench bench-build
bench-build: $(BENCH_BIN)
bench: deps $(BENCH_BIN)
	$(Q)python3 bench/run.py --bin $(BENCH_BIN) --obj $(O)/bench \
		$(if $(BENCH_QUICK),--quick) $(if $(BENCH_REPORT_ONLY),--report-only)

# The benchmarks build and pass their own checks on small N (no valgrind).
tap-bench-smoke: $(BENCH_BIN)
	$(Q)scripts/tap-run bench-smoke $(O)/tap/bench-smoke.tap $< smoke
TAP_SUITES += bench-smoke
