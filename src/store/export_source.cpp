// Stored attempts as export values. See export_source.hpp.
#include <salesdojo/store/export_source.hpp>

#include <map>

namespace salesdojo::store {

report::ExportedAttempt exported_attempt(const AttemptRecord& a, const std::string& trainee_name) {
    report::ExportedAttempt out;
    out.uid = a.uid;
    out.trainee = trainee_name;
    out.scenario_id = a.scenario_id;
    out.scenario_version = a.scenario_version;
    out.content_hash = a.content_hash;
    out.language = a.language;
    out.mode = a.mode;
    out.seed = a.seed;
    out.started_ms = a.started_ms;
    out.ended_ms = a.ended_ms;
    out.finished = a.finished;
    out.ending_node = a.ending_node;
    out.outcome = a.outcome;
    out.weighted_total = a.weighted_total;
    out.overall = a.overall;
    out.accuracy = a.accuracy;
    out.passed = a.passed;
    out.decisions.reserve(a.decisions.size());
    for (const auto& d : a.decisions) out.decisions.push_back({d.node_id, d.choice_id, d.verdict, d.loss, d.counted, d.seconds, {}});
    out.dimensions.reserve(a.dimensions.size());
    for (const auto& d : a.dimensions) out.dimensions.push_back({d.dimension_id, d.raw_total, d.score});
    return out;
}

std::vector<report::ExportedAttempt> exported_attempts(const ResultsStore& store, std::optional<std::int64_t> trainee_id,
                                                       const std::optional<std::string>& scenario_id) {
    std::map<std::int64_t, std::string> names;
    for (const auto& t : store.trainees()) names[t.id] = t.name;
    std::vector<report::ExportedAttempt> out;
    for (std::int64_t id : store.attempt_ids(trainee_id, scenario_id))
        if (const auto attempt = store.attempt(id)) out.push_back(exported_attempt(*attempt, names[attempt->trainee_id]));
    return out;
}

}  // namespace salesdojo::store
