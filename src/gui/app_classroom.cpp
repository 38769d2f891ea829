// The App's classroom mode (docs/classroom.md, "In the window"): the set-up, the class run (the
// projector view, the trainer's private panel, the keys, the phone voting server), the end (the
// class log stored in the results database) and the class report with its exports.
#include "app.hpp"
#include "app_support.hpp"

#include "views/class_keys.hpp"
#include "views/class_report_view.hpp"
#include "views/class_trainer_view.hpp"
#include "views/class_view.hpp"
#include "views/drawable_scenario.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/report/export_files.hpp>
#include <salesdojo/store/attempt.hpp>
#include <salesdojo/store/results_store.hpp>

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace salesdojo::gui {

Intent App::draw_classroom(const ViewContext& ctx) {
    ClassIntent asked;
    switch (m_class.stage) {
    case ClassStage::Setup:
        asked = m_class_setup.Draw(ctx, m_catalogue, m_class.problem, m_class.problem_detail);
        break;
    case ClassStage::Report: {
        ClassReportInfo info;
        info.report = m_class.report ? &*m_class.report : nullptr;
        info.problem = m_class.report_problem;
        info.stored = m_class.stored;
        info.stored_detail = m_class.stored_detail;
        info.saved_path = m_class.saved_path;
        info.save_error = m_class.save_error;
        asked = draw_class_report(ctx, info);
        break;
    }
    case ClassStage::Running: {
        if (!m_class.live) break;
        Classroom& live = *m_class.live;
        live.changed();  // this frame shows the run as it is now
        ViewContext room = ctx;  // the room reads the class's language
        room.language = live.language();
        ProjectorInfo projector;
        projector.scenario = &live.scenario();
        projector.language = live.language();
        projector.prompt_on_screen = live.prompt_on_screen();
        projector.blank = live.blank();
        projector.join_url = live.join_url();
        projector.join_code = live.join_code();
        projector.qr = m_class.qr ? &*m_class.qr : nullptr;
        draw_class_view(room, live.audience(), projector);
        if (live.panel() && !m_trainer_window_active) {
            // The private panel: over the projector, only while the trainer wants it (T).
            const ImGuiViewport* viewport = ImGui::GetMainViewport();
            const float width = std::min(viewport->WorkSize.x * 0.5f, ImGui::GetFontSize() * 32.0f);
            ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width, viewport->WorkPos.y));
            ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y));
            ImGui::SetNextWindowBgAlpha(1.0f);
            ImGui::Begin("###trainer_panel", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_AlwaysVerticalScrollbar);
            merge(asked, draw_trainer_material(ctx));
            ImGui::End();
        }
        if (m_class.end_asked) merge(asked, draw_class_end_question(ctx));
        if (is_none(asked) && !m_settings_open && !m_legend_open) asked = class_keys(m_class.end_asked);
        break;
    }
    }
    // Esc on the set-up and the report: back to the home screen (during a class it asks first).
    if (is_none(asked) && m_class.stage != ClassStage::Running && !m_settings_open && !m_legend_open &&
        ImGui::IsKeyPressed(static_cast<int>(sf::Keyboard::Escape), false) &&
        !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
        asked = class_intent::Leave{};
    if (!is_none(asked)) apply_class(asked);
    return {};
}

ClassIntent App::draw_trainer_material(const ViewContext& ctx) {
    if (!m_class.live) return {};
    Classroom& live = *m_class.live;
    TrainerPanelInfo info;
    info.scenario = &live.scenario();
    info.language = live.language();
    info.hands_option = live.hands_option();
    info.hands_digits = live.hands_digits();
    info.override_armed = live.override_armed();
    info.note = live.note();
    info.blank = live.blank();
    info.prompt_on_screen = live.prompt_on_screen();
    info.join_url = live.join_url();
    info.join_code = live.join_code();
    info.devices = live.devices_joined();
    info.own_window = m_trainer_window_active;
    return draw_class_trainer_view(ctx, live.trainer(), info);
}

