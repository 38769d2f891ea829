// The list of stored class runs: rows from class logs, then a terminal table or JSON.
#include <salesdojo/report/class_run_list.hpp>

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/classroom_report.hpp>
#include <salesdojo/report/names.hpp>

#include "export_words.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>

namespace salesdojo::report {
namespace {

// The start in the trainer's local time, as a trainer would look for it.
std::string local_date(std::int64_t unix_ms) {
    const std::time_t seconds = static_cast<std::time_t>(unix_ms >= 0 ? unix_ms / 1000 : (unix_ms - 999) / 1000);
    std::tm parts{};
    char buffer[32];
    if (!localtime_r(&seconds, &parts) || std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &parts) == 0) return "?";
    return buffer;
}

// Columns line up by characters, not bytes (Dutch titles have accents).
std::size_t width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

ClassRunRow class_run_row(std::int64_t id, const ClassLog& log, const ScenarioAtHand* at_hand, std::string_view language) {
    ClassRunRow row;
    row.id = id;
    row.uid = log.uid;
    row.started_ms = log.started_ms;
    row.scenario_id = log.scenario_id;
    row.title = log.scenario_id;
    row.language = log.language;
    row.decisions = log.decisions.size();
    row.finished = log.finished;
    row.ending = log.ending_node;
    for (const auto& d : log.decisions) row.votes += d.total_votes();
    if (!at_hand || !at_hand->scenario) return row;
    const Scenario& s = *at_hand->scenario;
    row.title = s.title.get(languages_for(s, language).content);
    // Another version of the file would score (and name) another conversation than the one played.
    if (s.content_hash != log.content_hash || !at_hand->analysis) return row;
    std::string error;
    if (const auto report = make_classroom_report(*at_hand->analysis, log, language, error)) {
        row.group_score = report->overall;
        if (report->finished) row.ending = report->ending;
    }
    return row;
}

std::string class_run_list_text(const std::vector<ClassRunRow>& rows, std::string_view language) {
    const auto w = [&](const char* key) { return std::string(word(key, language)); };
    std::vector<std::vector<std::string>> table = {{w("classroom.list.id"), w("classroom.list.date"), w("classroom.list.scenario"),
                                                    w("classroom.list.language"), w("classroom.list.decisions"),
                                                    w("classroom.list.ending"), w("classroom.list.score"), w("classroom.list.votes")}};
    bool unscored = false;
    for (const auto& r : rows) {
        if (!r.problem.empty()) {
            table.push_back({std::to_string(r.id), local_date(r.started_ms), w("classroom.list.damaged")});
            continue;
        }
        unscored |= !r.group_score;
        table.push_back({std::to_string(r.id), local_date(r.started_ms), r.title, detail::language_name(r.language, language),
                         std::to_string(r.decisions),
                         r.finished ? r.ending : w("classroom.report.unfinished"),
                         r.group_score ? number(*r.group_score, 0, language) : "?", std::to_string(r.votes)});
    }
    std::vector<std::size_t> widths(table.front().size(), 0);
    for (const auto& line : table)
        for (std::size_t c = 0; c + 1 < line.size(); ++c) widths[c] = std::max(widths[c], width(line[c]));
    std::string out;
    for (const auto& line : table) {
        std::string text;
        for (std::size_t c = 0; c < line.size(); ++c) {
            text += line[c];
            if (c + 1 < line.size()) text += std::string(widths[c] - width(line[c]) + 2, ' ');
        }
        out += text + "\n";
    }
    if (unscored) out += w("classroom.list.unscored") + "\n";
    return out;
}

nlohmann::json class_run_list_json(const std::vector<ClassRunRow>& rows) {
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& r : rows) {
        if (!r.problem.empty()) {
            runs.push_back({{"id", r.id}, {"uid", r.uid}, {"started_ms", r.started_ms}, {"problem", r.problem}});
            continue;
        }
        runs.push_back({{"id", r.id},
                        {"uid", r.uid},
                        {"started_ms", r.started_ms},
                        {"scenario_id", r.scenario_id},
                        {"title", r.title},
                        {"language", r.language},
                        {"decisions", r.decisions},
                        {"finished", r.finished},
                        {"ending", r.ending},
                        {"group_score", r.group_score ? nlohmann::json(*r.group_score) : nlohmann::json(nullptr)},
                        {"votes", r.votes}});
    }
    return {{"class_runs", runs}};
}

}  // namespace salesdojo::report
