// Golden transcripts (tests/data/plans/*.plan): a scenario, a seed, choices, and the exact expected
// transcript with totals. Each plan runs twice: straight through, and with a save/restore round trip
// in the middle (as ink's JsonRoundTrip mode does). Any unexpected line fails.
//
// Plan format:
//   # comment lines
//   scenario: scenarios/demanding_director.json
//   language: en
//   seed: 0
//   choices: ask-topic, propose-call, ...
//   ---
//   <expected transcript, as `salesdojo run --choices` prints it, in the plan's language>
//
// Set SALESDOJO_UPDATE_PLANS=1 to rewrite the expected part from the current engine (then review the diff).
#include "test_support.hpp"

#include <salesdojo/report/transcript.hpp>
#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

struct Plan {
    std::map<std::string, std::string> header;
    std::vector<std::string> choices;
    std::string header_text;
    std::string expected;
};

Plan read_plan(const std::string& path) {
    Plan plan;
    std::string text = read_text_file(path);
    auto separator = text.find("\n---\n");
    REQUIRE_MESSAGE(separator != std::string::npos, path << ": no '---' line between header and transcript");
    plan.header_text = text.substr(0, separator + 5);
    plan.expected = text.substr(separator + 5);
    std::stringstream lines(text.substr(0, separator));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto colon = line.find(':');
        REQUIRE_MESSAGE(colon != std::string::npos, path << ": bad header line '" << line << "'");
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        plan.header[line.substr(0, colon)] = value;
    }
    std::stringstream choices(plan.header["choices"]);
    std::string choice;
    while (std::getline(choices, choice, ',')) {
        choice.erase(0, choice.find_first_not_of(' '));
        choice.erase(choice.find_last_not_of(' ') + 1);
        if (!choice.empty()) plan.choices.push_back(choice);
    }
    return plan;
}

void choose_all(Session& session, const std::vector<std::string>& choices, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
        auto choice = session.find_choice(choices[i]);
        REQUIRE_MESSAGE(choice, "choice '" << choices[i] << "' not found at node '" << session.current().id << "'");
        REQUIRE(session.options()[static_cast<std::size_t>(*choice)].available);
        session.choose(*choice);
    }
}

std::vector<std::string> plan_files() {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(source_path("tests/data/plans")))
        if (entry.path().extension() == ".plan") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("golden transcripts replay exactly, directly and after a save/restore in the middle") {
    auto files = plan_files();
    REQUIRE_FALSE(files.empty());
    for (const auto& file : files) {
        CAPTURE(file);
        Plan plan = read_plan(file);
        auto scenario = load_valid(plan.header["scenario"]);
        std::string language = plan.header.count("language") ? plan.header["language"] : scenario->default_language();
        std::uint64_t seed = plan.header.count("seed") ? std::stoull(plan.header["seed"]) : 0;

        Session direct(scenario, seed);
        choose_all(direct, plan.choices, 0, plan.choices.size());
        const report::Languages languages{language, language};
        std::string actual = report::transcript_text(direct, languages);
        if (std::getenv("SALESDOJO_UPDATE_PLANS")) {
            std::ofstream(file, std::ios::binary) << plan.header_text << actual;
            continue;
        }
        CHECK(actual == plan.expected);

        std::size_t half = plan.choices.size() / 2;
        Session first_half(scenario, seed);
        choose_all(first_half, plan.choices, 0, half);
        std::string saved = save_session(first_half).dump();
        std::string error;
        auto restored = restore_session(scenario, nlohmann::json::parse(saved), error);
        REQUIRE_MESSAGE(restored, error);
        choose_all(*restored, plan.choices, half, plan.choices.size());
        CHECK(report::transcript_text(*restored, languages) == plan.expected);
        CHECK(restored->tallies() == direct.tallies());
    }
}