void App::draw_trainer_window(const Fonts& fonts) {
    ViewContext ctx;
    ctx.fonts = &fonts;
    ctx.language = m_settings.language;
    ctx.high_contrast = m_settings.high_contrast;
    ctx.colours = &palette(m_settings.high_contrast);
    const ClassIntent asked = draw_trainer_material(ctx);
    if (!is_none(asked)) apply_class(asked);
}

bool App::poll_class() { return m_class.live && m_class.live->changed(); }

void App::apply_class(const ClassIntent& intent) {
    m_frames_wanted = std::max(m_frames_wanted, 3);
    Classroom* live = m_class.live.get();
    const auto with_live = [&](auto&& step) {
        if (live) step(*live);
    };
    std::visit(Overloaded{
                   [](const std::monostate&) {},
                   [&](const class_intent::Start& i) { start_class(i); },
                   [&](const class_intent::Advance&) {
                       // After the ending the next step is the report.
                       if (live && live->phase() == classroom::ClassPhase::Finished && !live->blank()) end_class();
                       else with_live([](Classroom& c) { c.advance(); });
                   },
                   [&](const class_intent::Back&) { with_live([](Classroom& c) { c.back(); }); },
                   [&](const class_intent::ToggleBlank&) { with_live([](Classroom& c) { c.toggle_blank(); }); },
                   [&](const class_intent::TogglePanel&) {
                       if (!m_trainer_window_active) with_live([](Classroom& c) { c.toggle_panel(); });
                   },
                   [&](const class_intent::ToggleContrast&) { apply(intent::SetHighContrast{!m_settings.high_contrast}); },
                   [&](const class_intent::NextPrompt&) { with_live([](Classroom& c) { c.next_prompt(); }); },
                   [&](const class_intent::ShowPrompt& i) { with_live([&](Classroom& c) { c.show_prompt(i.prompt); }); },
                   [&](const class_intent::Digit& i) { with_live([&](Classroom& c) { c.digit(i.digit); }); },
                   [&](const class_intent::Enter&) { with_live([](Classroom& c) { c.enter(); }); },
                   [&](const class_intent::Erase&) { with_live([](Classroom& c) { c.erase(); }); },
                   [&](const class_intent::ArmOverride&) { with_live([](Classroom& c) { c.arm_override(); }); },
                   [&](const class_intent::Confirm& i) { with_live([&](Classroom& c) { c.confirm(i.option); }); },
                   [&](const class_intent::AskEnd&) { m_class.end_asked = live != nullptr; },
                   [&](const class_intent::End& i) {
                       m_class.end_asked = false;
                       if (i.yes) end_class();
                   },
                   [&](const class_intent::Export& i) { export_class(i.format); },
                   [&](const class_intent::Leave&) {
                       if (m_class.live) end_class();
                       m_class = ClassScreen{};
                       set_screen(Screen::Home);
                   },
               },
               intent);
}

void App::start_class(const class_intent::Start& start) {
    if (start.entry >= m_catalogue.entries.size() || !m_catalogue.entries[start.entry].ok()) return;
    const CatalogueEntry& entry = m_catalogue.entries[start.entry];
    std::shared_ptr<const Scenario> scenario = entry.scenario;
    if (!scenario) {
        LoadResult loaded = load_scenario_file(entry.path);  // the file may have changed since
        if (!loaded.scenario) {
            show_diagnostics(start.entry, std::move(loaded.diagnostics));
            return;
        }
        scenario = make_drawable(*loaded.scenario);
    }
    AnalysisResult analysed = analyse(scenario);
    if (!analysed.analysis) {  // as when a conversation is opened: its problems instead
        locate_diagnostics(analysed.diagnostics, entry.path);
        show_diagnostics(start.entry, std::move(analysed.diagnostics));
        return;
    }
    classroom::ClassRunOptions options;
    options.uid = store::new_attempt_uid();
    options.language = content_language(*scenario, start.language);
    options.names = start.names;
    ClassScreen next;
    next.live = std::make_unique<Classroom>(scenario, analysed.analysis, options);
    if (start.phones) {
        std::string error;
        if (!next.live->start_phones(m_services.class_address, m_services.class_port, error)) {
            m_class.problem = "class.server_failed";
            m_class.problem_detail = error;
            return;
        }
        next.qr = classroom::make_qr(next.live->join_url());
    }
    next.stage = ClassStage::Running;
    m_run.reset();
    m_class = std::move(next);
    set_screen(Screen::Classroom);
}

