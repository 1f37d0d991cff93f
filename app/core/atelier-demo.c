#include "config.h"
#include "atelier-demo.h"
gboolean atelier_demo_fill (AtelierStore *store, GDateTime *now, GError **error) { return FALSE; }
