#include "app.hpp"
#include "app_support.hpp"

#include "read_aloud.hpp"
#include "speech.hpp"
#include "views/draw_log.hpp"
#include "views/drawable_scenario.hpp"
#include "views/key_legend.hpp"
#include "views/playtest_bar.hpp"
#include "views/leave_question.hpp"
#include "views/speech_notice.hpp"
#include "views/play_lines.hpp"
#include "views/tab_order.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/store/attempt.hpp>

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace salesdojo::gui {
namespace {

bool key(sf::Keyboard::Key k) { return ImGui::IsKeyPressed(static_cast<int>(k), false); }

}  // namespace

const char* screen_id(Screen screen) {
    switch (screen) {
    case Screen::Home: return "home";
    case Screen::Play: return "play";
    case Screen::Debrief: return "debrief";
    case Screen::Diagnostics: return "diagnostics";
    case Screen::History: return "history";
    case Screen::Authoring: return "authoring";
    case Screen::Classroom: return "classroom";
    }
    return "?";
}

App::App(Catalogue catalogue, Settings settings, AppServices services)
    : m_catalogue(std::move(catalogue)), m_settings(std::move(settings)), m_services(std::move(services)),
      m_results(m_services.database_path, m_services.progress_path, m_services.trainee),
      m_authoring(m_services.recent_path, [](std::shared_ptr<const Scenario> s) { return make_drawable(*s); }) {
    m_settings.font_scale = std::clamp(m_settings.font_scale, kMinFontScale, kMaxFontScale);
    if (m_settings.language != "nl") m_settings.language = "en";
}

App::~App() = default;

int App::take_frames_wanted() {
    const int n = m_frames_wanted;
    m_frames_wanted = 0;
    return n;
}

void App::remember_window(const WindowPlace& place) {
    m_settings.window = place;
    save_settings_now();
}

void App::set_screen(Screen screen) {
    if (screen != m_screen) m_frames_on_screen = 0;
    m_screen = screen;
}

void App::frame(const Fonts& fonts) {
    if (poll_catalogue(m_catalogue)) m_frames_wanted = std::max(m_frames_wanted, 2);
    poll_files();
    if (m_style_scale != fonts.scale || m_style_contrast != static_cast<int>(m_settings.high_contrast)) {
        apply_style(m_settings.high_contrast, fonts.scale);
        m_style_scale = fonts.scale;
        m_style_contrast = static_cast<int>(m_settings.high_contrast);
    }
    // F5 on a screen read-aloud has no words of its own for: this frame's texts are recorded and read.
    std::optional<ScopedDrawLog> screen_text;
    if (m_read_aloud.screen_wanted()) screen_text.emplace();
    ViewContext ctx;
    ctx.fonts = &fonts;
    ctx.language = m_settings.language;
    ctx.high_contrast = m_settings.high_contrast;
    ctx.colours = &palette(m_settings.high_contrast);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                             ImGuiWindowFlags_NoBackground;  // the clear colour is the background:
                                                             // one full-window blend less per frame
    // The home screen scrolls as a whole when large text leaves its cards too little room
    // (home_view.cpp); the other screens fit their panels to the window.
    if (m_screen == Screen::Home || (m_screen == Screen::Classroom && m_class.stage == ClassStage::Setup))
        flags &= ~ImGuiWindowFlags_NoScrollbar;
    // Tab, arrows and Enter move between and press the widgets of the home, history and debrief
    // screens (views/tab_order.hpp; the platform maps Enter); the play screen keeps its own keys.
    ImGuiIO& io = ImGui::GetIO();
    const bool navigable = (m_screen == Screen::Home || m_screen == Screen::History || m_screen == Screen::Debrief ||
                            m_screen == Screen::Authoring || m_screen == Screen::Diagnostics ||
                            (m_screen == Screen::Classroom && m_class.stage != ClassStage::Running)) &&
                           !m_settings_open && !m_legend_open;
    // The settings (modal) are worked the same way, Tab moving between their own widgets.
    const bool settings_keys = m_settings_open && !m_legend_open;
    if (navigable || settings_keys) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavNoCaptureKeyboard;
    else io.ConfigFlags &= ~(ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavNoCaptureKeyboard);
    TabOrder tabs;
    if (navigable) tabs.begin();
    ImGui::Begin("SalesDojo##main", nullptr, flags);
    Intent intent;
    switch (m_screen) {
    case Screen::Home:
        intent = m_home.Draw(ctx, m_catalogue, m_results, mode_from_id(m_settings.mode));
        break;
    case Screen::Play:
        if (m_run && m_run->session.is_playtest()) intent = draw_playtest_bar(ctx, *m_run, m_authoring);
        if (m_run) {
            m_play.set_text_speed(m_settings.text_speed);
            merge(intent, m_play.Draw(ctx, *m_run));
        }
        // Asked when Home is pressed mid-run; modal, so the play screen's keys wait meanwhile.
        if (m_leave_asked) intent = draw_leave_question(ctx, m_results.available() ? RunKept::Yes : RunKept::No);
        break;
    case Screen::Debrief:
        if (m_run && m_run->session.is_playtest()) intent = draw_playtest_bar(ctx, *m_run, m_authoring);
        if (m_run) merge(intent, m_debrief.Draw(ctx, *m_run));
        break;
    case Screen::Diagnostics: intent = m_diagnostics_view.Draw(ctx, m_diagnostics_file, m_diagnostics); break;
    case Screen::History: intent = m_history.Draw(ctx, m_history_data, m_catalogue); break;
    case Screen::Authoring:
        intent = m_author_view.Draw(ctx, m_authoring, playtest_node(), m_run && m_run->session.is_playtest());
        break;
    case Screen::Classroom: intent = draw_classroom(ctx); break;
    }
    ImGui::End();
    if (navigable) tabs.end();
    m_focused_label = navigable ? tabs.focused_label() : std::string();
    read_aloud();
    if (const char* notice = m_read_aloud.notice_key(m_settings.read_aloud, m_services.speech))
        draw_speech_notice(ctx, notice, m_services.speech->exit_status());

    if (m_legend_open) {
        // Modal: the keys pressed while it is open only close it. Over the settings, it lists theirs
        // (the settings give way while it is shown and come back when it closes).
        intent = {};
        if (draw_key_legend(ctx, m_settings_open ? "settings" : screen_id(m_screen)) == LegendOpen::No) {
            m_legend_open = false;
            m_frames_wanted = std::max(m_frames_wanted, 2);
        }
        ++m_frames_on_screen;
        return;
    }
    const std::size_t settings_text_from = screen_text ? screen_text->log.texts.size() : 0;
    if (m_settings_open) {
        // The settings are modal: what the screen below asked for this frame is dropped.
        TabOrder settings_tabs;
        settings_tabs.begin(TabScope::Popup);
        intent = m_settings_view.Draw(ctx, m_settings, m_services.speech && m_services.speech->available());
        settings_tabs.end();
        m_focused_label = settings_tabs.focused_label();
    }
    if (screen_text) {  // over the settings, only theirs are read
        const auto& texts = screen_text->log.texts;
        const std::size_t from = m_settings_open ? settings_text_from : 0;
        m_read_aloud.speak_screen({texts.begin() + static_cast<std::ptrdiff_t>(from), texts.end()}, m_settings.language,
                                  m_services.speech);
        if (DrawLog* outer = screen_text->previous) append_draw_log(*outer, screen_text->log);  // tests see the frame too
        screen_text.reset();
    }
    ++m_frames_on_screen;
    if (is_none(intent)) hotkeys();
    else apply(intent);
}

void App::hotkeys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && key(sf::Keyboard::Q)) {  // even while a text field has the keyboard
        request_quit();
        return;
    }
    // ImGui wants the keyboard while a modal is open; the settings are one, and their F1 (their keys)
    // and text size keys still work there unless a text field has the keyboard.
    if (io.WantCaptureKeyboard && !(m_settings_open && !io.WantTextInput)) return;
    if (key(sf::Keyboard::F1) && !m_leave_asked) {
        m_legend_open = true;
        m_frames_wanted = std::max(m_frames_wanted, 2);
        return;
    }
    if (key(sf::Keyboard::F2) && !m_settings_open && !m_leave_asked) {
        apply(intent::OpenSettings{});
        return;
    }
    if ((m_screen == Screen::History || m_screen == Screen::Authoring) && !m_settings_open &&
        key(sf::Keyboard::Escape) && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
        apply(intent::GoHome{});
        return;
    }
    if (key(sf::Keyboard::F11)) {
        apply(intent::SetFullscreen{!m_settings.fullscreen});
        return;
    }
    if (!io.KeyCtrl) return;
    if (key(sf::Keyboard::Add) || key(sf::Keyboard::Equal)) {
        apply(intent::SetFontScale{m_settings.font_scale + kFontScaleStep});
    } else if (key(sf::Keyboard::Subtract) || key(sf::Keyboard::Hyphen)) {
        apply(intent::SetFontScale{m_settings.font_scale - kFontScaleStep});
    } else if (key(sf::Keyboard::Num0) || key(sf::Keyboard::Numpad0)) {
        apply(intent::SetFontScale{1.0f});
    }
}

