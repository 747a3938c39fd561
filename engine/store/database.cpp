// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// SQLite connection, statement and transaction guards.
//
// Every connection is opened with foreign keys on, a busy timeout and (for files) WAL journaling
// with synchronous=NORMAL: a committed transaction survives a crash of the process; a power cut
// may lose the last transactions but never corrupts the file. Errors come back as Result texts
// that name the failing operation and carry SQLite's own message.
#include "database.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cassert>
#include <sqlite3.h>

namespace wfs::store {

// --- Statement -------------------------------------------------------------------------------

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(std::exchange(other.m_db, nullptr))
    , m_bindError(std::move(other.m_bindError))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = std::exchange(other.m_db, nullptr);
        m_bindError = std::move(other.m_bindError);
    }
    return *this;
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

void Statement::recordBindError(int rc, int index)
{
    if (rc == SQLITE_OK || !m_bindError.empty())
        return;
    m_bindError = "cannot bind parameter " + std::to_string(index) + ": " + sqlite3_errstr(rc);
}

Statement &Statement::bindText(int index, std::string_view text)
{
    assert(m_stmt && "bind on an invalid statement");
    recordBindError(sqlite3_bind_text64(m_stmt, index, text.data(), sqlite3_uint64(text.size()),
                                        SQLITE_TRANSIENT, SQLITE_UTF8),
                    index);
    return *this;
}

Statement &Statement::bindBlob(int index, const void *data, std::size_t size)
{
    assert(m_stmt && "bind on an invalid statement");
    // A zero-length blob must still be a blob, not NULL: SQLite treats a null pointer as NULL.
    static const char empty = 0;
    recordBindError(sqlite3_bind_blob64(m_stmt, index, size == 0 ? &empty : data,
                                        sqlite3_uint64(size), SQLITE_TRANSIENT),
                    index);
    return *this;
}

Statement &Statement::bindInt(int index, std::int64_t value)
{
    assert(m_stmt && "bind on an invalid statement");
    recordBindError(sqlite3_bind_int64(m_stmt, index, sqlite3_int64(value)), index);
    return *this;
}

Statement &Statement::bindDouble(int index, double value)
{
    assert(m_stmt && "bind on an invalid statement");
    recordBindError(sqlite3_bind_double(m_stmt, index, value), index);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    assert(m_stmt && "bind on an invalid statement");
    recordBindError(sqlite3_bind_null(m_stmt, index), index);
    return *this;
}

Statement &Statement::bindOptionalText(int index, const std::optional<std::string> &text)
{
    return text ? bindText(index, *text) : bindNull(index);
}

Result<bool> Statement::step()
{
    assert(m_stmt && m_db && "step on an invalid statement");
    if (!m_bindError.empty()) {
        std::string e = std::move(m_bindError);
        m_bindError.clear();
        sqlite3_reset(m_stmt);
        return Result<bool>::failure(e);
    }
    std::lock_guard lock(m_db->mutex());
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
    std::string text = m_db->errorText("step", rc);
    sqlite3_reset(m_stmt);
    return Result<bool>::failure(text + " in: " + sql.substr(0, 120));
}

Result<void> Statement::run()
{
    for (;;) {
        Result<bool> r = step();
        if (!r) {
            reset();
            return Result<void>::failure(r.error());
        }
        if (!*r)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

void Statement::clearBindings()
{
    if (m_stmt)
        sqlite3_clear_bindings(m_stmt);
    m_bindError.clear();
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int column) const
{
    return std::int64_t(sqlite3_column_int64(m_stmt, column));
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const
{
    // Blob first: it returns the stored bytes unconverted; then the byte count.
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data || size <= 0)
        return {};
    return std::string(static_cast<const char *>(data), std::size_t(size));
}

std::optional<std::string> Statement::columnOptionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return columnText(column);
}

// --- Database --------------------------------------------------------------------------------

Database::Database(sqlite3 *db, std::string path)
    : m_db(db)
    , m_path(std::move(path))
{}

Database::~Database()
{
    m_cache.clear();
    if (m_db)
        sqlite3_close_v2(m_db);
}

std::string Database::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.workflow-studio");
    return (dir + QStringLiteral("/workflow-studio.db")).toStdString();
}

