/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-util.h: what the benchmark programs share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For g_array_sort() of an array of double. */
int     bench_compare_doubles (gconstpointer  a,
                               gconstpointer  b);

/* The median of an array of double, left in its order; 0 when empty. */
double  bench_median          (GArray        *values);

G_END_DECLS