void App::request_quit() {
    if (m_class.live) end_class();  // Ctrl+Q mid-class: the class log is stored first
    go_home(false);  // mid-run this only asks "Leave this conversation?"
    if (m_leave_asked) m_quit_after_leave = true;
    else m_quit = true;
}

void App::read_aloud() {
    const SpokenScreen screen = !m_run ? SpokenScreen::Other
                                : m_screen == Screen::Play ? SpokenScreen::Play
                                : m_screen == Screen::Debrief ? SpokenScreen::Debrief
                                                              : SpokenScreen::Other;
    m_read_aloud.update(screen, m_run.get(), m_play, m_settings.read_aloud, m_settings.language, m_services.speech);
}

void App::apply(const Intent& intent) {
    m_frames_wanted = std::max(m_frames_wanted, 3);
    std::visit(
        Overloaded{
            [](const std::monostate&) {},
            [&](const intent::OpenScenario& i) { open(i.entry); },
            [&](const intent::ShowDiagnostics& i) {
                if (i.entry < m_catalogue.entries.size())
                    show_diagnostics(i.entry, m_catalogue.entries[i.entry].diagnostics);
            },
            [&](const intent::GoHome&) { go_home(false); },
            [&](const intent::Choose& i) {
                if (!m_run || m_run->awaiting_continue || m_run->session.state() != SessionState::AwaitingChoice) return;
                const auto options = m_run->session.options();
                const auto it = std::find_if(options.begin(), options.end(),
                                             [&](const ChoiceOption& o) { return o.index == i.choice; });
                if (it == options.end() || !it->available) return;
                m_run->session.choose(i.choice);
                decided();
                if (m_run->mode == Mode::Practice) {
                    m_run->awaiting_continue = true;
                    m_run->last_verdict.reset();
                    const Debrief now = make_debrief(*m_run->analysis, m_run->session);
                    const int last = last_decision_entry(m_run->session);
                    if (!now.decisions.empty() && last >= 0 &&
                        now.decisions.back().transcript_index == static_cast<std::size_t>(last))
                        m_run->last_verdict = now.decisions.back().verdict;
                }
            },
            [&](const intent::Undo&) {
                if (!m_run || m_run->mode != Mode::Practice || !m_run->session.can_undo()) return;
                m_run->session.undo();
                m_run->recorded = false;  // finishing again stores a new attempt
                save_unfinished();
                m_run->awaiting_continue = false;
                m_run->last_verdict.reset();
                if (m_screen != Screen::Play) set_screen(Screen::Play);
            },
            [&](const intent::Continue&) {
                if (!m_run) return;
                m_run->awaiting_continue = false;
                m_run->asked = std::chrono::steady_clock::now();  // the next decision's time starts now
            },
            [&](const intent::ShowDebrief&) { finish_run(); },
            [&](const intent::Replay&) {
                if (!m_run) return;
                m_run->session.restart();
                m_run->awaiting_continue = false;
                m_run->last_verdict.reset();
                m_run->hints.clear();
                m_run->debrief.reset();
                m_run->recorded = false;
                m_run->started_ms = store::now_ms();
                m_run->seconds.clear();
                m_run->asked = std::chrono::steady_clock::now();
                m_run->saved_path.clear();
                m_run->save_error.clear();
                m_run->serial = ++m_serial;
                m_debrief.show(DebriefView::Panel::Decisions);
                set_screen(Screen::Play);
            },
            [&](const intent::SaveDebrief& i) { save_debrief(i.format); },
            [&](const intent::SetMode& i) {
                m_settings.mode = mode_id(i.mode);
                save_settings_now();
            },
            [&](const intent::OpenSettings&) { m_settings_open = true; },
            [&](const intent::CloseSettings&) { m_settings_open = false; },
            [&](const intent::SetLanguage& i) {
                m_settings.language = i.language == "nl" ? "nl" : "en";
                save_settings_now();
                if (m_run) {
                    m_run->language = content_language(*m_run->scenario, m_settings.language);
                }
            },
            [&](const intent::SetFontScale& i) {
                m_settings.font_scale = std::clamp(i.scale, kMinFontScale, kMaxFontScale);
                save_settings_now();
            },
            [&](const intent::SetHighContrast& i) {
                m_settings.high_contrast = i.on;
                save_settings_now();
            },
            [&](const intent::SetFullscreen& i) {
                m_settings.fullscreen = i.on;
                save_settings_now();
            },
            [&](const intent::SetReadAloud& i) {
                m_settings.read_aloud = i.on;
                if (!i.on && m_services.speech) m_services.speech->stop();
                save_settings_now();
            },
            [&](const intent::SetTextSpeed& i) {
                m_settings.text_speed = i.speed;
                save_settings_now();
            },
            [&](const intent::ShowHint&) {
                if (m_run && m_run->mode == Mode::Practice && !m_run->awaiting_continue &&
                    m_run->session.state() == SessionState::AwaitingChoice) {
                    m_run->hints.insert(m_run->session.decision_count());
                    save_unfinished();  // kept for resume like the decisions
                }
            },
            [&](const intent::SelectTrainee& i) { m_results.select_trainee(i.trainee_id); },
            [&](const intent::CreateTrainee& i) { m_home.set_trainee_problem(m_results.create_trainee(i.name)); },
            [&](const intent::ShowHistory&) { show_history(); },
            [&](const intent::ExportHistory& i) { export_history(i.format); },
            [&](const intent::ShowOlderAttempts&) { add_older_attempts(m_history_data, m_results); },
            [&](const intent::ResumeRun& i) { resume(i.scenario_id); },
            [&](const intent::DiscardRun& i) { m_results.discard_run(i.scenario_id); },
            [&](const intent::LeaveRun& i) {
                if (i.leave) go_home(true);
                else m_leave_asked = false;
                if (i.leave && m_quit_after_leave) m_quit = true;
                m_quit_after_leave = false;
            },
            [&](const intent::DismissNotice&) { m_results.dismiss_notice(); },
            [&](const intent::ShowAuthoring&) { show_authoring(); },
            [&](const intent::OpenPath& i) { open_path(i.path); },
            [&](const intent::PlaytestFrom& i) { playtest_from(i.node_id); },
            [&](const intent::ContinuePlaytest&) { continue_playtest(); },
            [&](const intent::ShowClassroom&) {
                m_run.reset();
                m_class.stage = ClassStage::Setup;
                m_class.problem.clear();
                set_screen(Screen::Classroom);
            },
        },
        intent);
}

