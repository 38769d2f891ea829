// The App and the authoring screen: opening any file or folder, playtests from any node (never
// stored: app_results.cpp skips them), and live reload carrying a playtest over to each new version
// of the file (authoring.hpp, authoring/live_reload.hpp).
#include "app.hpp"

#include <salesdojo/authoring/playtest_values.hpp>

#include "speech.hpp"

#include <salesdojo/store/attempt.hpp>

#include <filesystem>

namespace salesdojo::gui {

using authoring::ReloadEvent;

bool App::poll_files(bool force) {
    const ReloadEvent event = m_authoring.poll(Authoring::Clock::now(), force);
    if (event == ReloadEvent::None) return false;
    if (event == ReloadEvent::Reloaded) carry_playtest_over();
    m_frames_wanted = std::max(m_frames_wanted, 3);
    return true;
}

std::optional<int> App::playtest_node() const {
    const authoring::LiveScenario* live = m_authoring.live();
    if (!m_run || !m_run->session.is_playtest() || !live || m_run->scenario != live->current().scenario)
        return std::nullopt;
    return m_run->session.current_node_index();
}

void App::show_authoring() {
    if (m_services.speech) m_services.speech->stop();
    if (m_run && !m_run->session.is_playtest()) go_home(true);  // a trainee's run is kept for resume
    set_screen(Screen::Authoring);
}

void App::open_path(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        // A folder: its scenarios become the home screen's catalogue.
        m_authoring.remember(path);
        const std::size_t generation = m_catalogue.generation;
        m_catalogue = load_catalogue_folder(path, Loading::Background);
        m_catalogue.generation += generation + 1;  // never a generation the views have cached
        m_home.set_filter(CardFilter{});  // a new folder: every card shown
        m_opened.reset();
        m_run.reset();
        set_screen(Screen::Home);
        return;
    }
    if (m_run && m_run->session.is_playtest()) m_run.reset();
    m_authoring.open(path);
    m_author_view.opened(m_authoring.path());
    m_author_view.show(m_authoring.live() ? AuthorPanel::Analysis : AuthorPanel::Problems);
    set_screen(Screen::Authoring);
}

void App::playtest_from(const std::string& node_id) {
    const authoring::LiveScenario* live = m_authoring.live();
    if (!live) return;
    const authoring::ScenarioVersion& version = live->current();
    PlaytestSetup setup;
    setup.node = node_id.empty() ? version.scenario->nodes[static_cast<std::size_t>(version.scenario->start)].id : node_id;
    // The "with" field's variables and facts, as `run --set --learn` (every playtest started here).
    std::string error;
    std::optional<StartPoint> start;
    if (authoring::add_playtest_values(m_author_view.playtest_values(), setup, error))
        start = playtest_start(*version.scenario, setup, error);
    m_author_view.set_playtest_error(start ? "" : error);
    if (!start) {
        set_screen(Screen::Authoring);  // where the reason is shown
        return;
    }
    if (!start_playtest(version, Session(version.scenario, 0, *start), PlaytestStart::New)) return;
    m_authoring.playtest = setup;
    m_authoring.note() = ReloadNote{};
}

void App::continue_playtest() {
    if (!m_run || !m_run->session.is_playtest()) return;
    set_screen(m_run->session.finished() && m_run->debrief ? Screen::Debrief : Screen::Play);
}

// A new Run on `version` holding `session` (a playtest): its analysis from the playtest's start, so
// that the debrief measures the decisions made from there, as `salesdojo run --from` does.
bool App::start_playtest(const authoring::ScenarioVersion& version, Session session, PlaytestStart how) {
    AnalysisResult analysed = analyse_from(version.scenario, session.start_point());
    if (!analysed.analysis) return false;  // from there the analysis cannot finish: nothing to score
    auto run = std::make_unique<Run>(0, version.scenario, analysed.analysis, mode_from_id(m_settings.mode),
                                     content_language(*version.scenario, m_settings.language));
    run->typical_decisions =
        best_line_decisions(*analysed.analysis, Session(version.scenario, session.seed(), session.start_point()));
    run->session = std::move(session);
    load_portraits(*run, m_services.load_image);
    run->serial = ++m_serial;
    run->started_ms = store::now_ms();
    run->asked = std::chrono::steady_clock::now();
    run->seconds.resize(run->session.decision_count());
    m_run = std::move(run);
    if (m_run->session.finished()) m_run->debrief = make_debrief(*m_run->analysis, m_run->session);
    // A new playtest is shown; a reloaded one stays where the author is (the authoring screen too).
    if (how == PlaytestStart::New || m_screen == Screen::Play || m_screen == Screen::Debrief)
        set_screen(m_run->debrief ? Screen::Debrief : Screen::Play);
    m_debrief.show(DebriefView::Panel::Decisions);
    return true;
}

void App::carry_playtest_over() {
    if (!m_run || !m_run->session.is_playtest() || !m_authoring.playtest || !m_authoring.live()) return;
    const authoring::ScenarioVersion& version = m_authoring.live()->current();
    authoring::Replayed replayed =
        authoring::replay_as_far_as_possible(version.scenario, authoring::playthrough_ids(m_run->session, m_authoring.playtest));
    ReloadNote& note = m_authoring.note();
    note.carried = true;
    note.replayed = replayed.replayed;
    note.dropped = replayed.dropped;
    note.stopped_at = replayed.stopped_at.value_or("");
    note.start_lost = replayed.start_lost.value_or("");
    if (!start_playtest(version, std::move(replayed.session), PlaytestStart::Reload)) {
        // The new version cannot be analysed from the playtest's start: keep playing the old one.
        note.carried = false;
    }
}

}  // namespace salesdojo::gui
