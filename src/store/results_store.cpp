// The results database: opening, trainees, attempts, saved runs. See results_store.hpp.
#include <salesdojo/store/results_store.hpp>

#include "migrations.hpp"
#include "sqlite_statement.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <random>
#include <utility>

namespace salesdojo::store {
namespace {

using detail::execute;
using detail::from_stored;
using detail::Statement;
using detail::to_stored;
using detail::Transaction;

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kMaxTraineeName = 64;

std::int64_t clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string checked_name(const std::string& name) {
    std::string clean = trimmed(name);
    if (clean.empty()) throw StoreError("a trainee needs a name");
    if (clean.size() > kMaxTraineeName)
        throw StoreError("a trainee's name may have at most " + std::to_string(kMaxTraineeName) + " characters");
    for (unsigned char c : clean)
        if (c < 0x20 || c == 0x7f) throw StoreError("a trainee's name may not contain control characters");
    return clean;
}

Trainee read_trainee(const Statement& row) { return {row.int64(0), row.text(1), row.int64(2)}; }

std::optional<bool> optional_bool(const Statement& row, int column) {
    if (row.is_null(column)) return std::nullopt;
    return row.int64(column) != 0;
}

std::optional<std::int64_t> as_int(const std::optional<bool>& value) {
    if (!value) return std::nullopt;
    return *value ? 1 : 0;
}

std::int64_t insert_attempt_rows(sqlite3* db, const AttemptRecord& a) {
    Statement insert(db, R"sql(
        INSERT INTO attempts (trainee_id, scenario_id, scenario_version, content_hash, language, mode, seed,
                              started_ms, ended_ms, finished, ending_node, outcome, weighted_total, overall,
                              accuracy, passed, decision_count, dimension_count, uid)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19))sql");
    insert.bind(1, a.trainee_id).bind(2, a.scenario_id).bind(3, a.scenario_version).bind(4, a.content_hash);
    insert.bind(5, a.language).bind(6, a.mode).bind(7, to_stored(a.seed)).bind(8, a.started_ms).bind(9, a.ended_ms);
    insert.bind(10, std::int64_t{a.finished ? 1 : 0}).bind(11, a.ending_node).bind(12, a.outcome);
    insert.bind(13, a.weighted_total).bind(14, a.overall).bind(15, a.accuracy).bind(16, as_int(a.passed));
    insert.bind(17, static_cast<std::int64_t>(a.decisions.size())).bind(18, static_cast<std::int64_t>(a.dimensions.size()));
    insert.bind(19, a.uid.empty() ? new_attempt_uid() : a.uid);
    insert.step();
    const std::int64_t id = sqlite3_last_insert_rowid(db);

    Statement decision(db, "INSERT INTO decisions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (std::size_t i = 0; i < a.decisions.size(); ++i) {
        const DecisionRecord& d = a.decisions[i];
        decision.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, d.node_id).bind(4, d.choice_id);
        decision.bind(5, d.verdict).bind(6, d.loss).bind(7, std::int64_t{d.counted ? 1 : 0}).bind(8, d.seconds);
        decision.step();
        decision.reset();
    }
    Statement dimension(db, "INSERT INTO dimension_scores VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (std::size_t i = 0; i < a.dimensions.size(); ++i) {
        const DimensionRecord& d = a.dimensions[i];
        dimension.bind(1, a.trainee_id).bind(2, id).bind(3, static_cast<std::int64_t>(i)).bind(4, d.dimension_id);
        dimension.bind(5, static_cast<std::int64_t>(d.raw_total)).bind(6, d.score);
        dimension.step();
        dimension.reset();
    }
    return id;
}

}  // namespace

int latest_schema_version() { return detail::migration_count(); }

