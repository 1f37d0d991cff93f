/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-book.c: the customers as a whole: duplicates and CSV
 * exports of the list and of attendance
 *
 * Exports are CSV as atelier-csv.c writes it, with a header row whose
 * names the customer import recognises, so that an export of the list
 * imports back as it was. Times are ISO 8601: UTC in the customer list,
 * the session's own zone in attendance.
 */
#define G_LOG_DOMAIN "atelier-customer-book"

#include "config.h"


#include "atelier-attendance.h"
#include "atelier-csv.h"
#include "atelier-customer-book.h"
#include "atelier-schema-private.h"
#include "atelier-store-private.h"

/* At fewer characters, two phones that share them are not the same. */
#define MIN_PHONE_KEY 6

/**
 * atelier_customer_book_phone_key:
 *
 * What duplicate detection compares of a phone: the number without its
 * spacing and punctuation, a French number in its national form
 * ("+33 6 12 34 56 78" and "06.12.34.56.78" are the same), as the
 * customers table's generated `phone_key` column computes it.
 *
 * Returns: (transfer full): the key; empty for no usable number
 */
char *
atelier_customer_book_phone_key (const char *phone)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = phone ? phone : ""; *p != '\0'; p++)
    if (strchr (" .-()/+", *p) == NULL)
      g_string_append_c (key, *p);

  if (key->len == 11 && g_str_has_prefix (key->str, "33"))
    {
      g_string_erase (key, 0, 2);
      g_string_prepend_c (key, '0');
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * atelier_customer_book_find_duplicates:
 * @email: (nullable): an e-mail address; case does not matter
 * @phone: (nullable): a phone number, however spaced
 * @except_id: a customer to leave out (the one being edited), or 0
 *
 * The customers, erased ones aside, with the same e-mail address or the
 * same phone number: what to offer to open instead of creating another.
 *
 * Returns: (transfer full): a #GListModel of #AtelierCustomer, oldest first
 */
GListModel *
atelier_customer_book_find_duplicates (AtelierStore  *store,
                                       const char    *email,
                                       const char    *phone,
                                       gint64         except_id,
                                       GError       **error)
{
  static const char sql[] =
    "SELECT " ATELIER_CUSTOMER_COLUMNS ("") " FROM customers WHERE id IN ("
    "  SELECT id FROM customers WHERE ?1 <> '' AND email = ?1 COLLATE NOCASE"
    "  UNION SELECT id FROM customers WHERE ?2 <> '' AND phone_key = ?2 AND phone_key <> '')"
    " AND erased_at IS NULL AND id <> ?3 ORDER BY id";
  g_autofree char *trimmed = g_strstrip (g_strdup (email ? email : ""));
  g_autofree char *key = atelier_customer_book_phone_key (phone);
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  atelier_db_stmt_bind_text (stmt, 1, trimmed);
  atelier_db_stmt_bind_text (stmt, 2, strlen (key) >= MIN_PHONE_KEY ? key : "");
  atelier_db_stmt_bind_int64 (stmt, 3, except_id);

  return atelier_store_read_objects (store, stmt, ATELIER_TYPE_CUSTOMER, error);
}

/**
 * atelier_customer_book_match_email:
 * @email: (nullable): an e-mail address, as typed
 *
 * The customer an e-mail address stands for, by the rule the import
 * matches rows with: a sign-up or a walk-in of someone with a known
 * address is that customer, not a new one.
 *
 * Returns: (transfer full) (nullable): the customer, or %NULL when the
 *   address is no one's (@error unset) or when the store fails (@error set)
 */
AtelierCustomer *
atelier_customer_book_match_email (AtelierStore  *store,
                                   const char    *email,
                                   GError       **error)
{
  static const char sql[] =
    "SELECT " ATELIER_CUSTOMER_COLUMNS ("") " FROM customers" ATELIER_CUSTOMER_MATCH_EMAIL;
  g_autofree char *trimmed = g_strstrip (g_strdup (email ? email : ""));
  g_autoptr(GListModel) found = NULL;
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (*trimmed == '\0')
    return NULL;
  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_text (stmt, 1, trimmed);
  found = atelier_store_read_objects (store, stmt, ATELIER_TYPE_CUSTOMER, error);
  if (found == NULL || g_list_model_get_n_items (found) == 0)
    return NULL;
  return g_list_model_get_item (found, 0);
}

/**
 * atelier_customer_book_format_time:
 * @time_zone: (nullable): an IANA zone, or %NULL for UTC
 *
 * Returns: (transfer full): ISO 8601 ("2025-03-14T18:30:00+01:00"), or an
 *   empty string for 0
 */
char *
atelier_customer_book_format_time (gint64      unix_time,
                                   const char *time_zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (unix_time == 0)
    return g_strdup ("");

  utc = g_date_time_new_from_unix_utc (unix_time);
  if (utc == NULL)
    return g_strdup ("");
  if (time_zone == NULL)
    return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  zone = g_time_zone_new_identifier (time_zone);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static const char *
column_text (AtelierDbStmt *stmt,
             int            column)
{
  const char *text = atelier_db_stmt_column_text (stmt, column);

  return text ? text : "";
}

/* The header names are English and match atelier-customer-import.c. */
static const char *const customer_header[] = {
  "ID", "First Name", "Last Name", "Email", "Phone", "Language", "Tags", "Note",
  "Needs", "First Came", "Accepts Marketing", "Consent Date", "Consent Wording",
  "Created", "Last Seen",
};

/**
 * atelier_customer_book_export_csv:
 *
 * The customer list (erased customers left out), by id, as CSV.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
GString *
atelier_customer_book_export_csv (AtelierStore  *store,
                                  GError       **error)
{
  static const char sql[] =
    "SELECT id, given_name, family_name, email, phone, preferred_language, interests,"
    " note, needs, first_came, consent, consent_at, consent_wording, created_at, last_seen_at"
    " FROM customers WHERE erased_at IS NULL ORDER BY id";
  g_autoptr(GString) csv = g_string_new (NULL);
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  atelier_csv_append_row (csv, customer_header, G_N_ELEMENTS (customer_header), ',');
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) atelier_db_stmt_column_int64 (stmt, 0));
      g_autofree char *consent_at = atelier_customer_book_format_time (atelier_db_stmt_column_int64 (stmt, 11), NULL);
      g_autofree char *created = atelier_customer_book_format_time (atelier_db_stmt_column_int64 (stmt, 13), NULL);
      g_autofree char *seen = atelier_customer_book_format_time (atelier_db_stmt_column_int64 (stmt, 14), NULL);
      const char *fields[] = {
        id, column_text (stmt, 1), column_text (stmt, 2), column_text (stmt, 3),
        column_text (stmt, 4), column_text (stmt, 5), column_text (stmt, 6),
        column_text (stmt, 7), column_text (stmt, 8), column_text (stmt, 9),
        atelier_db_stmt_column_int (stmt, 10) ? "yes" : "no", consent_at, column_text (stmt, 12),
        created, seen,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (customer_header));
      atelier_csv_append_row (csv, fields, G_N_ELEMENTS (fields), ',');
    }
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&csv);
}

/**
 * atelier_customer_book_export_attendance:
 * @session_id: one session, or 0 for every session between @from and @to
 * @from: (nullable): the earliest start, or %NULL for no bound
 * @to: (nullable): the start before which to stop, or %NULL for no bound
 *
 * Every registration of the sessions asked for, by session start then
 * customer, as CSV: who, how many, what became of it in one Attendance
 * column (atelier_attendance_to_string(): `attended`, `partly-attended`,
 * `no-show`, `cancelled`, `waiting`, or `expected` before the session's
 * end), when they were checked in and how many of the party arrived. An
 * erased customer's registrations stay, without a name.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
GString *
atelier_customer_book_export_attendance (AtelierStore  *store,
                                         gint64         session_id,
                                         GDateTime     *from,
                                         GDateTime     *to,
                                         GError       **error)
{
  static const char sql[] =
    "SELECT s.id, s.starts_at, s.time_zone, w.title, c.id,"
    "  trim (c.given_name || ' ' || c.family_name), c.email, r.party_size, r.status,"
    "  r.checked_in_at,"
    "  CASE WHEN r.checked_in_at IS NOT NULL THEN coalesce (r.arrived, r.party_size) END,"
    "  r.arrived, s.status = 'cancelled', s.ends_at <= ?4"
    " FROM registrations r JOIN sessions s ON s.id = r.session_id"
    " JOIN workshops w ON w.id = s.workshop_id JOIN customers c ON c.id = r.customer_id"
    " WHERE (?1 = 0 OR s.id = ?1) AND s.starts_at >= ?2 AND s.starts_at < ?3"
    " ORDER BY s.starts_at, s.id, c.family_name, c.given_name, r.id";
  static const char *const header[] = {
    "Session", "Start", "Workshop", "Customer ID", "Customer", "Email", "Party", "Attendance",
    "Checked In", "Arrived",
  };
  g_autoptr(GString) csv = g_string_new (NULL);
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, session_id);
  atelier_db_stmt_bind_int64 (stmt, 2, from ? g_date_time_to_unix (from) : G_MININT64);
  atelier_db_stmt_bind_int64 (stmt, 3, to ? g_date_time_to_unix (to) : G_MAXINT64);
  atelier_db_stmt_bind_int64 (stmt, 4, atelier_store_now ());

  atelier_csv_append_row (csv, header, G_N_ELEMENTS (header), ',');
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      const char *zone = column_text (stmt, 2);
      g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) atelier_db_stmt_column_int64 (stmt, 0));
      g_autofree char *start = atelier_customer_book_format_time (atelier_db_stmt_column_int64 (stmt, 1), zone);
      g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) atelier_db_stmt_column_int64 (stmt, 4));
      g_autofree char *party = g_strdup_printf ("%d", atelier_db_stmt_column_int (stmt, 7));
      g_autofree char *checked_in = atelier_customer_book_format_time (atelier_db_stmt_column_int64 (stmt, 9), zone);
      AtelierAttendance attendance = atelier_attendance_decide (column_text (stmt, 8),
                                                                atelier_db_stmt_column_int64 (stmt, 9),
                                                                atelier_db_stmt_column_int (stmt, 11),
                                                                atelier_db_stmt_column_int (stmt, 7),
                                                                atelier_db_stmt_column_int (stmt, 12) != 0,
                                                                atelier_db_stmt_column_int (stmt, 13) != 0);
      const char *fields[] = {
        session, start, column_text (stmt, 3), customer, column_text (stmt, 5),
        column_text (stmt, 6), party, atelier_attendance_to_string (attendance), checked_in,
        column_text (stmt, 10),
      };

      atelier_csv_append_row (csv, fields, G_N_ELEMENTS (fields), ',');
    }
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&csv);
}
