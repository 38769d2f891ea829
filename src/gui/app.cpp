#include "app.hpp"

#include "speech.hpp"
#include "views/drawable_scenario.hpp"
#include "views/play_lines.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/report/debrief.hpp>

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace salesdojo::gui {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &local);
    return buffer;
}

bool key(sf::Keyboard::Key k) { return ImGui::IsKeyPressed(static_cast<int>(k), false); }

}  // namespace

const char* screen_id(Screen screen) {
    switch (screen) {
    case Screen::Home: return "home";
    case Screen::Play: return "play";
    case Screen::Debrief: return "debrief";
    case Screen::Diagnostics: return "diagnostics";
    }
    return "?";
}

App::App(Catalogue catalogue, Settings settings, AppServices services)
    : m_catalogue(std::move(catalogue)), m_settings(std::move(settings)), m_services(std::move(services)) {
    m_settings.font_scale = std::clamp(m_settings.font_scale, kMinFontScale, kMaxFontScale);
    if (m_settings.language != "nl") m_settings.language = "en";
    if (!m_services.progress_path.empty()) m_progress.emplace(m_services.progress_path);
}

App::~App() = default;

int App::take_frames_wanted() {
    const int n = m_frames_wanted;
    m_frames_wanted = 0;
    return n;
}

void App::set_screen(Screen screen) {
    if (screen != m_screen) m_frames_on_screen = 0;
    m_screen = screen;
}

void App::frame(const Fonts& fonts) {
    if (poll_catalogue(m_catalogue)) m_frames_wanted = std::max(m_frames_wanted, 2);
    if (m_style_scale != fonts.scale || m_style_contrast != static_cast<int>(m_settings.high_contrast)) {
        apply_style(m_settings.high_contrast, fonts.scale);
        m_style_scale = fonts.scale;
        m_style_contrast = static_cast<int>(m_settings.high_contrast);
    }
    ViewContext ctx;
    ctx.fonts = &fonts;
    ctx.language = m_settings.language;
    ctx.high_contrast = m_settings.high_contrast;
    ctx.colours = &palette(m_settings.high_contrast);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoBackground;  // the clear colour is the background:
                                                                   // one full-window blend less per frame
    ImGui::Begin("SalesDojo##main", nullptr, flags);
    Intent intent;
    switch (m_screen) {
    case Screen::Home:
        intent = m_home.Draw(ctx, m_catalogue, m_progress ? &*m_progress : nullptr, mode_from_id(m_settings.mode));
        break;
    case Screen::Play:
        if (m_run) {
            intent = m_play.Draw(ctx, *m_run);
            read_aloud();
        }
        break;
    case Screen::Debrief:
        if (m_run) intent = m_debrief.Draw(ctx, *m_run);
        break;
    case Screen::Diagnostics: intent = m_diagnostics_view.Draw(ctx, m_diagnostics_file, m_diagnostics); break;
    }
    ImGui::End();

    if (m_settings_open) {
        // The settings are modal: what the screen below asked for this frame is dropped.
        intent = m_settings_view.Draw(ctx, m_settings, m_services.speech && m_services.speech->available());
    }
    ++m_frames_on_screen;
    if (is_none(intent)) hotkeys();
    else apply(intent);
}

void App::hotkeys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureKeyboard) return;
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

void App::read_aloud() {
    if (m_play.lines_version() == m_spoken_version) return;
    m_spoken_version = m_play.lines_version();
    if (!m_settings.read_aloud || !m_services.speech || !m_services.speech->available() || !m_run) return;
    m_services.speech->speak(spoken_text(m_play.lines()), m_run->language);
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
            [&](const intent::GoHome&) {
                if (m_services.speech) m_services.speech->stop();
                m_run.reset();
                set_screen(Screen::Home);
            },
            [&](const intent::Choose& i) {
                if (!m_run || m_run->awaiting_continue || m_run->session.state() != SessionState::AwaitingChoice) return;
                const auto options = m_run->session.options();
                const auto it = std::find_if(options.begin(), options.end(),
                                             [&](const ChoiceOption& o) { return o.index == i.choice; });
                if (it == options.end() || !it->available) return;
                m_run->session.choose(i.choice);
                record_if_finished();
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
                m_run->recorded = false;  // finishing again records the new score
                m_run->awaiting_continue = false;
                m_run->last_verdict.reset();
                if (m_screen != Screen::Play) set_screen(Screen::Play);
            },
            [&](const intent::Continue&) {
                if (m_run) m_run->awaiting_continue = false;
            },
            [&](const intent::ShowDebrief&) { finish_run(); },
            [&](const intent::Replay&) {
                if (!m_run) return;
                m_run->session.restart();
                m_run->awaiting_continue = false;
                m_run->last_verdict.reset();
                m_run->debrief.reset();
                m_run->recorded = false;
                m_run->saved_path.clear();
                m_run->save_error.clear();
                m_run->serial = ++m_serial;
                m_debrief.show(DebriefView::Panel::Costliest);
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
    m_debrief.show(DebriefView::Panel::Costliest);
    set_screen(Screen::Play);
}

void App::show_diagnostics(std::size_t index, Diagnostics diagnostics) {
    m_diagnostics_file = m_catalogue.entries[index].path;
    m_diagnostics = std::move(diagnostics);
    m_run.reset();
    set_screen(Screen::Diagnostics);
}

// The last score is stored the moment the conversation ends (on that choice, a button press), so
// it is kept even if the trainee closes the window before opening the debrief.
void App::record_if_finished() {
    if (!m_run || !m_run->session.finished() || m_run->recorded) return;
    m_run->debrief = make_debrief(*m_run->analysis, m_run->session);
    m_run->recorded = true;
    if (!m_progress) return;
    std::string error;
    if (!m_progress->record(m_run->scenario->id, m_run->debrief->overall_score, &error))
        std::fprintf(stderr, "salesdojo: cannot store the score: %s\n", error.c_str());
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
    const fs::path file = folder / (m_run->scenario->id + "-" + timestamp() + (html ? ".html" : ".md"));
    const report::Languages languages{m_settings.language, m_run->language};
    const std::string contents = html ? report::debrief_html(*m_run->debrief, *m_run->scenario, languages)
                                      : report::debrief_markdown(*m_run->debrief, *m_run->scenario, languages);
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
    if (name == "continue") return apply(intent::Continue{}), true;
    if (name == "panel") {
        m_debrief.show(value == "review" ? DebriefView::Panel::Review
                                         : value == "best" ? DebriefView::Panel::BestLine
                                                           : DebriefView::Panel::Costliest);
        return true;
    }
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