std::string new_attempt_uid() {
    static std::mutex mutex;
    static std::random_device device;  // the system's entropy source: ids from two machines never meet
    std::uint8_t bytes[16];
    {
        const std::lock_guard<std::mutex> lock(mutex);
        for (std::size_t i = 0; i < sizeof bytes; i += 4) {
            const std::uint32_t r = device();
            for (std::size_t k = 0; k < 4; ++k) bytes[i + k] = static_cast<std::uint8_t>(r >> (8 * k));
        }
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);  // variant 10xx
    static const char* const hex = "0123456789abcdef";
    std::string uid;
    for (std::size_t i = 0; i < sizeof bytes; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) uid += '-';
        uid += hex[bytes[i] >> 4];
        uid += hex[bytes[i] & 0x0f];
    }
    return uid;
}

std::vector<std::string> AttemptRecord::choice_ids() const {
    std::vector<std::string> ids;
    ids.reserve(decisions.size());
    for (const auto& d : decisions) ids.push_back(d.choice_id);
    return ids;
}

ResultsStore::ResultsStore(std::string path) : m_path(std::move(path)) {}

ResultsStore::ResultsStore(ResultsStore&& other) noexcept
    : m_path(std::move(other.m_path)), m_db(std::exchange(other.m_db, nullptr)) {}

