#pragma once
// Private: the schema, as an ordered list of migrations (docs/results.md, "Schema").
#include <sqlite3.h>

namespace salesdojo::store::detail {

// Brings the database to the latest schema: migration k runs in its own transaction together with
// PRAGMA user_version = k, so a crash leaves the database at k-1 or k, never in between. Throws
// StoreError for a database written by a newer SalesDojo (user_version above the latest).
void migrate(sqlite3* db);
int migration_count();

}  // namespace salesdojo::store::detail
