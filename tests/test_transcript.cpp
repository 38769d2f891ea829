// Transcript presentation shared by the command line and golden plans.
#include "test_support.hpp"

#include <salesdojo/transcript.hpp>

#include <nlohmann/json.hpp>

using namespace salesdojo;
using namespace salesdojo::test;

TEST_CASE("a node shows speaker, expression and text; a decision shows its id and text") {
    auto s = load_valid("tests/data/valid/mini.json");
    CHECK(format_node(*s, s->nodes[0], "en") == "Eva: What can you do for us?\n");
    CHECK(format_node(*s, s->nodes[1], "nl") == "Eva [pleased]: Dat klopt.\n");
    CHECK(format_node(*s, s->nodes[3], "en") == "She signs.\n== Won [qualified-fit] ==\n");
    TranscriptEntry entry{0, 0, kNoIndex, {}};
    CHECK(format_decision(*s, entry, "en") == "  > [ask] What is going on?\n");
}

TEST_CASE("the JSON transcript names nodes, choices, random branches and the ending") {
    auto s = load_valid("tests/data/valid/mini.json");
    Session session(s, 3);
    session.choose(1);
    nlohmann::json j = transcript_to_json(session, "en");
    CHECK(j["state"] == "finished");
    CHECK(j["steps"][0]["node"] == "open");
    CHECK(j["steps"][0]["choice"]["id"] == "pitch-now");
    CHECK(j["steps"][0]["choice"]["assumed_facts"] == nlohmann::json::array({"need_known"}));
    CHECK(j["steps"][1]["node"] == "roll");
    CHECK(j["steps"][1].contains("random_branch"));
    CHECK(j["steps"].back().contains("ending"));
    CHECK(j["totals"]["bias"] == -2);
}
