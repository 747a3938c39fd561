// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A thin RAII wrapper over the SQLite3 C API: Database (one connection), Statement (prepared,
// bound parameters) and Transaction (rolls back unless committed). No ORM.
//
// Threading: one Database is one connection. Every public member locks the connection's
// recursive mutex for its own duration; a caller that runs several statements as a unit holds
// a Transaction (which keeps the mutex for its lifetime) or a Database::Lock. Statements must only
// be used while the mutex is held by the using thread.
//
//   auto db = Database::open(path);                 // Result<std::unique_ptr<Database>>
//   if (!db) return fail(db.error());
//   Transaction tx(**db, Transaction::Immediate);
//   auto st = (*db)->prepare("INSERT INTO t(a, b) VALUES(?1, ?2)");
//   st->bindText(1, name).bindInt(2, 42);
//   if (auto r = st->run(); !r) return fail(r.error());
//   if (auto r = tx.commit(); !r) return fail(r.error());
#pragma once

#include "model/result.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace wfs::store {

class Database;

// A prepared statement. Parameters are 1-based, columns 0-based (as in SQLite). Text and blobs
// are bound with explicit lengths, so NUL bytes and invalid UTF-8 survive the round trip.
class Statement
{
public:
    Statement() = default;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }

    Statement &bindText(int index, std::string_view text);
    Statement &bindBlob(int index, const void *data, std::size_t size);
    Statement &bindBlob(int index, std::string_view bytes)
    {
        return bindBlob(index, bytes.data(), bytes.size());
    }
    Statement &bindInt(int index, std::int64_t value);
    Statement &bindDouble(int index, double value);
    Statement &bindNull(int index);
    // Text, or NULL when absent.
    Statement &bindOptionalText(int index, const std::optional<std::string> &text);

    // Runs one step: true when a row is available, false when the statement is done.
    Result<bool> step();
    // Steps to the end (for statements returning no rows), then resets.
    Result<void> run();
    // Makes the statement ready to run again; bindings are kept until rebound or cleared.
    void reset();
    void clearBindings();

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    // The column's bytes (text or blob) with their exact length.
    std::string columnText(int column) const;
    std::string columnBlob(int column) const { return columnText(column); }
    std::optional<std::string> columnOptionalText(int column) const;

    // Steps through the remaining rows and returns read(row) for each, in order; a step error
    // fails the whole read. `read` gets the statement as const (it reads columns, never steps).
    template<class Read>
    auto readAll(Read &&read)
        -> Result<std::vector<std::invoke_result_t<Read &, const Statement &>>>
    {
        using Rows = std::vector<std::invoke_result_t<Read &, const Statement &>>;
        Rows out;
        for (;;) {
            Result<bool> row = step();
            if (!row)
                return Result<Rows>::failure(row.error());
            if (!*row)
                return out;
            out.push_back(read(std::as_const(*this)));
        }
    }
    // The first row through `read`, or nullopt when there is none; resets the statement.
    template<class Read>
    auto readOne(Read &&read)
        -> Result<std::optional<std::invoke_result_t<Read &, const Statement &>>>
    {
        using Row = std::optional<std::invoke_result_t<Read &, const Statement &>>;
        Result<bool> row = step();
        if (!row)
            return Result<Row>::failure(row.error());
        Row out;
        if (*row)
            out.emplace(read(std::as_const(*this)));
        reset();
        return out;
    }

private:
    friend class Database;
    Statement(sqlite3_stmt *stmt, Database *db)
        : m_stmt(stmt)
        , m_db(db)
    {}
    void recordBindError(int rc, int index);

    sqlite3_stmt *m_stmt = nullptr;
    Database *m_db = nullptr;
    std::string m_bindError; ///< first bind failure, reported by the next step()
};

class Database
{
public:
    struct Options
    {
        bool readOnly = false;
        int busyTimeoutMs = 5000;
        bool wal = true; ///< journal_mode=WAL (ignored for in-memory databases)
    };
    using Lock = std::unique_lock<std::recursive_mutex>;

    // Opens (creating if needed, including the parent directory) the database at `path`.
    // ":memory:" opens a private in-memory database.
    static Result<std::unique_ptr<Database>> open(const std::string &path, Options options);
    static Result<std::unique_ptr<Database>> open(const std::string &path)
    {
        return open(path, Options());
    }
    static Result<std::unique_ptr<Database>> openInMemory() { return open(":memory:"); }
    // <AppDataLocation>/workflow-studio.db
    static std::string defaultPath();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Runs SQL text without parameters (schema, pragmas). Never pass user input here.
    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // A prepared statement kept for the connection's lifetime, reset and with bindings
    // cleared. The caller must hold lock() while using it.
    Result<Statement *> cached(std::string_view sql);

    Result<std::int64_t> queryInt(std::string_view sql);
    Result<int> userVersion();
    Result<void> setUserVersion(int version);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    // Whether a transaction is open on the connection (a Transaction of the caller's).
    bool inTransaction() const;
    const std::string &path() const { return m_path; }
    bool isInMemory() const { return m_path == ":memory:"; }
    std::string lastError() const;
    sqlite3 *handle() const { return m_db; }
    Lock lock() { return Lock(m_mutex); }
    std::recursive_mutex &mutex() { return m_mutex; }

    // "<context>: <sqlite message> (<code>)" for the connection's last error.
    std::string errorText(std::string_view context, int rc) const;

private:
    Database(sqlite3 *db, std::string path);

    sqlite3 *m_db = nullptr;
    std::string m_path;
    std::recursive_mutex m_mutex;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

// Begins a transaction on construction; rolls it back on destruction unless commit() succeeded.
// Holds the connection's mutex for its whole lifetime. Not copyable, not movable.
class [[nodiscard]] Transaction
{
public:
    enum Kind {
        Deferred,  ///< BEGIN: locks on first access
        Immediate, ///< BEGIN IMMEDIATE: takes the write lock now (use for writers)
        Exclusive  ///< BEGIN EXCLUSIVE
    };

    explicit Transaction(Database &db, Kind kind = Deferred);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    // False if BEGIN failed (error() says why); commit() then fails too.
    bool isActive() const { return m_active; }
    const std::string &error() const { return m_error; }
    Result<void> commit();
    Result<void> rollback();

private:
    Database &m_db;
    Database::Lock m_lock;
    bool m_active = false;
    std::string m_error;
};

} // namespace wfs::store
