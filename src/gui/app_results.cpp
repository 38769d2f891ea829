// The App and the results database: timing decisions, saving unfinished runs, storing finished
// attempts, resuming, leaving a run, the history screen. See app.hpp and results.hpp.
#include "app.hpp"

#include "speech.hpp"

#include <salesdojo/store/attempt.hpp>
#include <salesdojo/store/progress_summary.hpp>

#include <chrono>
#include <cstdio>

namespace salesdojo::gui {

void App::decided() {
    if (!m_run) return;
    const auto now = std::chrono::steady_clock::now();
    m_run->seconds.resize(m_run->session.decision_count() - 1);
    m_run->seconds.push_back(std::chrono::duration<double>(now - m_run->asked).count());
    m_run->asked = now;
    if (m_run->session.finished()) record_if_finished();
    else save_unfinished();
}

void App::save_unfinished() {
    // A playtest (app_authoring.cpp) is never stored: no saved run, no attempt.
    if (!m_run || m_run->session.finished() || m_run->session.is_playtest()) return;
    if (m_run->session.decision_count() == 0) {
        // Undone back to the start: nothing left to resume.
        if (m_results.saved_run(m_run->scenario->id)) m_results.discard_run(m_run->scenario->id);
        return;
    }
    store::SavedRun run;
    run.scenario_id = m_run->scenario->id;
    run.scenario_version = m_run->scenario->version;
    run.content_hash = m_run->scenario->content_hash;
    run.language = m_run->language;
    run.mode = mode_id(m_run->mode);
    run.seed = m_run->session.seed();
    run.started_ms = m_run->started_ms;
    run.updated_ms = store::now_ms();
    run.choice_ids = m_run->session.decision_ids();
    run.seconds = m_run->seconds;
    run.seconds.resize(run.choice_ids.size());
    run.hints.assign(m_run->hints.begin(), m_run->hints.end());
    m_results.save_run(std::move(run));
}

// Stored the moment the conversation ends (on that choice, a button press), so the attempt is kept
// even if the trainee closes the window before opening the debrief.
void App::record_if_finished() {
    if (!m_run || !m_run->session.finished() || m_run->recorded) return;
    if (m_run->session.is_playtest()) {
        m_run->debrief = make_debrief(*m_run->analysis, m_run->session);
        return;
    }
    m_run->debrief = make_debrief(*m_run->analysis, m_run->session);
    m_run->recorded = true;
    store::AttemptContext context{0, m_run->scenario->content_hash, m_run->language, mode_id(m_run->mode),
                                  m_run->started_ms, store::now_ms(), m_run->seconds};
    m_results.finish(store::make_attempt_record(m_run->session, *m_run->debrief, context), m_run->scenario.get());
}

void App::resume(const std::string& scenario_id) {
    const std::optional<store::SavedRun> saved = m_results.saved_run(scenario_id);
    const int entry = find_entry(m_catalogue, scenario_id);
    if (!saved || entry < 0) return;
    open(static_cast<std::size_t>(entry));
    if (!m_run || m_screen != Screen::Play) return;  // the file no longer loads: its problems are shown
    std::string error;
    auto replayed = store::replay_choice_ids(m_run->scenario, saved->seed, saved->choice_ids, error);
    if (!replayed) {
        // Edited since: the saved choices no longer fit. Say so, and start from the beginning.
        std::fprintf(stderr, "salesdojo: the saved run of '%s' no longer fits: %s\n", scenario_id.c_str(), error.c_str());
        m_home.set_resume_failed(scenario_id);
        m_results.discard_run(scenario_id);
        m_run.reset();
        set_screen(Screen::Home);
        return;
    }
    m_home.set_resume_failed({});
    m_run->session = std::move(*replayed);
    m_run->mode = mode_from_id(saved->mode);  // the language stays the interface's, as for any run
    m_run->started_ms = saved->started_ms;
    m_run->seconds = saved->seconds;
    m_run->seconds.resize(m_run->session.decision_count());
    m_run->hints.clear();
    if (m_run->mode == Mode::Practice) m_run->hints.insert(saved->hints.begin(), saved->hints.end());
    m_run->asked = std::chrono::steady_clock::now();
    m_run->serial = ++m_serial;  // the play view starts afresh at the node reached
}

void App::go_home(bool asked) {
    const bool unfinished = m_screen == Screen::Play && m_run && !m_run->session.finished() &&
                            m_run->session.decision_count() > 0 && !m_run->session.is_playtest();
    if (unfinished && !asked) {
        m_leave_asked = true;  // the run is kept, but ask first
        return;
    }
    m_leave_asked = false;
    if (unfinished) save_unfinished();
    if (m_services.speech) m_services.speech->stop();
    m_run.reset();
    set_screen(Screen::Home);
}

void App::show_history() {
    if (m_services.speech) m_services.speech->stop();
    m_run.reset();
    refresh_history();
    m_history.reset();
    set_screen(Screen::History);
}

void App::refresh_history() {
    finish_loading(m_catalogue);  // the suggestion picks from every scenario on offer
    m_history_data = make_history_data(m_results, m_catalogue);
}

}  // namespace salesdojo::gui
