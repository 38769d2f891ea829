// Exports as CSV for a spreadsheet (RFC 4180): one table of attempts, one of decisions.
#include "export_words.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/results_export.hpp>

#include <algorithm>

namespace salesdojo::report {
namespace {

using detail::choice_text;
using detail::mode_name;
using detail::named;
using detail::names_of;
using detail::node_line;
using detail::verdict_words;
using detail::yes_no;

void row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += cells[i];
    }
    out += "\r\n";
}

std::string heading(const char* key, std::string_view language) {
    return csv_text(word(key, language));
}

}  // namespace

std::string csv_text(std::string_view text) {
    std::string cell;
    // A spreadsheet runs a cell starting with one of these as a formula (CSV injection): an
    // apostrophe in front makes it text in Excel, LibreOffice and Google Sheets alike.
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) cell += '\'';
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_number(std::optional<double> value, int decimals) {
    if (!value) return {};
    std::string text = number(*value, decimals, "en");
    if (text.find('.') != std::string::npos) {  // "12.50" -> "12.5", "3.00" -> "3"
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

CsvTables export_csv(const ExportDocument& document, std::string_view language) {
    const std::string_view w = language == "nl" ? "nl" : "en";
    // One score column per dimension id, in the order they first appear.
    std::vector<std::string> dimension_ids;
    for (const auto& a : document.attempts)
        for (const auto& d : a.dimensions)
            if (std::find(dimension_ids.begin(), dimension_ids.end(), d.dimension_id) == dimension_ids.end())
                dimension_ids.push_back(d.dimension_id);

    CsvTables tables;
    std::vector<std::string> head = {heading("export.column.attempt", w),      heading("export.trainee", w),
                                     heading("export.column.scenario", w),     heading("export.column.scenario_id", w),
                                     heading("export.version", w),             heading("export.column.content_hash", w),
                                     heading("export.language", w),            heading("export.mode", w),
                                     heading("export.column.started", w),      heading("export.column.ended", w),
                                     heading("export.column.finished", w),     heading("debrief.ending", w),
                                     heading("debrief.outcome", w),            heading("export.column.outcome_id", w),
                                     heading("debrief.overall", w),            heading("debrief.accuracy", w),
                                     heading("debrief.passed", w),             heading("export.column.weighted_total", w),
                                     heading("export.column.seed", w)};
    for (const auto& id : dimension_ids) {
        // The first scenario that names this id gives the heading.
        std::string name;
        for (const auto& [scenario, names] : document.scenarios)
            if (const auto it = names.dimensions.find(id); name.empty() && it != names.dimensions.end()) name = it->second;
        head.push_back(csv_text(name.empty() ? named(nullptr, "dimension", id, w) : name));
    }
    row(tables.attempts, head);

    row(tables.decisions, {heading("export.column.attempt", w), heading("export.trainee", w),
                           heading("export.column.ended", w), heading("export.mode", w),
                           heading("export.column.scenario", w), heading("export.column.scenario_id", w),
                           heading("export.column.number", w), heading("export.column.node_id", w),
                           heading("export.column.line", w), heading("export.column.choice_id", w),
                           heading("export.column.choice", w), heading("export.column.verdict", w),
                           heading("export.column.loss", w), heading("export.column.counted", w),
                           heading("export.column.seconds", w), heading("export.column.best_choice", w)});

    for (const auto& a : document.attempts) {
        const ScenarioNames* names = names_of(document, a.scenario_id);
        const std::string title = names ? names->title : std::string();
        std::string ending;
        if (a.finished) {
            if (names)
                if (const auto it = names->endings.find(a.ending_node); it != names->endings.end()) ending = it->second;
            if (ending.empty()) ending = word("debrief.untitled_ending", w);
        }
        std::vector<std::string> cells = {
            csv_text(a.uid), csv_text(a.trainee), csv_text(title), csv_text(a.scenario_id), csv_text(a.scenario_version),
            csv_text(a.content_hash), csv_text(a.language), csv_text(mode_name(a.mode, w)), csv_text(iso_utc(a.started_ms)),
            csv_text(iso_utc(a.ended_ms)), csv_text(yes_no(a.finished, w)), csv_text(ending),
            csv_text(a.finished ? named(names ? &names->outcomes : nullptr, "outcome", a.outcome, w) : std::string()),
            csv_text(a.outcome), csv_number(a.overall, 2), csv_number(a.accuracy, 2),
            a.passed ? csv_text(yes_no(*a.passed, w)) : std::string(), csv_number(a.weighted_total, 2),
            std::to_string(a.seed)};
        for (const auto& id : dimension_ids) {
            std::optional<double> score;
            for (const auto& d : a.dimensions)
                if (d.dimension_id == id) score = d.score;
            cells.push_back(csv_number(score, 2));
        }
        row(tables.attempts, cells);

        const std::string ended = csv_text(iso_utc(a.ended_ms)), mode = csv_text(mode_name(a.mode, w));
        for (std::size_t i = 0; i < a.decisions.size(); ++i) {
            const ExportedDecision& d = a.decisions[i];
            row(tables.decisions,
                {csv_text(a.uid), csv_text(a.trainee), ended, mode, csv_text(title), csv_text(a.scenario_id),
                 std::to_string(i + 1), csv_text(d.node_id), csv_text(node_line(names, d.node_id)), csv_text(d.choice_id),
                 csv_text(choice_text(names, d.node_id, d.choice_id)), csv_text(verdict_words(d.verdict, w)),
                 csv_number(d.loss, 3), csv_text(yes_no(d.counted, w)), csv_number(d.seconds, 1),
                 csv_text(d.best_choice_id.empty() ? std::string() : choice_text(names, d.node_id, d.best_choice_id))});
        }
    }
    return tables;
}

}  // namespace salesdojo::report