void App::open(std::size_t index) {
    if (index >= m_catalogue.entries.size()) return;
    const CatalogueEntry& entry = m_catalogue.entries[index];
    if (!entry.ok()) {
        show_diagnostics(index, entry.diagnostics);
        return;
    }
    if (!m_opened || m_opened->path != entry.path) {
        m_opened.reset();
        std::shared_ptr<const Scenario> scenario = entry.scenario;
        Diagnostics all = entry.diagnostics;
        if (!scenario) {
            LoadResult loaded = load_scenario_file(entry.path);  // again: the file may have changed
            if (!loaded.scenario) {
                show_diagnostics(index, std::move(loaded.diagnostics));
                return;
            }
            scenario = make_drawable(*loaded.scenario);
            all = std::move(loaded.diagnostics);
        }
        AnalysisResult result = analyse(scenario);
        if (!result.analysis) {
            locate_diagnostics(result.diagnostics, entry.path);
            all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
            show_diagnostics(index, std::move(all));
            return;
        }
        m_opened = Opened{entry.path, std::move(scenario), result.analysis};
    }
    m_run = std::make_unique<Run>(index, m_opened->scenario, m_opened->analysis, mode_from_id(m_settings.mode),
                                  content_language(*m_opened->scenario, m_settings.language));
    load_portraits(*m_run, m_services.load_image);
    m_run->serial = ++m_serial;
    m_run->started_ms = store::now_ms();
    m_run->asked = std::chrono::steady_clock::now();
    m_debrief.show(DebriefView::Panel::Decisions);
    set_screen(Screen::Play);
}

