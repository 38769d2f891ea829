// Export files as written to disk. See export_files.hpp.
#include <salesdojo/report/export_files.hpp>

#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>

namespace salesdojo::report {

namespace fs = std::filesystem;

std::string export_json_text(const ExportDocument& document) {
    return export_json(document).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string decisions_csv_path(const std::string& path) {
    const fs::path p(path);
    const std::string extension = p.has_extension() ? p.extension().string() : ".csv";
    return (p.parent_path() / (p.stem().string() + "-decisions" + extension)).string();
}

std::string attempt_page_file_name(const ExportedAttempt& a) {
    std::string name = iso_utc(a.started_ms).substr(0, 10) + "-" + a.trainee + "-" + a.scenario_id + "-" +
                       a.uid.substr(0, 8);
    for (char& c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '-' || c == '_' || u >= 0x80)) c = '_';  // no '/', spaces or dots
    }
    return name + ".html";
}

std::string attempt_page(const ExportDocument& document, const ExportedAttempt& attempt, const ScenarioShelf& shelf,
                         std::string_view language) {
    const auto at_hand = shelf.find(attempt.scenario_id);
    const auto names = document.scenarios.find(attempt.scenario_id);
    return attempt_html(attempt, at_hand == shelf.end() ? nullptr : &at_hand->second,
                        names == document.scenarios.end() ? nullptr : &names->second, language);
}

bool write_csv_files(const std::string& path, const CsvTables& tables, std::string& error) {
    return write_file_atomically(path, tables.attempts, error) &&
           write_file_atomically(decisions_csv_path(path), tables.decisions, error);
}

bool write_attempt_pages(const std::string& folder, const ExportDocument& document, const ScenarioShelf& shelf,
                         std::string_view language, std::string& error) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        error = "cannot create the folder '" + folder + "': " + ec.message();
        return false;
    }
    for (const auto& a : document.attempts)
        if (!write_file_atomically((fs::path(folder) / attempt_page_file_name(a)).string(),
                                   attempt_page(document, a, shelf, language), error))
            return false;
    return true;
}

}  // namespace salesdojo::report