Result<std::unique_ptr<Database>> Database::open(const std::string &path, Options options)
{
    using R = Result<std::unique_ptr<Database>>;
    const bool memory = path == ":memory:";
    if (!memory && !options.readOnly) {
        const QString dir = QFileInfo(QString::fromStdString(path)).absolutePath();
        if (!QDir().mkpath(dir))
            return R::failure("cannot create the database directory " + dir.toStdString());
    }
    sqlite3 *raw = nullptr;
    const int flags =
        (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_FULLMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        if (raw)
            sqlite3_close_v2(raw);
        return R::failure("cannot open database " + path + ": " + msg);
    }
    std::unique_ptr<Database> db(new Database(raw, path));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);
    if (auto r = db->exec("PRAGMA foreign_keys = ON"); !r)
        return R::failure(r.error());
    if (!memory && !options.readOnly && options.wal) {
        if (auto r = db->exec("PRAGMA journal_mode = WAL"); !r)
            return R::failure("cannot enable WAL on " + path + ": " + r.error());
        if (auto r = db->exec("PRAGMA synchronous = NORMAL"); !r)
            return R::failure(r.error());
        // A checkpoint truncates the WAL back to 8 MB: a burst of writes (a load test, the
        // call-log pruning) must not leave a WAL file of its own peak size behind for good.
        if (auto r = db->exec("PRAGMA journal_size_limit = 8388608"); !r)
            return R::failure(r.error());
    }
    // Catch "file is not a database" now rather than on first use.
    if (auto r = db->queryInt("SELECT count(*) FROM sqlite_schema"); !r)
        return R::failure("cannot read database " + path + ": " + r.error());
    return db;
}

std::string Database::errorText(std::string_view context, int rc) const
{
    std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    return std::string(context) + ": " + msg + " (" + std::to_string(rc) + ")";
}

std::string Database::lastError() const
{
    return m_db ? sqlite3_errmsg(m_db) : std::string();
}

Result<void> Database::exec(std::string_view sql)
{
    std::lock_guard lock(m_mutex);
    char *err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK)
        return {};
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Result<void>::failure("SQL error: " + msg + " in: " + text.substr(0, 120));
}

Result<Statement> Database::prepare(std::string_view sql)
{
    std::lock_guard lock(m_mutex);
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt, nullptr);
    if (rc != SQLITE_OK) {
        if (stmt)
            sqlite3_finalize(stmt);
        return Result<Statement>::failure(errorText("prepare", rc) +
                                          " in: " + std::string(sql.substr(0, 120)));
    }
    assert(stmt && "prepare of an empty statement");
    return Statement(stmt, this);
}

Result<Statement *> Database::cached(std::string_view sql)
{
    std::lock_guard lock(m_mutex);
    auto it = m_cache.find(std::string(sql));
    if (it == m_cache.end()) {
        Result<Statement> st = prepare(sql);
        if (!st)
            return Result<Statement *>::failure(st.error());
        it = m_cache.emplace(std::string(sql), std::make_unique<Statement>(std::move(*st))).first;
    }
    it->second->reset();
    it->second->clearBindings();
    return it->second.get();
}

Result<std::int64_t> Database::queryInt(std::string_view sql)
{
    std::lock_guard lock(m_mutex);
    Result<Statement> st = prepare(sql);
    if (!st)
        return Result<std::int64_t>::failure(st.error());
    Result<bool> row = st->step();
    if (!row)
        return Result<std::int64_t>::failure(row.error());
    if (!*row)
        return Result<std::int64_t>::failure("query returned no row: " + std::string(sql));
    return st->columnInt(0);
}

Result<int> Database::userVersion()
{
    Result<std::int64_t> v = queryInt("PRAGMA user_version");
    if (!v)
        return Result<int>::failure(v.error());
    return int(*v);
}

Result<void> Database::setUserVersion(int version)
{
    // PRAGMA takes no bound parameters; the value is an int we format ourselves.
    return exec("PRAGMA user_version = " + std::to_string(version));
}

std::int64_t Database::lastInsertRowId() const
{
    return std::int64_t(sqlite3_last_insert_rowid(m_db));
}

bool Database::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

// --- Transaction -----------------------------------------------------------------------------

Transaction::Transaction(Database &db, Kind kind)
    : m_db(db)
    , m_lock(db.lock())
{
    const char *sql = kind == Immediate   ? "BEGIN IMMEDIATE"
                      : kind == Exclusive ? "BEGIN EXCLUSIVE"
                                          : "BEGIN";
    Result<void> r = m_db.exec(sql);
    if (r)
        m_active = true;
    else
        m_error = r.error();
}

Transaction::~Transaction()
{
    if (m_active)
        (void)rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return Result<void>::failure(m_error.empty() ? "no transaction is active" : m_error);
    Result<void> r = m_db.exec("COMMIT");
    if (!r)
        return r; // still active: the destructor rolls back
    m_active = false;
    return {};
}

Result<void> Transaction::rollback()
{
    if (!m_active)
        return {};
    m_active = false;
    return m_db.exec("ROLLBACK");
}

} // namespace wfs::store
