// Session: choices, conditions, assumptions, undo, determinism, save and restore.
#include "test_support.hpp"

#include <salesdojo/report/transcript.hpp>
#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {
std::shared_ptr<const Scenario> mini() { return load_valid("tests/data/valid/mini.json"); }
}

TEST_CASE("a new session waits at the start node with its options") {
    Session session(mini());
    CHECK(session.state() == SessionState::AwaitingChoice);
    CHECK(session.current().id == "open");
    auto options = session.options();
    REQUIRE(options.size() == 2);
    CHECK(options[0].available);
    CHECK(options[1].unsupported_facts == std::vector<int>{0});  // pitching before the need is known
    CHECK(session.values()[0] == 1);                              // trust starts at 1
    CHECK_FALSE(session.knows(0));
}

TEST_CASE("effects move variables, facts and tallies; conditions open options") {
    Session session(mini());
    session.choose(0);  // ask: qualify +2, trust +1, learns need_known
    CHECK(session.current().id == "pitch");
    CHECK(session.values()[0] == 2);
    CHECK(session.knows(0));
    CHECK(session.tallies() == std::vector<int>{2, 1});
    auto options = session.options();
    CHECK(options[0].available);  // trust >= 2 and need_known
    session.choose(0);
    CHECK(session.finished());
    CHECK(session.tallies() == std::vector<int>{3, 1});
    CHECK(session.weighted_total() == doctest::Approx(7.0));  // qualify weighs 2
    CHECK(session.options().empty());
}

TEST_CASE("an unavailable option is reported, and choosing it breaks the contract") {
    auto scenario = mini();
    Session session(scenario);
    // Reach "pitch" with trust still 1: impossible in mini, so check the condition directly.
    std::int32_t values[] = {1, 1};
    CHECK_FALSE(scenario->nodes[1].choices[0].condition.evaluate(values));
    session.choose(0);
    session.choose(1);
    CHECK(session.finished());
    CHECK_THROWS_AS(session.choose(0), std::logic_error);
}

TEST_CASE("acting on a fact not yet established is an unsupported assumption, charged on bias by rule") {
    Session session(mini(), 0);
    session.choose(1);  // pitch-now requires need_known
    const TranscriptEntry& decision = session.transcript()[0];
    CHECK(decision.assumed_facts == std::vector<int>{0});
    CHECK(session.tallies()[1] == -2);
    std::string text = report::transcript_text(session, {"en", "en"});
    CHECK(text.find("Unsupported assumption: Need known was not established (Bias -2)") != std::string::npos);
}

TEST_CASE("undo returns to any earlier decision with the state as it was") {
    Session session(mini());
    session.choose(0);
    session.choose(1);
    CHECK(session.finished());
    CHECK(session.tallies() == std::vector<int>{1, 2});
    session.undo();
    CHECK(session.current().id == "pitch");
    CHECK(session.tallies() == std::vector<int>{2, 1});
    session.undo_to(0);
    CHECK(session.current().id == "open");
    CHECK(session.values()[0] == 1);
    CHECK_FALSE(session.knows(0));
    CHECK(session.transcript().size() == 1);
    CHECK_FALSE(session.can_undo());
}

TEST_CASE("the same seed and choices give the same transcript; seeds reach every random branch") {
    auto scenario = mini();
    std::set<std::string> endings;
    for (std::uint64_t seed = 0; seed < 64; ++seed) {
        Session a(scenario, seed), b(scenario, seed);
        a.choose(1);
        b.choose(1);
        CHECK(report::transcript_text(a, {"en", "en"}) == report::transcript_text(b, {"en", "en"}));
        endings.insert(a.current().id);
    }
    CHECK(endings == std::set<std::string>{"won", "lost"});
    // The draw is a fixed function: these values are part of the save format's promise.
    const Node& roll = scenario->nodes[2];
    CHECK(draw_random_branch(roll, 0, 1) == draw_random_branch(roll, 0, 1));
    int won = 0;
    for (std::uint64_t seed = 0; seed < 4000; ++seed) won += draw_random_branch(roll, seed, 1) == 0;
    CHECK(won > 850);   // weight 1 of 4: about 1000
    CHECK(won < 1150);
}

TEST_CASE("save and restore mid-scenario reproduce the session") {
    auto scenario = mini();
    Session session(scenario, 42);
    session.choose(0);
    nlohmann::json save = save_session(session);
    CHECK(save["save_format"] == kSaveFormat);
    CHECK(save["decisions"] == nlohmann::json::array({"ask"}));
    std::string error;
    auto restored = restore_session(scenario, nlohmann::json::parse(save.dump()), error);
    REQUIRE(restored);
    CHECK(restored->seed() == 42);
    CHECK(restored->current().id == "pitch");
    CHECK(restored->tallies() == session.tallies());
    CHECK(report::transcript_text(*restored, {"nl", "nl"}) == report::transcript_text(session, {"nl", "nl"}));
}

TEST_CASE("a save that does not fit is refused with a reason") {
    auto scenario = mini();
    std::string error;
    nlohmann::json save = {{"save_format", 1}, {"scenario_id", "mini"}, {"scenario_version", "1.0.0"},
                           {"seed", 0}, {"decisions", {"ask", "no-such-choice"}}};
    CHECK_FALSE(restore_session(scenario, save, error));
    CHECK(error.find("no-such-choice") != std::string::npos);
    save["decisions"] = {"ask"};
    save["scenario_id"] = "other";
    CHECK_FALSE(restore_session(scenario, save, error));
    save["scenario_id"] = "mini";
    save["save_format"] = 99;
    CHECK_FALSE(restore_session(scenario, save, error));
    CHECK(error.find("save_format") != std::string::npos);
    CHECK_FALSE(restore_session(scenario, nlohmann::json::array(), error));
}

TEST_CASE("saves are written atomically: the target is complete and no temporary file is left") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "salesdojo_atomic_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string path = (dir / "save.json").string();
    std::string error;
    REQUIRE(write_file_atomically(path, "first", error));
    REQUIRE(write_file_atomically(path, "second version", error));
    CHECK(read_text_file(path) == "second version");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    CHECK_FALSE(write_file_atomically((dir / "missing" / "x.json").string(), "x", error));
    CHECK_FALSE(error.empty());
    fs::remove_all(dir);
}

TEST_CASE("find_choice accepts ids and 1-based numbers") {
    Session session(mini());
    CHECK(session.find_choice("ask") == 0);
    CHECK(session.find_choice("2") == 1);
    CHECK_FALSE(session.find_choice("3"));
    CHECK_FALSE(session.find_choice("0"));
    CHECK_FALSE(session.find_choice("nope"));
}
