// The one-time import of the window's old progress.json. See ResultsStore::import_progress_json.
#include <salesdojo/store/results_store.hpp>

#include "sqlite_statement.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace salesdojo::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarker = "progress_json_imported";

bool already_imported(sqlite3* db) {
    detail::Statement query(db, "SELECT 1 FROM meta WHERE key = ?1");
    query.bind(1, std::string(kMarker));
    return query.step();
}

// The file's modification time (the last score's date, as far as we can know it), else now.
std::int64_t modified_ms(const std::string& path) {
    using namespace std::chrono;
    std::error_code ec;
    const auto written = fs::last_write_time(path, ec);
    const auto now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    if (ec) return now;
    const auto since = duration_cast<milliseconds>(written - fs::file_time_type::clock::now()).count();
    return now + since;
}

}  // namespace

ImportReport ResultsStore::import_progress_json(const std::string& json_path, const std::string& trainee) {
    ImportReport report;
    if (already_imported(m_db)) return report;
    std::error_code ec;
    if (!fs::exists(json_path, ec)) return report;  // nothing to import (yet): no marker either

    std::ifstream in(json_path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    const auto format = doc.is_object() ? doc.find("format") : doc.end();
    const bool known = doc.is_object() && format != doc.end() && format->is_number_integer() &&
                       format->get<long long>() == 1 && doc.contains("last_scores") && doc["last_scores"].is_object();
    if (!in || !known) {
        // Left alone and not marked: a later SalesDojo may read it; the window still reads it itself.
        report.warning = json_path + ": not a progress file this version can read (expected {\"format\":1,\"last_scores\":{...}}); not imported";
        return report;
    }

    const Trainee owner = trainee_named(trainee);
    const std::int64_t when = modified_ms(json_path);
    detail::Transaction transaction(m_db);
    detail::Statement insert(m_db, R"sql(
        INSERT INTO attempts (trainee_id, scenario_id, scenario_version, content_hash, language, mode, seed,
                              started_ms, ended_ms, finished, ending_node, outcome, weighted_total, overall,
                              accuracy, passed, decision_count, dimension_count)
        VALUES (?1, ?2, '', '', '', 'imported', 0, ?3, ?3, 1, '', '', 0, ?4, NULL, NULL, 0, 0))sql");
    for (const auto& [id, value] : doc["last_scores"].items()) {
        if (id.empty() || !value.is_number() || !std::isfinite(value.get<double>())) continue;
        insert.bind(1, owner.id).bind(2, id).bind(3, when).bind(4, value.get<double>());
        insert.step();
        insert.reset();
        ++report.scores;
    }
    detail::Statement mark(m_db, "INSERT INTO meta (key, value) VALUES (?1, ?2)");
    mark.bind(1, std::string(kMarker)).bind(2, json_path);
    mark.step();
    transaction.commit();
    report.imported = true;
    report.trainee = owner.name;
    return report;
}

}  // namespace salesdojo::store
