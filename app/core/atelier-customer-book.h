/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-book.h: the customers as a whole: duplicates and
 * CSV exports of the list and of attendance */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

char       *atelier_customer_book_phone_key          (const char    *phone);
GListModel *atelier_customer_book_find_duplicates    (AtelierStore  *store,
                                                      const char    *email,
                                                      const char    *phone,
                                                      gint64         except_id,
                                                      GError       **error);
AtelierCustomer *atelier_customer_book_match_email    (AtelierStore  *store,
                                                      const char    *email,
                                                      GError       **error);
GString    *atelier_customer_book_export_csv         (AtelierStore  *store,
                                                      GError       **error);
GString    *atelier_customer_book_export_attendance  (AtelierStore  *store,
                                                      gint64         session_id,
                                                      GDateTime     *from,
                                                      GDateTime     *to,
                                                      GError       **error);
char       *atelier_customer_book_format_time        (gint64         unix_time,
                                                      const char    *time_zone);

G_END_DECLS
