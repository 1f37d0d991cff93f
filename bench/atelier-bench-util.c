/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-util.c: what the benchmark programs share */
#include "atelier-bench-util.h"

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *values)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = values->len;

  if (n == 0)
    return 0;
  sorted = g_array_copy (values);
  g_array_sort (sorted, bench_compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}