void App::show_diagnostics(std::size_t index, Diagnostics diagnostics) {
    m_diagnostics_file = m_catalogue.entries[index].path;
    m_diagnostics = std::move(diagnostics);
    m_run.reset();
    set_screen(Screen::Diagnostics);
}


void App::finish_run() {
    if (!m_run || !m_run->session.finished()) return;
    m_run->awaiting_continue = false;
    record_if_finished();
    if (!m_run->debrief) m_run->debrief = make_debrief(*m_run->analysis, m_run->session);
    if (m_services.speech) m_services.speech->stop();
    set_screen(Screen::Debrief);
}

void App::save_debrief(DebriefFormat format) {
    namespace fs = std::filesystem;
    if (!m_run || !m_run->debrief) return;
    const fs::path folder = m_services.save_folder.empty() ? fs::path(data_folder()) / "debriefs"
                                                           : fs::path(m_services.save_folder);
    std::error_code ec;
    fs::create_directories(folder, ec);
    const bool html = format == DebriefFormat::Html;
    const fs::path file = folder / (m_run->scenario->id + "-" + file_timestamp() + (html ? ".html" : ".md"));
    const report::Languages languages{m_settings.language, m_run->language};
    const report::DebriefExtras extras{std::vector<std::size_t>(m_run->hints.begin(), m_run->hints.end())};
    const std::string contents = html ? report::debrief_html(*m_run->debrief, *m_run->scenario, languages, extras)
                                      : report::debrief_markdown(*m_run->debrief, *m_run->scenario, languages, extras);
    std::string error;
    if (write_file_atomically(file.string(), contents, error)) {
        m_run->saved_path = file.string();
        m_run->save_error.clear();
    } else {
        m_run->saved_path.clear();
        m_run->save_error = error;
    }
}

