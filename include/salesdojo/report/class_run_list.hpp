#pragma once
// The list of stored class runs (`salesdojo class list`, docs/classroom.md): one row per run with
// its date, scenario, language, decisions, ending, the group's decision score and the votes cast.
// The words come from the catalogue (classroom.list.*), in Dutch or English.
#include <salesdojo/class_log.hpp>
#include <salesdojo/report/results_export.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::report {

struct ClassRunRow {
    std::int64_t id = 0;  // the database row: what `salesdojo class report ID` takes
    std::string uid;
    std::int64_t started_ms = 0;
    std::string scenario_id;
    std::string title;  // the scenario's title; its id when the scenario file is not at hand
    std::string language;
    std::size_t decisions = 0;
    bool finished = false;
    std::string ending;                 // the ending's title (its node id without the scenario); "" unfinished
    std::optional<double> group_score;  // the group's decision score: only with the very file played
    std::size_t votes = 0;              // hands and phones over all decisions
    std::string problem;                // a damaged row: only id, uid, started_ms and this are set
};

// A row for a readable log. `at_hand` (may be null) is the scenario file with that id, if any: its
// title is used, and the score only when its content hash is the one the class played.
ClassRunRow class_run_row(std::int64_t id, const ClassLog& log, const ScenarioAtHand* at_hand, std::string_view language);

// A table for the terminal, a line per run, with a note when a score could not be computed.
std::string class_run_list_text(const std::vector<ClassRunRow>& rows, std::string_view language);
// {"class_runs": [{"id", "uid", "started_ms", "scenario_id", "title", "language", "decisions",
// "finished", "ending", "group_score" (null when unknown), "votes"} or {"id", "uid", "started_ms",
// "problem"}]}
nlohmann::json class_run_list_json(const std::vector<ClassRunRow>& rows);

}  // namespace salesdojo::report
