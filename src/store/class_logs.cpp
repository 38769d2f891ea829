// Class runs in the results database (docs/classroom.md): the class log as JSON plus list columns.
#include <salesdojo/store/results_store.hpp>

#include "sqlite_statement.hpp"

#include <nlohmann/json.hpp>

namespace salesdojo::store {

using detail::Statement;
using detail::Transaction;

std::int64_t ResultsStore::insert_class_log(const ClassLog& log) {
    Transaction transaction(m_db);
    Statement insert(m_db, R"sql(
        INSERT INTO class_runs (uid, scenario_id, scenario_version, content_hash, language, started_ms, ended_ms,
                                finished, ending_node, decision_count, log_json)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql");
    insert.bind(1, log.uid.empty() ? new_attempt_uid() : log.uid).bind(2, log.scenario_id).bind(3, log.scenario_version);
    insert.bind(4, log.content_hash).bind(5, log.language).bind(6, log.started_ms).bind(7, log.ended_ms);
    insert.bind(8, std::int64_t{log.finished ? 1 : 0}).bind(9, log.ending_node);
    insert.bind(10, static_cast<std::int64_t>(log.decisions.size()));
    insert.bind(11, class_log_to_json(log).dump());  // the uid column is authoritative (class_logs sets it)
    insert.step();
    const std::int64_t id = sqlite3_last_insert_rowid(m_db);
    transaction.commit();
    return id;
}

std::vector<ClassLog> ResultsStore::class_logs(const std::optional<std::string>& scenario_id) const {
    Statement query(m_db, scenario_id ? "SELECT uid, log_json FROM class_runs WHERE scenario_id = ?1 ORDER BY started_ms, id"
                                      : "SELECT uid, log_json FROM class_runs ORDER BY started_ms, id");
    if (scenario_id) query.bind(1, *scenario_id);
    std::vector<ClassLog> logs;
    while (query.step()) {
        const std::string uid = query.text(0);
        std::string error;
        const nlohmann::json json = nlohmann::json::parse(query.text(1), nullptr, false);
        auto log = json.is_discarded() ? std::nullopt : class_log_from_json(json, error);
        if (!log)
            throw StoreError("results database " + m_path + ": class run " + uid + " is damaged (" +
                                 (error.empty() ? "not JSON" : error) + ")",
                             StoreProblem::Damaged);
        log->uid = uid;
        logs.push_back(std::move(*log));
    }
    return logs;
}

namespace {

constexpr const char* kStoredColumns = "SELECT id, uid, scenario_id, started_ms, log_json FROM class_runs";

StoredClassRun stored_row(const Statement& row) {
    StoredClassRun run;
    run.id = row.int64(0);
    run.uid = row.text(1);
    run.scenario_id = row.text(2);
    run.started_ms = row.int64(3);
    std::string error;
    const nlohmann::json json = nlohmann::json::parse(row.text(4), nullptr, false);
    run.log = json.is_discarded() ? std::nullopt : class_log_from_json(json, error);
    if (run.log)
        run.log->uid = run.uid;
    else
        run.problem = "class run " + std::to_string(run.id) + " is damaged (" + (error.empty() ? "not JSON" : error) + ")";
    return run;
}

}  // namespace

std::vector<StoredClassRun> ResultsStore::stored_class_runs() const {
    Statement query(m_db, (std::string(kStoredColumns) + " ORDER BY started_ms, id").c_str());
    std::vector<StoredClassRun> runs;
    while (query.step()) runs.push_back(stored_row(query));
    return runs;
}

std::optional<StoredClassRun> ResultsStore::stored_class_run(std::int64_t id) const {
    Statement query(m_db, (std::string(kStoredColumns) + " WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return stored_row(query);
}

}  // namespace salesdojo::store
