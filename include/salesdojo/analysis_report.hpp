#pragma once
// What `salesdojo analyze` reports: envelopes, histograms, witnesses, endings, rubric warnings.
#include <salesdojo/analysis.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace salesdojo {

struct DimensionSummary {
    std::string id;            // dimension id, or "weighted" for the weighted total
    double min = 0.0, max = 0.0;
    Histogram histogram;       // empty for the weighted total
    std::vector<std::string> best_witness, worst_witness;  // choice ids ("~2" for random branch 2)
};

struct EndingSummary {
    std::string node;
    std::string outcome;
    bool reachable = false;
};

struct AnalysisReport {
    std::vector<DimensionSummary> dimensions;  // the rubric's, then "weighted"
    BigCount complete_paths;
    double scale_top = 0.0, scale_bottom = 0.0;  // the decision scale: value and pessimist at the start
    std::vector<EndingSummary> endings;
    std::vector<std::string> reachable_outcomes;
    std::size_t states = 0;
    double seconds = 0.0;
    Diagnostics warnings;  // SD31xx rubric-aware warnings
};

// Rubric-aware warnings alone (also part of the report): untouched dimensions, dominated options,
// unreachable endings, a pass mark that cannot be reached or missed, decisions that do not matter.
Diagnostics rubric_warnings(const Analysis& analysis);

AnalysisReport make_report(const Analysis& analysis);
std::string report_text(const AnalysisReport& report);
nlohmann::json report_json(const AnalysisReport& report);

}  // namespace salesdojo
