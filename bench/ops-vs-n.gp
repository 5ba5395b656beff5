# SPDX-License-Identifier: BSD-2-Clause
# Instructions per add / reserve against the number of regions N, log-log.
# Called by bench/report.py with csv=, out=, target= and the guides'
# constants lin= (instructions per region, from the largest N) and lg=
# (instructions per log2 N outside memmove, likewise) set.
set terminal svg size 800,520 font "sans,12" background "white"
set output out
set datafile separator ","
set logscale xy
set format y "10^{%L}"
set format x "10^{%L}"
set xlabel "regions in the array (N)"
set ylabel "instructions per operation"
set title "memblock: cost per add / reserve (callgrind)"
set key top left box opaque
set grid xtics ytics mxtics mytics lc rgb "#dddddd"
set xrange [100:70000]
set yrange [100:1e8]
sel(name, col) = strcol(1) eq name ? column(col) : NaN
plot csv using 2:(sel("add", 4)) with linespoints lw 2 pt 7 lc rgb "#1f77b4" title "add: total", \
     csv using 2:(sel("reserve", 4)) with linespoints lw 2 pt 5 lc rgb "#d62728" title "reserve: total", \
     csv using 2:(sel("add-sorted", 4)) with linespoints lw 2 pt 9 lc rgb "#9467bd" title "add, ascending order: total", \
     csv using 2:(sel("add", 7)) with linespoints lw 2 pt 6 dt 2 lc rgb "#1f77b4" title "add: without memmove", \
     csv using 2:(sel("reserve", 7)) with linespoints lw 2 pt 4 dt 2 lc rgb "#d62728" title "reserve: without memmove", \
     lin * x with lines lw 1 dt 3 lc rgb "#888888" title "guide: proportional to N", \
     lg * log(x) / log(2) with lines lw 1 dt 4 lc rgb "#888888" title "guide: proportional to log N", \
     "+" using (50000):(target) with points pt 3 ps 2 lw 2 lc rgb "#2ca02c" title "target at N = 50,000 (40,000)"
