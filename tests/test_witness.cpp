// Witness paths of `analyze` on long stories: complete, and built in linear time (a 40,000-decision
// chain took 10.7 s when every new depth copied the whole path; see bench --hostile).
#include "test_support.hpp"

#include <salesdojo/analysis_report.hpp>

using namespace salesdojo;
using namespace salesdojo::test;

TEST_CASE("the witnesses of a 5,000-decision chain name every decision, in order") {
    std::string nodes;
    for (int i = 0; i < 5000; ++i)
        nodes += "{\"id\": \"n" + std::to_string(i) + "\", \"choices\": [{\"id\": \"c" + std::to_string(i) +
                 "\", \"score\": {\"qualify\": 1}, \"next\": \"n" + std::to_string(i + 1) + "\"}]},";
    nodes += "{\"id\": \"n5000\", \"ending\": {\"outcome\": \"qualified-fit\"}}";
    auto scenario = load_compact("{\"nodes\": [" + nodes + "]}", "chain", "1", "Chain");
    AnalysisResult result = analyse(scenario);
    REQUIRE(result.analysis);
    AnalysisReport report = make_report(*result.analysis);
    REQUIRE_FALSE(report.dimensions.empty());
    for (const auto& witness : {report.dimensions[0].best_witness, report.dimensions[0].worst_witness}) {
        REQUIRE(witness.size() == 5000);
        CHECK(witness.front() == "c0");
        CHECK(witness[2500] == "c2500");
        CHECK(witness.back() == "c4999");
    }
}
