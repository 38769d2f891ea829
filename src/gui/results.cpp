// The window and the results database. See results.hpp.
#include "results.hpp"

#include <salesdojo/store/export_source.hpp>

#include <cstdio>

namespace salesdojo::gui {
namespace {

constexpr std::size_t kMaxTraineeName = 64;  // as the store checks

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

ResultsNotice notice_for(store::StoreProblem problem) {
    switch (problem) {
    case store::StoreProblem::Damaged: return ResultsNotice::Damaged;
    case store::StoreProblem::ReadOnly: return ResultsNotice::ReadOnly;
    case store::StoreProblem::Newer: return ResultsNotice::Newer;
    case store::StoreProblem::Full: return ResultsNotice::Full;
    case store::StoreProblem::Other: break;
    }
    return ResultsNotice::Unavailable;
}

}  // namespace

Results::Results(const std::string& database, const std::string& progress_json, const std::string& trainee)
    : m_path(database) {
    if (database.empty()) return;
    try {
        m_store = store::ResultsStore::open(database);
        const store::ImportReport imported = m_store->import_progress_json(progress_json, store::default_trainee_name());
        if (!imported.warning.empty()) std::fprintf(stderr, "salesdojo: %s\n", imported.warning.c_str());
        if (imported.imported)
            std::fprintf(stderr, "salesdojo: imported %d earlier score(s) from %s for trainee '%s'\n", imported.scores,
                         progress_json.c_str(), imported.trainee.c_str());
        std::optional<store::Trainee> who;
        if (!trimmed(trainee).empty()) who = m_store->trainee_named(trainee);
        else who = m_store->last_trainee();
        if (!who) who = m_store->trainee_named(store::default_trainee_name());
        pick(*who);
    } catch (const store::StoreError& e) {
        fail(e);
    }
}

void Results::fail(const store::StoreError& error) {
    std::fprintf(stderr, "salesdojo: results are not saved from now on: %s\n", error.what());
    m_notice = notice_for(error.problem());
    m_notice_dismissed = false;
    m_store.reset();
}

void Results::pick(const store::Trainee& trainee) {
    m_store->set_last_trainee(trainee.id);
    m_trainee = trainee;
    reload();
}

void Results::reload() {
    if (!m_store) return;
    m_trainees = m_store->trainees();
    m_overview = {};
    m_latest.clear();
    m_saved_runs.clear();
    if (!m_trainee) return;
    m_overview = m_store->history_overview(m_trainee->id, kHistoryPageSize, kMaxPlotPoints);
    for (const auto& p : m_overview.by_scenario) m_latest.emplace(p.scenario_id, p.latest.overall);
    m_saved_runs = m_store->saved_runs(m_trainee->id);
}

void Results::select_trainee(std::int64_t trainee_id) {
    if (!m_store) return;
    try {
        for (const auto& t : m_trainees)
            if (t.id == trainee_id) return pick(t);
    } catch (const store::StoreError& e) {
        fail(e);
    }
}

std::string Results::create_trainee(const std::string& name) {
    const std::string clean = trimmed(name);
    if (clean.empty()) return "home.trainee_empty";
    if (clean.size() > kMaxTraineeName) return "home.trainee_too_long";
    for (unsigned char c : clean)
        if (c < 0x20 || c == 0x7f) return "home.trainee_empty";
    if (!m_store) return {};
    try {
        pick(m_store->trainee_named(clean));
    } catch (const store::StoreError& e) {
        fail(e);
    }
    return {};
}

std::optional<double> Results::latest_score(const std::string& scenario_id) const {
    const auto it = m_latest.find(scenario_id);
    if (it == m_latest.end()) return std::nullopt;
    return it->second;
}

std::vector<store::AttemptSummary> Results::older_attempts(const store::AttemptSummary& after) {
    if (!m_store || !m_trainee) return {};
    try {
        return m_store->history_page(m_trainee->id, store::HistoryPosition{after.ended_ms, after.id}, kHistoryPageSize);
    } catch (const store::StoreError& e) {  // only reading failed: the store stays in use
        std::fprintf(stderr, "salesdojo: cannot read older attempts: %s\n", e.what());
        return {};
    }
}

std::optional<store::SavedRun> Results::saved_run(const std::string& scenario_id) const {
    for (const auto& run : m_saved_runs)
        if (run.scenario_id == scenario_id) return run;
    return std::nullopt;
}

std::optional<std::int64_t> Results::finish(store::AttemptRecord attempt, const Scenario* played) {
    if (!m_store || !m_trainee) return std::nullopt;
    try {
        attempt.trainee_id = m_trainee->id;
        // The attempt and the note that its xAPI statements are owed, in one transaction.
        const std::int64_t id = m_store->finish_run(attempt, store::XapiStatements::Owed);
        reload();
        write_xapi(played);
        return id;
    } catch (const store::StoreError& e) {
        fail(e);
        return std::nullopt;
    }
}

void Results::save_run(store::SavedRun run) {
    if (!m_store || !m_trainee) return;
    try {
        run.trainee_id = m_trainee->id;
        m_store->save_run(run);
        m_saved_runs = m_store->saved_runs(m_trainee->id);
    } catch (const store::StoreError& e) {
        fail(e);
    }
}

void Results::discard_run(const std::string& scenario_id) {
    if (!m_store || !m_trainee) return;
    try {
        m_store->discard_run(m_trainee->id, scenario_id);
        m_saved_runs = m_store->saved_runs(m_trainee->id);
    } catch (const store::StoreError& e) {
        fail(e);
    }
}

std::optional<std::vector<report::ExportedAttempt>> Results::exported_attempts(std::string& error) const {
    if (!m_store || !m_trainee) {
        error = "the results database is not available";
        return std::nullopt;
    }
    try {
        return store::exported_attempts(*m_store, m_trainee->id, std::nullopt);
    } catch (const store::StoreError& e) {
        error = e.what();
        return std::nullopt;
    }
}

}  // namespace salesdojo::gui
