#pragma once
// Private: a thin RAII layer over the SQLite C API for the store. Every failure throws StoreError
// with the database file's name and SQLite's message.
#include <salesdojo/store/results_store.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

namespace salesdojo::store::detail {

[[noreturn]] void fail(sqlite3* db, const std::string& doing);  // throws StoreError naming the file
void execute(sqlite3* db, const char* sql);                    // one or more statements, no rows

class Statement {
public:
    Statement(sqlite3* db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, const std::string& value);
    Statement& bind_null(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    bool step();   // true: a row is ready; false: done
    void reset();  // for the next execution (bindings are cleared too)

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<double> optional_real(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless commit() was called.
class Transaction {
public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    sqlite3* m_db;
    bool m_done = false;
};

// uint64 seeds kept bit-for-bit in SQLite's signed 64-bit integers.
std::int64_t to_stored(std::uint64_t value);
std::uint64_t from_stored(std::int64_t value);

}  // namespace salesdojo::store::detail
