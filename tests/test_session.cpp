// Session: choices, conditions, assumptions, undo, determinism, save and restore.
#include "test_support.hpp"

#include <salesdojo/report/transcript.hpp>
#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>
#include <type_traits>
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

TEST_CASE("effects move variables, facts and tallies, conditions open options") {
    Session session(mini());
    session.choose(0);  // ask: qualify +2, trust +1, learns need_known
    CHECK(session.current().id == "pitch");
    CHECK(session.values()[0] == 2);
    CHECK(session.knows(0));
    CHECK(session.tallies() == std::vector<std::int64_t>{2, 1});
    auto options = session.options();
    CHECK(options[0].available);  // trust >= 2 and need_known
    session.choose(0);
    CHECK(session.finished());
    CHECK(session.tallies() == std::vector<std::int64_t>{3, 1});
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
    CHECK(session.tallies() == std::vector<std::int64_t>{1, 2});
    session.undo();
    CHECK(session.current().id == "pitch");
    CHECK(session.tallies() == std::vector<std::int64_t>{2, 1});
    session.undo_to(0);
    CHECK(session.current().id == "open");
    CHECK(session.values()[0] == 1);
    CHECK_FALSE(session.knows(0));
    CHECK(session.transcript().size() == 1);
    CHECK_FALSE(session.can_undo());
}

TEST_CASE("the same seed and choices give the same transcript, seeds reach every random branch") {
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

namespace {
bool same_state(const Session& a, const Session& b) {
    if (a.state() != b.state() || a.values() != b.values() || a.tallies() != b.tallies() ||
        a.decisions() != b.decisions() || a.transcript().size() != b.transcript().size())
        return false;
    for (std::size_t i = 0; i < a.transcript().size(); ++i) {
        const TranscriptEntry& x = a.transcript()[i];
        const TranscriptEntry& y = b.transcript()[i];
        if (x.node != y.node || x.choice != y.choice || x.random_branch != y.random_branch || x.assumed_facts != y.assumed_facts)
            return false;
    }
    return true;
}
}  // namespace

TEST_CASE("undo puts back exactly the state a replay of the kept decisions gives, on every bundled scenario") {
    std::mt19937 rng(77);
    for (const auto& entry : std::filesystem::directory_iterator(source_path("scenarios"))) {
        if (entry.path().extension() != ".json") continue;
        LoadResult loaded = load_scenario_file(entry.path().string());
        REQUIRE(loaded.ok());
        CAPTURE(entry.path().string());
        for (int game = 0; game < 20; ++game) {
            const std::uint64_t seed = rng();
            Session session(loaded.scenario, seed);
            for (int step = 0; step < 40; ++step) {
                if (session.can_undo() && (rng() % 3 == 0 || session.state() != SessionState::AwaitingChoice)) {
                    if (rng() % 4 == 0) session.undo_to(rng() % (session.decision_count() + 1));
                    else session.undo();
                    Session replay(loaded.scenario, seed);
                    for (int choice : session.decisions()) replay.choose(choice);
                    REQUIRE(same_state(session, replay));
                    continue;
                }
                if (session.state() != SessionState::AwaitingChoice) break;
                std::vector<int> available(session.current().choices.size());
                const std::size_t n = session.available_choices(available.data(), available.size());
                REQUIRE(n > 0);
                session.choose(available[rng() % n]);
            }
        }
    }
}

TEST_CASE("tallies are 64-bit, so no session can overflow them") {
    // 1000 a choice overflowed an int after about 2.1 million decisions (undefined behaviour).
    static_assert(std::is_same_v<std::decay_t<decltype(std::declval<Session>().tallies()[0])>, std::int64_t>);
    auto scenario = load_compact(R"({"nodes": [
        {"id": "loop", "choices": [{"id": "again", "score": {"qualify": 1000}, "next": "loop"},
                                   {"id": "stop", "next": "end"}]},
        {"id": "end", "ending": {"outcome": "qualified-fit"}}]})", "loop", "1", "Loop");
    Session session(scenario);
    for (int i = 0; i < 10000; ++i) session.choose(0);
    CHECK(session.tallies()[0] == 10000000);
    session.undo();
    CHECK(session.tallies()[0] == 9999000);
}

TEST_CASE("write_file_atomically: the real error of a failed rename, stale temporaries of dead writers removed") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "salesdojo_atomic_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "target_is_a_folder" / "inside");
    std::string error;
    CHECK_FALSE(write_file_atomically((dir / "target_is_a_folder").string(), "x", error));
    CHECK(error.find("Success") == std::string::npos);
    CHECK(error.find("cannot replace") != std::string::npos);
    // A temporary of a process that no longer exists (pid 999999999 is above any pid_max) goes.
    std::ofstream(dir / "save.json.tmp-999999999") << "half";
    CHECK(write_file_atomically((dir / "save.json").string(), "{}", error));
    CHECK_FALSE(std::filesystem::exists(dir / "save.json.tmp-999999999"));
    CHECK(std::filesystem::exists(dir / "save.json"));
    std::filesystem::remove_all(dir);
}
