// Playtests: a session that starts at any node with chosen variables and facts (start_point.hpp),
// its analysis and debrief from there, and how it is marked.
#include "test_support.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/transcript.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/start_point.hpp>

#include <nlohmann/json.hpp>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {
std::shared_ptr<const Scenario> mini() { return load_valid("tests/data/valid/mini.json"); }

StartPoint start_or_fail(const Scenario& s, const PlaytestSetup& setup) {
    std::string error;
    auto start = playtest_start(s, setup, error);
    INFO(error);
    REQUIRE(start);
    return *start;
}
}  // namespace

TEST_CASE("playtest_start resolves a node, variables and facts by id") {
    auto s = mini();
    const StartPoint start = start_or_fail(*s, {"pitch", {{"trust", "3"}}, {"need_known"}});
    CHECK(s->nodes[static_cast<std::size_t>(start.node)].id == "pitch");
    CHECK(start.values == std::vector<std::int32_t>{3, 1});
    const StartPoint plain = start_or_fail(*s, {"won", {}, {}});
    CHECK(plain.values == s->initial_values());
}

TEST_CASE("playtest_start names what it does not know, with the nearest id") {
    auto s = mini();
    std::string error;
    CHECK_FALSE(playtest_start(*s, {"pich", {}, {}}, error));
    CHECK(error == "no node 'pich' in this scenario (did you mean 'pitch'?)");
    CHECK_FALSE(playtest_start(*s, {"pitch", {{"trst", "1"}}, {}}, error));
    CHECK(error == "no variable 'trst' in this scenario (did you mean 'trust'?)");
    CHECK_FALSE(playtest_start(*s, {"pitch", {}, {"need_knwn"}}, error));
    CHECK(error == "no fact 'need_knwn' in this scenario (did you mean 'need_known'?)");
    CHECK_FALSE(playtest_start(*s, {"pitch", {}, {"budget"}}, error));
    CHECK(error == "no fact 'budget' in this scenario (it has: need_known)");
    CHECK_FALSE(playtest_start(*s, {"pitch", {{"trust", "4"}}, {}}, error));
    CHECK(error == "variable 'trust' must lie within 0..3, not 4");
    CHECK_FALSE(playtest_start(*s, {"pitch", {{"trust", "two"}}, {}}, error));
    CHECK(error == "variable 'trust' is an integer: 'two' is not one");
    CHECK_FALSE(playtest_start(*s, {"pitch", {{"trust", ""}}, {}}, error));
}

TEST_CASE("a flag variable takes true or false") {
    auto s = load_compact(R"({"variables": [{"id": "called", "type": "bool"}],
        "nodes": [{"id": "a", "choices": [{"id": "go", "condition": "called", "next": "b"}, {"id": "stay", "next": "b"}]},
                  {"id": "b", "ending": {"outcome": "qualified-fit"}}]})", "flags", "1.0.0", "Flags");
    std::string error;
    CHECK(start_or_fail(*s, {"a", {{"called", "true"}}, {}}).values == std::vector<std::int32_t>{1});
    CHECK(start_or_fail(*s, {"a", {{"called", "false"}}, {}}).values == std::vector<std::int32_t>{0});
    CHECK_FALSE(playtest_start(*s, {"a", {{"called", "yes"}}, {}}, error));
    CHECK(error == "variable 'called' is a flag: give true or false, not 'yes'");
}

TEST_CASE("a playtest session starts at its node with its values, and restart goes back there") {
    auto s = mini();
    Session session(s, 7, start_or_fail(*s, {"pitch", {{"trust", "2"}}, {"need_known"}}));
    CHECK(session.is_playtest());
    CHECK(session.current().id == "pitch");
    CHECK(session.values() == std::vector<std::int32_t>{2, 1});
    auto offer = session.find_choice("offer");
    REQUIRE(offer);
    CHECK(session.options()[static_cast<std::size_t>(*offer)].available);  // trust >= 2 and need_known
    session.choose(*offer);
    CHECK(session.finished());
    CHECK(session.tallies() == std::vector<std::int64_t>{1, 0});
    session.undo();
    CHECK(session.current().id == "pitch");
    session.choose(*session.find_choice("leave"));
    session.restart();
    CHECK(session.current().id == "pitch");
    CHECK(session.values() == std::vector<std::int32_t>{2, 1});
    CHECK(session.decision_count() == 0);

    // Without the settings, the same node offers only 'leave'.
    Session bare(s, 0, start_or_fail(*s, {"pitch", {}, {}}));
    CHECK_FALSE(bare.options()[static_cast<std::size_t>(*bare.find_choice("offer"))].available);
    CHECK_FALSE(Session(s).is_playtest());
}

TEST_CASE("a playtest starting at a random node draws from there") {
    auto s = mini();
    Session session(s, 3, start_or_fail(*s, {"roll", {}, {}}));
    CHECK(session.finished());
    CHECK(session.transcript().front().node == s->find_node("roll"));
    CHECK(session.transcript().front().random_branch.has_value());
}

