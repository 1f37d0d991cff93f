/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-demo.h: a believable store to try Atelier on */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

gboolean atelier_demo_fill (AtelierStore  *store,
                            GDateTime     *now,
                            GError       **error);

G_END_DECLS
