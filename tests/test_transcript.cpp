// Transcript rendering (report library) shared by the command line and golden plans.
#include "test_support.hpp"

#include <salesdojo/report/transcript.hpp>

#include <nlohmann/json.hpp>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {
const report::Languages kEn{"en", "en"}, kNl{"nl", "nl"};
}

TEST_CASE("a node shows speaker, expression and text, a decision shows its text, never an id") {
    auto s = load_valid("tests/data/valid/mini.json");
    CHECK(report::node_text(*s, s->nodes[0], kEn) == "Eva: What can you do for us?\n");
    CHECK(report::node_text(*s, s->nodes[1], kNl) == "Eva (tevreden): Dat klopt.\n");
    CHECK(report::node_text(*s, s->nodes[3], kEn) == "She signs.\n== Won (Qualified a good fit) ==\n");
    TranscriptEntry entry{0, 0, std::nullopt, {}};
    CHECK(report::decision_text(*s, entry, kEn) == "  > What is going on?\n");
    TranscriptEntry assumed{0, 1, std::nullopt, {0}};
    CHECK(report::decision_text(*s, assumed, kNl) ==
          "  > Ons pakket kost 5000 euro.\n    ! Aanname zonder onderbouwing: Behoefte bekend stond nog niet vast (Vooroordelen -2)\n");
}

TEST_CASE("at an ending the speaker's closing line comes first, then the narration, then the ending") {
    auto s = load_compact(R"({
      "cast": [{"id": "eva", "name": "Eva"}],
      "nodes": [
        {"id": "open", "speaker": "eva", "text": "Shall we?", "narration": "She looks up.",
         "choices": [{"id": "yes", "text": "Yes.", "next": "won"}]},
        {"id": "won", "speaker": "eva", "text": "Signed.", "narration": "Three months later she calls again.",
         "ending": {"outcome": "qualified-fit", "title": "Won"}}
      ]})", "ending-order", "1.0.0", "Ending order");
    // Before a line the narration sets the scene; at the ending it tells what happened afterwards.
    CHECK(report::node_text(*s, s->nodes[0], kEn) == "  (She looks up.)\nEva: Shall we?\n");
    CHECK(report::node_text(*s, s->nodes[1], kEn) ==
          "Eva: Signed.\n  (Three months later she calls again.)\n== Won (Qualified a good fit) ==\n");
}

TEST_CASE("the JSON transcript names nodes, choices, random branches and the ending") {
    auto s = load_valid("tests/data/valid/mini.json");
    Session session(s, 3);
    session.choose(1);
    nlohmann::json j = report::transcript_json(session, "en");
    CHECK(j["state"] == "finished");
    CHECK(j["steps"][0]["node"] == "open");
    CHECK(j["steps"][0]["choice"]["id"] == "pitch-now");
    CHECK(j["steps"][0]["choice"]["assumed_facts"] == nlohmann::json::array({"need_known"}));
    CHECK(j["steps"][1]["node"] == "roll");
    CHECK(j["steps"][1].contains("random_branch"));
    CHECK(j["steps"].back().contains("ending"));
    CHECK(j["totals"]["bias"] == -2);
}