TEST_CASE("a playtest's playthrough carries its start: it replays and survives JSON") {
    auto s = mini();
    Session session(s, 5, start_or_fail(*s, {"pitch", {{"trust", "3"}}, {"need_known"}}));
    session.choose(*session.find_choice("offer"));
    const Playthrough p = session.playthrough();
    REQUIRE(p.playtest());
    CHECK(p.start->node == s->find_node("pitch"));
    std::string error;
    auto replayed = replay_playthrough(s, p, error);
    REQUIRE(replayed);
    CHECK(replayed->is_playtest());
    CHECK(replayed->finished());
    CHECK(replayed->tallies() == session.tallies());
    const nlohmann::json j = playthrough_to_json(p);
    CHECK(j["start"]["values"] == nlohmann::json::array({3, 1}));
    auto back = playthrough_from_json(j, error);
    REQUIRE(back);
    CHECK(back->start->node == p.start->node);
    CHECK(back->start->values == p.start->values);
    // A real run has no start in its JSON, and a malformed start is refused.
    CHECK_FALSE(playthrough_to_json(Session(s).playthrough()).contains("start"));
    nlohmann::json bad = j;
    bad["start"]["values"] = "lots";
    CHECK_FALSE(playthrough_from_json(bad, error));
    CHECK(error.find("'start'") != std::string::npos);
    Playthrough wrong = p;
    wrong.start->values.push_back(1);
    CHECK_FALSE(replay_playthrough(s, wrong, error));
    CHECK(error == "this playtest's start does not fit the scenario");
}

TEST_CASE("a playtest's debrief measures the decisions from its start, and says it is a playtest") {
    auto s = mini();
    const StartPoint start = start_or_fail(*s, {"pitch", {}, {}});  // trust 1, need unknown: not reachable in play
    Session session(s, 0, start);
    session.choose(*session.find_choice("leave"));

    // Analysed from the scenario's start, the state is unknown: no decision could be judged.
    const AnalysisResult from_scenario_start = analyse(s);
    REQUIRE(from_scenario_start.analysis);
    CHECK(make_debrief(*from_scenario_start.analysis, session).decisions.empty());

    const AnalysisResult from_here = analyse_from(s, start);
    REQUIRE(from_here.analysis);
    const Debrief debrief = make_debrief(*from_here.analysis, session);
    REQUIRE(debrief.decisions.size() == 1);
    CHECK(debrief.decisions[0].verdict == Verdict::Best);  // the only option there
    CHECK(debrief.overall_score == doctest::Approx(100.0));
    CHECK(debrief.playthrough.playtest());

    const report::Languages en{"en", "en"}, nl{"nl", "nl"};
    CHECK(report::debrief_text(debrief, *s, en).find("Playtest from a chosen point") != std::string::npos);
    CHECK(report::debrief_text(debrief, *s, nl).find("Speltest vanaf een gekozen punt") != std::string::npos);
    CHECK(report::debrief_markdown(debrief, *s, en).find("> Playtest from a chosen point") != std::string::npos);
    CHECK(report::debrief_html(debrief, *s, en).find("Playtest from a chosen point") != std::string::npos);
    CHECK(report::debrief_json(debrief, *s, en)["playtest"] == true);

    Session real(s);
    real.choose(0);
    real.choose(*real.find_choice("offer"));
    const Debrief normal = make_debrief(*from_scenario_start.analysis, real);
    CHECK(report::debrief_json(normal, *s, en)["playtest"] == false);
    CHECK(report::debrief_text(normal, *s, en).find("Playtest") == std::string::npos);
}

TEST_CASE("the transcript marks a playtest: header in words, flag and node in JSON") {
    auto s = mini();
    Session session(s, 0, start_or_fail(*s, {"pitch", {}, {}}));
    const report::Languages en{"en", "en"}, nl{"nl", "nl"};
    CHECK(report::transcript_text(session, en).rfind("** Playtest from \xE2\x80\x9CThat's right.\xE2\x80\x9D (not stored) **\n", 0) == 0);
    CHECK(report::transcript_text(session, nl).rfind("** Speltest vanaf \xE2\x80\x9C" "Dat klopt.\xE2\x80\x9D (niet bewaard) **\n", 0) == 0);
    const nlohmann::json j = report::transcript_json(session, "en");
    CHECK(j["playtest"] == true);
    CHECK(j["playtest_from"] == "pitch");
    const nlohmann::json real = report::transcript_json(Session(s), "en");
    CHECK(real["playtest"] == false);
    CHECK_FALSE(real.contains("playtest_from"));
    CHECK(report::playtest_header(Session(s), en).empty());
}

TEST_CASE("analyse_from refuses a start that does not fit the scenario") {
    auto s = mini();
    CHECK_THROWS_AS(analyse_from(s, StartPoint{99, s->initial_values()}), std::logic_error);
    CHECK_THROWS_AS(analyse_from(s, StartPoint{0, {1}}), std::logic_error);
    CHECK_THROWS_AS(Session(s, 0, StartPoint{0, {}}), std::logic_error);
}
