// The bundled pack: every file in scenarios/ loads with no error and no warning, in every language.
#include "test_support.hpp"

#include <salesdojo/session.hpp>

#include <filesystem>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

TEST_CASE("every bundled scenario lints clean") {
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_path("scenarios"))) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        LoadResult result = load_scenario_file(entry.path().string());
        std::string messages;
        for (const auto& d : result.diagnostics) messages += format_diagnostic(d) + "\n";
        INFO(messages);
        CHECK(result.ok());
        CHECK(result.diagnostics.empty());
        if (!result.ok()) continue;
        const Scenario& s = *result.scenario;
        CHECK(s.languages.size() >= 2);
        // Every node and choice says something in every language (plain strings count for all).
        for (const auto& node : s.nodes)
            for (const auto& language : s.languages) {
                CHECK_MESSAGE(node.text.has(language), node.id << " has no " << language << " text");
                for (const auto& choice : node.choices) CHECK(choice.text.has(language));
            }
    }
    CHECK(files >= 1);
}

TEST_CASE("the demanding director can be played to an ending whatever the trainee picks first") {
    auto scenario = load_valid("scenarios/demanding_director.json");
    // Always the first available option, then always the last: both must end, not get stuck.
    for (int policy = 0; policy < 2; ++policy) {
        Session session(scenario, 1);
        for (int step = 0; step < 200 && session.state() == SessionState::AwaitingChoice; ++step) {
            auto options = session.options();
            int pick = -1;
            for (const auto& option : options)
                if (option.available && (pick < 0 || policy == 1)) pick = option.index;
            REQUIRE(pick >= 0);
            session.choose(pick);
        }
        CHECK(session.finished());
        CHECK(session.decision_count() >= 3);
    }
}
