# SPDX-License-Identifier: BSD-2-Clause
# Cost per operation against N for each workload that moves or clears
# memory, beside its floor (callgrind instructions, log-log). Called by
# bench/report.py with csv= (bench/floors.csv) and out= set.
set terminal svg size 1200,520 font "sans,12" background "white"
set output out
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set format x "10^{%L}"
set grid xtics ytics mxtics mytics lc rgb "#dddddd"
set key top left box opaque
sel(w, m, col) = (strcol(1) eq w && strcol(2) eq m) ? column(col) : NaN
set multiplot layout 1,3 title "memblock: cost per operation beside its floor (callgrind instructions)"
do for [w in "add reserve alloc-zero"] {
	set title w
	set xlabel (w eq "alloc-zero" ? "allocations (N)" : "regions in the array (N)")
	set ylabel "instructions per operation"
	plot csv using 3:(sel(w, "default", 5)) with linespoints lw 2 pt 7 lc rgb "#1f77b4" title "library, default routine", \
	     csv using 3:(sel(w, "default", 6)) with linespoints lw 1 pt 6 dt 2 lc rgb "#1f77b4" title "floor, default routine", \
	     csv using 3:(sel(w, "libc", 5)) with linespoints lw 2 pt 5 lc rgb "#d62728" title "library, C library routine", \
	     csv using 3:(sel(w, "libc", 6)) with linespoints lw 1 pt 4 dt 2 lc rgb "#d62728" title "floor, C library routine", \
	     csv using 3:(sel(w, "x86", 5)) with linespoints lw 2 pt 9 lc rgb "#2ca02c" title "library, x86-64 kernel routine", \
	     csv using 3:(sel(w, "x86", 6)) with linespoints lw 1 pt 8 dt 2 lc rgb "#2ca02c" title "floor, x86-64 kernel routine"
}
unset multiplot