void App::end_class() {
    if (!m_class.live) return;
    Classroom& live = *m_class.live;
    const ClassLog log = live.finish();  // the voting server stops here
    const std::string language = live.language();
    const std::shared_ptr<const Analysis> analysis = live.analysis();
    m_class.live.reset();
    m_class.qr.reset();
    m_class.end_asked = false;
    m_class.saved_path.clear();
    m_class.save_error.clear();
    m_class.stored_detail.clear();
    if (log.decisions.empty()) {
        m_class.stored = "class.not_stored_empty";
    } else if (m_services.database_path.empty()) {
        m_class.stored = "class.no_database";
    } else {
        try {
            store::ResultsStore::open(m_services.database_path).insert_class_log(log);
            m_class.stored = "class.stored";
            m_class.stored_detail = m_services.database_path;
        } catch (const store::StoreError& e) {
            m_class.stored = "class.not_stored";
            m_class.stored_detail = e.what();
        }
    }
    std::string error;
    m_class.report = report::make_classroom_report(*analysis, log, language, error);
    m_class.report_problem = m_class.report ? std::string() : error;
    m_class.log = log;
    m_class.stage = ClassStage::Report;
    set_screen(Screen::Classroom);
}

void App::export_class(ClassExport format) {
    namespace fs = std::filesystem;
    if (!m_class.report || !m_class.log) return;
    const fs::path folder = m_services.export_folder.empty() ? fs::path(data_folder()) / "exports"
                                                             : fs::path(m_services.export_folder);
    std::error_code ec;
    fs::create_directories(folder, ec);
    const fs::path base = folder / (m_class.log->scenario_id + "-class-" + file_timestamp());
    std::string error;
    bool ok = false;
    std::string path;
    if (format == ClassExport::Html) {
        path = base.string() + ".html";
        ok = write_file_atomically(path, report::classroom_report_html(*m_class.report), error);
    } else {
        path = base.string() + ".csv";
        ok = report::write_csv_files(path, report::classroom_report_csv(*m_class.report), error);
    }
    m_class.saved_path = ok ? path : std::string();
    m_class.save_error = ok ? std::string() : error;
}

bool App::class_command(const std::string& name, const std::string& value) {
    if (name == "classroom") return apply(intent::ShowClassroom{}), true;
    if (name == "class" || name == "class-hands") {
        finish_loading(m_catalogue);
        const int entry = find_entry(m_catalogue, value);
        if (entry < 0) return false;
        apply_class(class_intent::Start{static_cast<std::size_t>(entry), m_settings.language, name == "class", false});
        return m_class.stage == ClassStage::Running;
    }
    if (name == "class-end") {
        end_class();
        return m_class.stage == ClassStage::Report;
    }
    if (!m_class.live) return false;
    if (name == "class-step") return apply_class(class_intent::Advance{}), true;
    if (name == "class-prompt") return apply_class(class_intent::NextPrompt{}), true;
    if (name == "class-panel") return apply_class(class_intent::TogglePanel{}), true;
    if (name == "class-blank") return apply_class(class_intent::ToggleBlank{}), true;
    if (name == "class-hands-count") {
        const std::size_t colon = value.find(':');
        if (colon == std::string::npos) return false;
        apply_class(class_intent::Digit{std::atoi(value.substr(0, colon).c_str())});
        for (char c : value.substr(colon + 1))
            if (c >= '0' && c <= '9') apply_class(class_intent::Digit{c - '0'});
        apply_class(class_intent::Enter{});
        return true;
    }
    return false;
}

}  // namespace salesdojo::gui