void App::save_settings_now() {
    if (m_services.settings_path.empty()) return;
    std::string error;
    if (!save_settings(m_services.settings_path, m_settings, &error))
        std::fprintf(stderr, "salesdojo: cannot save the settings: %s\n", error.c_str());
}

bool App::command(const std::string& step) {
    const std::size_t eq = step.find('=');
    const std::string name = step.substr(0, eq);
    const std::string value = eq == std::string::npos ? std::string() : step.substr(eq + 1);
    const int number = std::atoi(value.c_str());
    if (name == "open" || name == "diagnostics") {
        finish_loading(m_catalogue);  // the script names a scenario: wait until every one is known
        const int entry = find_entry(m_catalogue, value);
        if (entry < 0) return false;
        if (name == "open") apply(intent::OpenScenario{static_cast<std::size_t>(entry)});
        else apply(intent::ShowDiagnostics{static_cast<std::size_t>(entry)});
        return true;
    }
    if (name == "settings") return apply(intent::OpenSettings{}), true;
    if (name == "close-settings") return apply(intent::CloseSettings{}), true;
    if (name == "lang") return apply(intent::SetLanguage{value}), true;
    if (name == "mode") return apply(intent::SetMode{mode_from_id(value)}), true;
    if (name == "home") return apply(intent::GoHome{}), true;
    if (name == "leave" || name == "stay") {
        if (!m_leave_asked) return false;
        return apply(intent::LeaveRun{name == "leave"}), true;
    }
    if (name == "history") return apply(intent::ShowHistory{}), true;
    if (name == "author") return apply(intent::ShowAuthoring{}), true;
    if (name == "author-open") return apply(intent::OpenPath{value}), !m_authoring.path().empty() || m_screen == Screen::Home;
    if (name == "playtest") {
        if (!m_authoring.live()) return false;
        apply(intent::PlaytestFrom{value});
        return m_screen == Screen::Play;
    }
    if (name == "author-panel") {
        m_author_view.show(value == "graph" ? AuthorPanel::Graph : value == "problems" ? AuthorPanel::Problems : AuthorPanel::Analysis);
        return true;
    }
    if (name == "trainee") {
        if (!m_results.available()) return false;
        apply(intent::CreateTrainee{value});  // picks an existing trainee of that name
        return m_results.trainee() && m_results.trainee()->name == value;
    }
    if (name == "resume") {
        finish_loading(m_catalogue);
        if (!m_results.saved_run(value)) return false;
        apply(intent::ResumeRun{value});
        return m_screen == Screen::Play;
    }
    if (name == "continue") return apply(intent::Continue{}), true;
    if (name == "hint") return apply(intent::ShowHint{}), true;
    if (name == "search") {
        CardFilter filter = m_home.filter();
        filter.search = value;
        m_home.set_filter(std::move(filter));
        return true;
    }
    if (name == "backlog") return m_play.show_backlog(value != "off"), true;
    if (name == "speed") {
        const auto speed = text_speed_from_id(value);
        return speed && (apply(intent::SetTextSpeed{*speed}), true);
    }
    if (name == "panel") {
        m_debrief.show(value == "review" ? DebriefView::Panel::Review
                                         : value == "best" ? DebriefView::Panel::BestLine
                                                           : DebriefView::Panel::Decisions);
        return true;
    }
    if (name == "scores") return m_debrief.show_all_scores(value == "all"), true;
    if (name.rfind("class", 0) == 0) return class_command(name, value);
    if (!m_run) return false;
    if (name == "choose") {
        const auto options = m_run->session.options();
        if (number < 1 || static_cast<std::size_t>(number) > options.size()) return false;
        apply(intent::Choose{options[static_cast<std::size_t>(number - 1)].index});
        return true;
    }
    if (name == "finish") {
        for (int guard = 0; guard < 10000 && m_run->session.state() == SessionState::AwaitingChoice; ++guard) {
            m_run->awaiting_continue = false;
            const auto options = m_run->session.options();
            const ChoiceOption* pick = nullptr;
            for (std::size_t k = 0; k < options.size(); ++k) {
                if (!options[k].available) continue;
                if (!pick || static_cast<int>(k) < std::max(number, 1)) pick = &options[k];
            }
            if (!pick) break;
            apply(intent::Choose{pick->index});
        }
        apply(intent::ShowDebrief{});
        return m_screen == Screen::Debrief;
    }
    return false;
}

}  // namespace salesdojo::gui
