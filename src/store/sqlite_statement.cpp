// The store's SQLite layer. See sqlite_statement.hpp.
#include "sqlite_statement.hpp"

#include <cstring>

namespace salesdojo::store::detail {

namespace {

// The kind of failure from SQLite's last result code on this connection.
StoreProblem problem_of(sqlite3* db) {
    if (!db) return StoreProblem::Other;
    switch (sqlite3_errcode(db) & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StoreProblem::Damaged;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return StoreProblem::ReadOnly;
    case SQLITE_FULL: return StoreProblem::Full;
    default: return StoreProblem::Other;
    }
}

}  // namespace

void fail(sqlite3* db, const std::string& doing) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    std::string message = "results database ";
    message += (file && *file) ? file : "(unknown file)";
    message += ": " + doing + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    throw StoreError(message, problem_of(db));
}

void execute(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string what = error ? error : "unknown error";
        sqlite3_free(error);
        const char* file = sqlite3_db_filename(db, "main");
        throw StoreError("results database " + std::string(file && *file ? file : "(unknown file)") + ": " + what,
                         problem_of(db));
    }
}

Statement::Statement(sqlite3* db, const char* sql) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK) fail(db, "cannot prepare a query");
}

Statement::~Statement() { sqlite3_finalize(m_statement); }

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_statement, index, value) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(m_statement, index, value) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
    if (sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail(m_db, "bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(m_statement, index) != SQLITE_OK) fail(m_db, "bind");
    return *this;
}

bool Statement::step() {
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    fail(m_db, "query failed");
}

void Statement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_statement, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_statement, column); }

std::string Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)) : std::string();
}

std::optional<double> Statement::optional_real(int column) const {
    if (is_null(column)) return std::nullopt;
    return real(column);
}

Transaction::Transaction(sqlite3* db) : m_db(db) { execute(db, "BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done) sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    execute(m_db, "COMMIT");
    m_done = true;
}

std::int64_t to_stored(std::uint64_t value) {
    std::int64_t stored;
    std::memcpy(&stored, &value, sizeof stored);
    return stored;
}

std::uint64_t from_stored(std::int64_t value) {
    std::uint64_t plain;
    std::memcpy(&plain, &value, sizeof plain);
    return plain;
}

}  // namespace salesdojo::store::detail
