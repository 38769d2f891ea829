// The history screen's export buttons: the picked trainee's attempts as JSON, CSV or HTML pages,
// written with the report layer's export files (report/export_files.hpp, as `salesdojo export`)
// into one folder. See app.hpp and docs/export.md.
#include "app.hpp"
#include "settings.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/report/export_files.hpp>
#include <salesdojo/store/attempt.hpp>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <set>

namespace salesdojo::gui {
namespace {

namespace fs = std::filesystem;

// "Anna-20261206-062233": the trainee's name (only letters, digits, '-' and '_') and the local time.
std::string export_stem(const std::string& trainee) {
    std::string name = trainee;
    for (char& c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '-' || c == '_' || u >= 0x80)) c = '_';
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return (name.empty() ? std::string("trainee") : name) + "-" + stamp;
}

// The scenarios of the catalogue that the attempts use, loaded and analysed once (for titles, best
// options and re-scoring). A file that no longer loads is left out: its attempts are shown as stored.
report::ScenarioShelf shelf_of(const Catalogue& catalogue, const std::vector<report::ExportedAttempt>& attempts) {
    std::set<std::string> wanted;
    for (const auto& a : attempts) wanted.insert(a.scenario_id);
    report::ScenarioShelf shelf;
    for (const auto& entry : catalogue.entries) {
        if (!entry.ok() || !wanted.count(entry.card->id) || shelf.count(entry.card->id)) continue;
        std::shared_ptr<const Scenario> scenario = entry.scenario;
        if (!scenario) scenario = load_scenario_file(entry.path).scenario;
        if (!scenario || scenario->id != entry.card->id) continue;
        AnalysisResult analysed = analyse(scenario);
        shelf[scenario->id] = {scenario, analysed.analysis};
    }
    return shelf;
}

}  // namespace

void App::export_history(ExportFormat format) {
    m_history_data.exported_to.clear();
    m_history_data.export_failed.clear();
    const fs::path folder = m_services.export_folder.empty() ? fs::path(data_folder()) / "exports"
                                                             : fs::path(m_services.export_folder);
    std::string error;
    auto attempts = m_results.exported_attempts(error);
    if (!attempts || attempts->empty()) {
        if (attempts) error = "no stored attempts";
        std::fprintf(stderr, "salesdojo: cannot export from %s: %s\n", m_results.database_path().c_str(), error.c_str());
        m_history_data.export_failed = m_results.database_path();
        return;
    }
    const std::string language = m_settings.language;
    finish_loading(m_catalogue);
    const report::ScenarioShelf shelf = shelf_of(m_catalogue, *attempts);
    const report::ExportDocument document =
        report::make_export_document(std::move(*attempts), shelf, language, store::now_ms());

    const fs::path stem = folder / export_stem(m_results.trainee() ? m_results.trainee()->name : std::string());
    std::string written;
    std::error_code ec;
    fs::create_directories(folder, ec);
    bool ok = !ec;
    if (ec) error = "cannot create the folder: " + ec.message();
    if (ok) {
        switch (format) {
        case ExportFormat::Json:
            written = stem.string() + ".json";
            ok = write_file_atomically(written, report::export_json_text(document), error);
            break;
        case ExportFormat::Csv:
            written = stem.string() + ".csv";
            ok = report::write_csv_files(written, report::export_csv(document, language), error);
            written += ", " + report::decisions_csv_path(written);
            break;
        case ExportFormat::Html:
            written = stem.string();  // a folder, one page per attempt
            ok = report::write_attempt_pages(written, document, shelf, language, error);
            break;
        }
    }
    if (ok) {
        m_history_data.exported_to = written;
    } else {
        std::fprintf(stderr, "salesdojo: cannot export to %s: %s\n", folder.string().c_str(), error.c_str());
        m_history_data.export_failed = folder.string();
    }
}

}  // namespace salesdojo::gui