ResultsStore& ResultsStore::operator=(ResultsStore&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_path = std::move(other.m_path);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

ResultsStore::~ResultsStore() { sqlite3_close_v2(m_db); }

ResultsStore ResultsStore::open(const std::string& path) {
    if (path.empty()) throw StoreError("no folder for the results database (neither SALESDOJO_DATA_HOME, XDG_DATA_HOME nor HOME is set)");
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(parent, ec);
        if (ec) {
            const bool denied = ec == std::errc::permission_denied || ec == std::errc::read_only_file_system;
            throw StoreError("results database " + path + ": cannot create the folder " + parent.string() + ": " + ec.message(),
                             denied ? StoreProblem::ReadOnly : StoreProblem::Other);
        }
    }
    ResultsStore store(path);
    const int opened = sqlite3_open_v2(path.c_str(), &store.m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (opened != SQLITE_OK) {
        std::string message = store.m_db ? sqlite3_errmsg(store.m_db) : "out of memory";
        const StoreProblem problem = (opened & 0xff) == SQLITE_CANTOPEN || (opened & 0xff) == SQLITE_PERM
                                         ? StoreProblem::ReadOnly
                                         : StoreProblem::Other;
        throw StoreError("results database " + path + ": cannot open: " + message, problem);
    }
    sqlite3_extended_result_codes(store.m_db, 1);
    sqlite3_busy_timeout(store.m_db, kBusyTimeoutMs);
    // Read the schema once: a damaged file or one that is no database at all shows up here.
    if (const int probe = sqlite3_exec(store.m_db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
        (probe & 0xff) == SQLITE_NOTADB || (probe & 0xff) == SQLITE_CORRUPT) {
        throw StoreError("results database " + path + " is damaged or not a database (" + sqlite3_errmsg(store.m_db) +
                         "); move it aside and SalesDojo starts a new one",
                         StoreProblem::Damaged);
    }
    if (sqlite3_db_readonly(store.m_db, "main") == 1)
        throw StoreError("results database " + path + " is read-only: results cannot be saved", StoreProblem::ReadOnly);
    // WAL: readers never block the writer, and a commit appends to the log (one fsync).
    // synchronous=FULL: the log is synced at every commit, so a committed attempt survives a power
    // cut as well as a killed process (NORMAL would only promise the latter in WAL mode).
    {
        Statement wal(store.m_db, "PRAGMA journal_mode = WAL");
        wal.step();
        if (wal.text(0) != "wal") throw StoreError("results database " + path + ": cannot switch to WAL mode (got " + wal.text(0) + ")");
    }
    execute(store.m_db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
    detail::migrate(store.m_db);
    return store;
}

int ResultsStore::schema_version() const {
    Statement query(m_db, "PRAGMA user_version");
    query.step();
    return static_cast<int>(query.int64(0));
}

Trainee ResultsStore::create_trainee(const std::string& name) {
    const std::string clean = checked_name(name);
    if (find_trainee(clean)) throw StoreError("there is already a trainee named '" + clean + "'");
    Statement insert(m_db, "INSERT INTO trainees (name, created_ms) VALUES (?1, ?2)");
    const std::int64_t created = clock_ms();
    insert.bind(1, clean).bind(2, created);
    insert.step();
    return {sqlite3_last_insert_rowid(m_db), clean, created};
}

std::optional<Trainee> ResultsStore::find_trainee(const std::string& name) const {
    Statement query(m_db, "SELECT id, name, created_ms FROM trainees WHERE name = ?1");
    query.bind(1, trimmed(name));
    if (!query.step()) return std::nullopt;
    return read_trainee(query);
}

Trainee ResultsStore::trainee_named(const std::string& name) {
    if (auto found = find_trainee(name)) return *found;
    return create_trainee(name);
}

std::vector<Trainee> ResultsStore::trainees() const {
    std::vector<Trainee> list;
    Statement query(m_db, "SELECT id, name, created_ms FROM trainees ORDER BY name, id");
    while (query.step()) list.push_back(read_trainee(query));
    return list;
}

void ResultsStore::rename_trainee(std::int64_t trainee_id, const std::string& new_name) {
    const std::string clean = checked_name(new_name);
    if (auto other = find_trainee(clean); other && other->id != trainee_id)
        throw StoreError("there is already a trainee named '" + clean + "'");
    Statement update(m_db, "UPDATE trainees SET name = ?1 WHERE id = ?2");
    update.bind(1, clean).bind(2, trainee_id);
    update.step();
    if (sqlite3_changes(m_db) == 0) throw StoreError("no trainee with id " + std::to_string(trainee_id));
}

std::optional<Trainee> ResultsStore::trainee(std::int64_t id) const {
    Statement query(m_db, "SELECT id, name, created_ms FROM trainees WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return read_trainee(query);
}

std::optional<Trainee> ResultsStore::last_trainee() const {
    Statement query(m_db, R"sql(SELECT t.id, t.name, t.created_ms FROM meta m JOIN trainees t
                                ON t.id = CAST(m.value AS INTEGER) WHERE m.key = 'last_trainee')sql");
    if (!query.step()) return std::nullopt;
    return read_trainee(query);
}

void ResultsStore::set_last_trainee(std::int64_t trainee_id) {
    Statement upsert(m_db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('last_trainee', ?1)");
    upsert.bind(1, std::to_string(trainee_id));
    upsert.step();
}

std::int64_t ResultsStore::insert_attempt(const AttemptRecord& attempt) {
    Transaction transaction(m_db);
    const std::int64_t id = insert_attempt_rows(m_db, attempt);
    transaction.commit();
    return id;
}

std::int64_t ResultsStore::finish_run(const AttemptRecord& attempt, XapiStatements statements) {
    Transaction transaction(m_db);
    const std::int64_t id = insert_attempt_rows(m_db, attempt);
    Statement remove(m_db, "DELETE FROM saved_runs WHERE trainee_id = ?1 AND scenario_id = ?2");
    remove.bind(1, attempt.trainee_id).bind(2, attempt.scenario_id);
    remove.step();
    if (statements == XapiStatements::Owed) {
        Statement owe(m_db, "INSERT INTO xapi_owed (attempt_id) VALUES (?1)");
        owe.bind(1, id);
        owe.step();
    }
    transaction.commit();
    return id;
}

std::vector<std::int64_t> ResultsStore::xapi_owed_attempts() const {
    Statement query(m_db, "SELECT attempt_id FROM xapi_owed ORDER BY attempt_id");
    std::vector<std::int64_t> ids;
    while (query.step()) ids.push_back(query.int64(0));
    return ids;
}

void ResultsStore::xapi_statements_written(std::int64_t attempt_id) {
    Statement remove(m_db, "DELETE FROM xapi_owed WHERE attempt_id = ?1");
    remove.bind(1, attempt_id);
    remove.step();
}

std::optional<AttemptRecord> ResultsStore::attempt(std::int64_t id) const {
    Statement query(m_db, R"sql(
        SELECT trainee_id, scenario_id, scenario_version, content_hash, language, mode, seed, started_ms, ended_ms,
               finished, ending_node, outcome, weighted_total, overall, accuracy, passed, uid
        FROM attempts WHERE id = ?1)sql");
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    AttemptRecord a;
    a.id = id;
    a.trainee_id = query.int64(0);
    a.scenario_id = query.text(1);
    a.scenario_version = query.text(2);
    a.content_hash = query.text(3);
    a.language = query.text(4);
    a.mode = query.text(5);
    a.seed = from_stored(query.int64(6));
    a.started_ms = query.int64(7);
    a.ended_ms = query.int64(8);
    a.finished = query.int64(9) != 0;
    a.ending_node = query.text(10);
    a.outcome = query.text(11);
    a.weighted_total = query.real(12);
    a.overall = query.real(13);
    a.accuracy = query.optional_real(14);
    a.passed = optional_bool(query, 15);
    a.uid = query.text(16);

    Statement decisions(m_db, R"sql(SELECT node_id, choice_id, verdict, loss, counted, seconds FROM decisions
                                    WHERE attempt_id = ?1 ORDER BY position)sql");
    decisions.bind(1, id);
    while (decisions.step()) {
        a.decisions.push_back({decisions.text(0), decisions.text(1), decisions.text(2), decisions.real(3),
                               decisions.int64(4) != 0, decisions.optional_real(5)});
    }
    Statement dimensions(m_db, R"sql(SELECT dimension_id, raw_total, score FROM dimension_scores
                                     WHERE trainee_id = ?1 AND attempt_id = ?2 ORDER BY position)sql");
    dimensions.bind(1, a.trainee_id).bind(2, id);
    while (dimensions.step()) a.dimensions.push_back({dimensions.text(0), dimensions.int64(1), dimensions.real(2)});
    return a;
}

std::vector<AttemptSummary> ResultsStore::history(std::int64_t trainee_id) const {
    std::vector<AttemptSummary> list;
    Statement query(m_db, R"sql(
        SELECT id, scenario_id, scenario_version, mode, ended_ms, overall, accuracy, passed FROM attempts
        WHERE trainee_id = ?1 ORDER BY ended_ms DESC, id DESC)sql");
    query.bind(1, trainee_id);
    while (query.step()) {
        list.push_back({query.int64(0), query.text(1), query.text(2), query.text(3), query.int64(4), query.real(5),
                        query.optional_real(6), optional_bool(query, 7), {}});
    }
    // The dimension scores of the same attempts, in one pass in attempt order (the plot needs them).
    std::vector<std::size_t> by_id_order(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) by_id_order[i] = i;
    std::sort(by_id_order.begin(), by_id_order.end(), [&](std::size_t x, std::size_t y) { return list[x].id < list[y].id; });
    Statement scores(m_db, R"sql(
        SELECT attempt_id, dimension_id, raw_total, score FROM dimension_scores
        WHERE trainee_id = ?1 ORDER BY attempt_id, position)sql");
    scores.bind(1, trainee_id);
    std::size_t cursor = 0;
    while (scores.step()) {
        const std::int64_t attempt_id = scores.int64(0);
        while (cursor < by_id_order.size() && list[by_id_order[cursor]].id < attempt_id) ++cursor;
        if (cursor == by_id_order.size()) break;
        if (list[by_id_order[cursor]].id != attempt_id) continue;
        list[by_id_order[cursor]].dimensions.push_back({scores.text(1), scores.int64(2), scores.real(3)});
    }
    return list;
}

std::vector<std::int64_t> ResultsStore::attempt_ids(std::optional<std::int64_t> trainee_id,
                                                     const std::optional<std::string>& scenario_id) const {
    Statement query(m_db, R"sql(
        SELECT id FROM attempts WHERE (?1 IS NULL OR trainee_id = ?1) AND (?2 IS NULL OR scenario_id = ?2)
        ORDER BY ended_ms, id)sql");
    query.bind(1, trainee_id).bind(2, scenario_id);
    std::vector<std::int64_t> ids;
    while (query.step()) ids.push_back(query.int64(0));
    return ids;
}

std::size_t ResultsStore::attempt_count() const {
    Statement query(m_db, "SELECT count(*) FROM attempts");
    query.step();
    return static_cast<std::size_t>(query.int64(0));
}

void ResultsStore::save_run(const SavedRun& run) {
    nlohmann::json seconds = nlohmann::json::array();
    for (const auto& s : run.seconds) seconds.push_back(s ? nlohmann::json(*s) : nlohmann::json());
    Statement upsert(m_db, R"sql(
        INSERT OR REPLACE INTO saved_runs (trainee_id, scenario_id, scenario_version, content_hash, language, mode,
                                           seed, started_ms, updated_ms, choice_ids, seconds, hints)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql");
    upsert.bind(1, run.trainee_id).bind(2, run.scenario_id).bind(3, run.scenario_version).bind(4, run.content_hash);
    upsert.bind(5, run.language).bind(6, run.mode).bind(7, to_stored(run.seed)).bind(8, run.started_ms);
    upsert.bind(9, run.updated_ms).bind(10, nlohmann::json(run.choice_ids).dump()).bind(11, seconds.dump());
    upsert.bind(12, nlohmann::json(run.hints).dump());
    upsert.step();
}

std::optional<SavedRun> ResultsStore::saved_run(std::int64_t trainee_id, const std::string& scenario_id) const {
    Statement query(m_db, R"sql(
        SELECT scenario_version, content_hash, language, mode, seed, started_ms, updated_ms, choice_ids, seconds, hints
        FROM saved_runs WHERE trainee_id = ?1 AND scenario_id = ?2)sql");
    query.bind(1, trainee_id).bind(2, scenario_id);
    if (!query.step()) return std::nullopt;
    SavedRun run;
    run.trainee_id = trainee_id;
    run.scenario_id = scenario_id;
    run.scenario_version = query.text(0);
    run.content_hash = query.text(1);
    run.language = query.text(2);
    run.mode = query.text(3);
    run.seed = from_stored(query.int64(4));
    run.started_ms = query.int64(5);
    run.updated_ms = query.int64(6);
    const auto ids = nlohmann::json::parse(query.text(7), nullptr, false);
    const auto seconds = nlohmann::json::parse(query.text(8), nullptr, false);
    const auto hints = nlohmann::json::parse(query.text(9), nullptr, false);
    if (!ids.is_array() || !seconds.is_array() || !hints.is_array())
        throw StoreError("results database " + m_path + ": the saved run of '" + scenario_id + "' is damaged");
    for (const auto& id : ids) run.choice_ids.push_back(id.is_string() ? id.get<std::string>() : std::string());
    for (const auto& s : seconds) run.seconds.push_back(s.is_number() ? std::optional<double>(s.get<double>()) : std::nullopt);
    run.seconds.resize(run.choice_ids.size());
    // Only decisions the run has reached; a damaged entry is dropped (a hint is a note, not a score).
    for (const auto& h : hints)
        if (h.is_number_unsigned() && h.get<std::size_t>() <= run.choice_ids.size()) run.hints.push_back(h.get<std::size_t>());
    return run;
}

std::vector<SavedRun> ResultsStore::saved_runs(std::int64_t trainee_id) const {
    std::vector<std::string> scenarios;
    Statement query(m_db, "SELECT scenario_id FROM saved_runs WHERE trainee_id = ?1 ORDER BY updated_ms DESC, scenario_id");
    query.bind(1, trainee_id);
    while (query.step()) scenarios.push_back(query.text(0));
    std::vector<SavedRun> runs;
    for (const auto& scenario : scenarios)
        if (auto run = saved_run(trainee_id, scenario)) runs.push_back(std::move(*run));
    return runs;
}

void ResultsStore::discard_run(std::int64_t trainee_id, const std::string& scenario_id) {
    Statement remove(m_db, "DELETE FROM saved_runs WHERE trainee_id = ?1 AND scenario_id = ?2");
    remove.bind(1, trainee_id).bind(2, scenario_id);
    remove.step();
}

std::string ResultsStore::integrity_check() const {
    Statement query(m_db, "PRAGMA integrity_check");
    std::string result;
    while (query.step()) result += (result.empty() ? "" : "\n") + query.text(0);
    return result;
}

}  // namespace salesdojo::store
