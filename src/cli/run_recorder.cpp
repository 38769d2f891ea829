// The CLI's use of the results database. See run_recorder.hpp.
#include "run_recorder.hpp"
#include "xapi_command.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/store/attempt.hpp>
#include <salesdojo/xapi/crash_point.hpp>

#include <algorithm>
#include <iostream>

namespace salesdojo::cli {

RunRecorder::RunRecorder(RecorderOptions options) : m_options(std::move(options)) {
    if (!m_options.enabled) return;
    const std::string path = m_options.database.empty() ? store::default_database_path() : m_options.database;
    try {
        m_store = store::ResultsStore::open(path);
        const store::ImportReport imported =
            m_store->import_progress_json(store::progress_json_path_next_to(path), store::default_trainee_name());
        if (!imported.warning.empty()) std::cerr << "salesdojo run: " << imported.warning << "\n";
        if (imported.imported)
            std::cerr << "salesdojo run: imported " << imported.scores << " earlier score(s) from progress.json for trainee '"
                      << imported.trainee << "'\n";
        if (!m_options.trainee.empty()) {
            m_trainee = m_store->trainee_named(m_options.trainee);
            m_store->set_last_trainee(m_trainee.id);
        } else if (auto last = m_store->last_trainee()) {
            m_trainee = *last;
        } else {
            m_trainee = m_store->trainee_named(store::default_trainee_name());
            m_store->set_last_trainee(m_trainee.id);
        }
    } catch (const store::StoreError& e) {
        give_up(e.what());
    }
}

void RunRecorder::give_up(const std::string& message) {
    std::cerr << "salesdojo run: this run is not saved: " << message << "\n";
    m_store.reset();
}

Session RunRecorder::begin(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, std::string& language,
                           bool language_given) {
    m_started_ms = store::now_ms();
    m_language = language;
    m_content_hash = scenario->content_hash;  // hashed once, by the loader, from the bytes it read
    if (!m_store) {
        if (m_options.resume) std::cerr << "salesdojo run: --resume needs the results database; starting from the beginning\n";
        return Session(std::move(scenario), seed);
    }
    try {
        const auto saved = m_store->saved_run(m_trainee.id, scenario->id);
        if (!m_options.resume) {
            if (saved)
                std::cerr << "salesdojo run: trainee '" << m_trainee.name << "' has an unfinished run of '" << scenario->id
                          << "' (resume it with --resume); this new run replaces it\n";
            return Session(std::move(scenario), seed);
        }
        if (!saved) {
            std::cerr << "salesdojo run: no saved run of '" << scenario->id << "' for trainee '" << m_trainee.name
                      << "'; starting from the beginning\n";
            return Session(std::move(scenario), seed);
        }
        std::string error;
        auto replayed = store::replay_choice_ids(scenario, saved->seed, saved->choice_ids, error);
        if (!replayed) {
            std::cerr << "salesdojo run: the saved run no longer fits " << m_options.scenario_file << " (" << error
                      << "); starting from the beginning\n";
            return Session(std::move(scenario), seed);
        }
        const auto& languages = scenario->languages;
        if (!language_given && std::find(languages.begin(), languages.end(), saved->language) != languages.end()) {
            language = saved->language;
            m_language = language;
        }
        m_started_ms = saved->started_ms;
        m_seconds = saved->seconds;
        std::cerr << "salesdojo run: resumed after " << saved->choice_ids.size() << " decision(s)\n";
        return std::move(*replayed);
    } catch (const store::StoreError& e) {
        give_up(e.what());
        return Session(std::move(scenario), seed);
    }
}

void RunRecorder::save(const Session& session) {
    if (!m_store || session.is_playtest()) return;  // a playtest is never saved or stored
    try {
        if (session.finished()) return;  // ended() stores it
        store::SavedRun run;
        run.trainee_id = m_trainee.id;
        run.scenario_id = session.scenario().id;
        run.scenario_version = session.scenario().version;
        run.content_hash = m_content_hash;
        run.language = m_language;
        run.mode = m_options.mode;
        run.seed = session.seed();
        run.started_ms = m_started_ms;
        run.updated_ms = store::now_ms();
        run.choice_ids = session.decision_ids();
        run.seconds = m_seconds;
        run.seconds.resize(run.choice_ids.size());
        m_store->save_run(run);
    } catch (const store::StoreError& e) {
        give_up(e.what());
    }
}

void RunRecorder::decided(const Session& session, std::optional<double> seconds) {
    m_seconds.resize(session.decision_count() - 1);
    m_seconds.push_back(seconds);
    save(session);
}

void RunRecorder::undone(const Session& session) {
    m_seconds.resize(session.decision_count());
    save(session);
}

void RunRecorder::ended(const Session& session) {
    if (!m_store || !session.finished() || session.is_playtest()) return;
    try {
        const AnalysisResult analysed = analyse(session.scenario_ptr());
        if (!analysed.analysis) {
            give_up("the scenario could not be analysed, so the attempt cannot be scored");
            return;
        }
        const Debrief debrief = make_debrief(*analysed.analysis, session);
        store::AttemptContext context{m_trainee.id, m_content_hash, m_language, m_options.mode, m_started_ms,
                                      store::now_ms(), m_seconds};
        const store::AttemptRecord record = store::make_attempt_record(session, debrief, context);
        // The attempt and the note that its xAPI statements are owed, in one transaction.
        const std::int64_t id = m_store->finish_run(record, store::XapiStatements::Owed);
        std::cerr << "salesdojo run: saved as attempt " << id << " of trainee '" << m_trainee.name << "' in "
                  << m_store->path() << "\n";
        xapi::crash_point("xapi-after-commit");  // tests only: killed here, the next program writes them
        xapi_after_run(*m_store, session.scenario());  // docs/xapi.md
    } catch (const store::StoreError& e) {
        give_up(e.what());
    }
}

}  // namespace salesdojo::cli
