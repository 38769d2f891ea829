// ClassRun: the classroom state machine over a session (docs/classroom.md), and the class log.
#include "class_fixture.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/class_log.hpp>
#include <salesdojo/classroom/class_run.hpp>
#include <salesdojo/scoring.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace salesdojo;
using namespace salesdojo::classroom;
using namespace salesdojo::test;

namespace {

using Fixture = ClassFixture;

}  // namespace

TEST_CASE("a class starts at the first decision showing the available options, the vote closed") {
    Fixture f;
    REQUIRE(f.analysis);
    ClassRun run(f.scenario, f.analysis, {"en", false, 7, "uid-1"});
    CHECK(run.phase() == ClassPhase::Showing);
    CHECK(run.decision() == 0);
    CHECK(run.offered() == std::vector<int>{0, 1, 2});
    const AudienceView room = run.audience();
    CHECK(f.scenario->nodes[static_cast<std::size_t>(room.node)].id == "open");
    CHECK_FALSE(room.vote_open);
    CHECK_FALSE(room.tally);
    CHECK(run.cast_phone_vote("phone-a", 0, 1) == VoteResult::Closed);  // not opened yet
    CHECK(run.log().decisions.size() == 1);
    CHECK(run.log().uid == "uid-1");
    CHECK(run.log().seed == 7);
}

TEST_CASE("phones: one vote per device per decision, changeable until the vote closes") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    run.open_vote();
    CHECK(run.cast_phone_vote("a", 0, 0) == VoteResult::Counted);
    CHECK(run.cast_phone_vote("b", 0, 0) == VoteResult::Counted);
    CHECK(run.cast_phone_vote("a", 0, 0) == VoteResult::Unchanged);
    CHECK(run.tally().phones == std::vector<std::size_t>{2, 0, 0});
    CHECK(run.cast_phone_vote("a", 0, 2) == VoteResult::Changed);
    CHECK(run.tally().phones == std::vector<std::size_t>{1, 0, 1});
    CHECK(run.phone_vote_of("a") == std::optional<std::size_t>(2));
    CHECK(run.cast_phone_vote("c", 0, 3) == VoteResult::UnknownOption);
    CHECK(run.cast_phone_vote("c", 1, 0) == VoteResult::StaleDecision);
    CHECK(run.tally().total() == 2);
    run.reveal_tally();
    CHECK(run.cast_phone_vote("a", 0, 1) == VoteResult::Closed);
    CHECK(run.cast_phone_vote("d", 0, 1) == VoteResult::Closed);
    CHECK(run.tally().phones == std::vector<std::size_t>{1, 0, 1});
}

TEST_CASE("hands and phones add up, the tally is hidden from the room until revealed") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    run.open_vote();
    run.set_hand_count(1, 5);
    run.set_hand_count(1, 4);  // typed again: replaces, not adds
    run.cast_phone_vote("a", 0, 1);
    run.cast_phone_vote("b", 0, 0);
    CHECK(run.tally().votes(1) == 5);
    CHECK(run.tally().votes(0) == 1);
    const std::uint64_t before = run.tally_version();
    run.cast_phone_vote("c", 0, 2);
    CHECK(run.tally_version() > before);

    AudienceView room = run.audience();
    CHECK(room.vote_open);
    CHECK(room.votes_received == 7);
    CHECK_FALSE(room.tally);  // how many voted, not for what
    const TrainerView trainer = run.trainer();
    CHECK(trainer.live_tally.votes(1) == 5);
    CHECK(trainer.majority == std::optional<std::size_t>(1));

    run.reveal_tally();
    room = run.audience();
    REQUIRE(room.tally);
    CHECK(room.tally->votes(1) == 5);
    CHECK_FALSE(room.vote_open);
    CHECK(run.log().decisions[0].majority_id == std::optional<std::string>("pitch"));
}

TEST_CASE("trainer material (best option, verdicts, notes) is only in the trainer's view") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    const TrainerView trainer = run.trainer();
    CHECK(trainer.best == std::optional<std::size_t>(0));  // "ask"
    REQUIRE(trainer.verdicts.size() == 3);
    CHECK(trainer.verdicts[0] == Verdict::Best);
    CHECK(trainer.verdicts[2] != Verdict::Best);
    CHECK(trainer.prompt_count == 2);
    // The room's view has no field for them; it shows prompts only when the trainer does.
    CHECK(run.audience().prompts.empty());
    run.show_prompt(1);
    run.show_prompt(1);  // once
    CHECK(run.audience().prompts == std::vector<std::size_t>{1});
    CHECK_THROWS_AS(run.show_prompt(2), std::logic_error);
}

TEST_CASE("the majority is confirmed by default, a tie has none and the trainer must choose") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    run.open_vote();
    run.set_hand_count(0, 3);
    run.set_hand_count(1, 3);
    run.reveal_tally();
    CHECK_FALSE(run.majority());
    CHECK_FALSE(run.confirm_majority());  // a tie: nothing happens
    CHECK(run.phase() == ClassPhase::Revealed);
    CHECK_FALSE(run.log().decisions[0].majority_id);
    run.confirm(1);  // the trainer resolves it
    CHECK(run.phase() == ClassPhase::Consequence);
    CHECK(run.log().decisions[0].chosen_id == "pitch");
    CHECK_FALSE(run.log().decisions[0].overridden);  // no majority to override
}

TEST_CASE("no votes at all is no majority either") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    run.open_vote();
    run.reveal_tally();
    CHECK_FALSE(run.majority());
    CHECK_FALSE(run.confirm_majority());
}

TEST_CASE("the trainer may override the majority, the log says so") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    run.open_vote();
    run.set_hand_count(2, 9);
    run.set_hand_count(0, 1);
    run.reveal_tally();
    run.confirm(0);
    const ClassDecisionLog& d = run.log().decisions[0];
    CHECK(d.majority_id == std::optional<std::string>("leave"));
    CHECK(d.chosen_id == "ask");
    CHECK(d.overridden);
}

TEST_CASE("the consequence plays, feedback and verdict stay hidden until revealed") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    run.open_vote();
    run.set_hand_count(2, 4);
    run.reveal_tally();
    REQUIRE(run.confirm_majority());  // "leave": to the ending "lost"
    AudienceView room = run.audience();
    CHECK(room.chosen == std::optional<std::size_t>(2));
    REQUIRE(room.consequence.size() == 1);
    CHECK(f.scenario->nodes[static_cast<std::size_t>(room.consequence[0])].id == "lost");
    CHECK(room.ending_node == room.consequence[0]);
    CHECK_FALSE(room.feedback_choice);
    CHECK_FALSE(room.verdict);
    run.reveal_feedback();
    room = run.audience();
    CHECK(room.feedback_choice == std::optional<int>(2));
    REQUIRE(room.verdict);
    CHECK(*room.verdict != Verdict::Best);
    run.next();
    CHECK(run.phase() == ClassPhase::Finished);
    CHECK(run.log().finished);
    CHECK(run.log().ending_node == "lost");
}

TEST_CASE("calls in the wrong phase break the contract") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    CHECK_THROWS_AS(run.reveal_tally(), std::logic_error);
    CHECK_THROWS_AS(run.confirm(0), std::logic_error);
    CHECK_THROWS_AS(run.set_hand_count(0, 1), std::logic_error);
    CHECK_THROWS_AS(run.next(), std::logic_error);
    CHECK_THROWS_AS(run.reveal_feedback(), std::logic_error);
    run.open_vote();
    CHECK_THROWS_AS(run.open_vote(), std::logic_error);
    CHECK_THROWS_AS(run.set_hand_count(3, 1), std::logic_error);
    run.reveal_tally();
    CHECK_THROWS_AS(run.confirm(3), std::logic_error);
}

TEST_CASE("a vote from the previous decision never lands on the next one") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    run.open_vote();
    run.cast_phone_vote("a", 0, 0);
    run.reveal_tally();
    run.confirm_majority();
    run.next();
    CHECK(run.decision() == 1);
    run.open_vote();
    CHECK(run.cast_phone_vote("a", 0, 1) == VoteResult::StaleDecision);
    CHECK(run.tally().total() == 0);
    CHECK(run.cast_phone_vote("a", 1, 1) == VoteResult::Counted);  // a new decision: a new vote
}

TEST_CASE("names only when the trainer asks for them") {
    Fixture f;
    for (const bool names : {false, true}) {
        ClassRunOptions options;
        options.names = names;
        ClassRun run(f.scenario, f.analysis, options);
        run.open_vote();
        run.cast_phone_vote("a", 0, 0, "Ada");
        run.cast_phone_vote("b", 0, 1, "Bo");
        run.reveal_tally();
        const auto& named = run.log().decisions[0].named_votes;
        if (!names) {
            CHECK(named.empty());
        } else {
            REQUIRE(named.size() == 2);
            CHECK(std::count_if(named.begin(), named.end(), [](const NamedVote& v) { return v.name == "Ada" && v.choice_id == "ask"; }) == 1);
        }
    }
}

TEST_CASE("a whole class run of a bundled scenario: every decision voted, the log replays as the group's run") {
    auto scenario = load_valid("scenarios/cannot_pay.json");
    auto analysis = analyse(scenario).analysis;
    REQUIRE(analysis);
    ClassRun run(scenario, analysis, {"nl", true, 3, "class-uid"});
    std::size_t decisions = 0;
    while (run.phase() != ClassPhase::Finished) {
        REQUIRE(decisions < 50);
        const TrainerView trainer = run.trainer();
        if (trainer.prompt_count > 0) run.show_prompt(trainer.prompt_count - 1);
        run.open_vote();
        // The room leans to the last option; two phones vote for the best, one changes its mind.
        const std::size_t last = run.offered().size() - 1;
        run.set_hand_count(last, 2);
        const std::size_t best = trainer.best.value_or(0);
        run.cast_phone_vote("p1", run.decision(), best, "Ada");
        run.cast_phone_vote("p2", run.decision(), last, "Bo");
        run.cast_phone_vote("p2", run.decision(), best, "Bo");
        CHECK_FALSE(run.audience().tally);
        run.reveal_tally();
        if (decisions % 2 == 0 && run.majority()) {
            REQUIRE(run.confirm_majority());
        } else {
            run.confirm(best);
        }
        run.reveal_feedback();
        CHECK(run.audience().verdict.has_value());
        run.next();
        ++decisions;
    }
    const ClassLog& log = run.log();
    CHECK(log.decisions.size() == decisions);
    CHECK(log.finished);
    CHECK_FALSE(log.ending_node.empty());
    for (const ClassDecisionLog& d : log.decisions) {
        CHECK(d.tally_revealed);
        CHECK(d.feedback_revealed);
        CHECK(d.total_votes() == 4);
        CHECK(d.named_votes.size() == 2);
    }
    // The log replays to the same run and scores like an attempt.
    std::string error;
    auto replayed = replay_playthrough(scenario, log.playthrough(), error);
    INFO(error);
    REQUIRE(replayed);
    CHECK(replayed->finished());
    CHECK(replayed->current().id == log.ending_node);
    auto debrief = make_debrief(*analysis, log.playthrough(), error);
    REQUIRE(debrief);
    CHECK(debrief->decisions.size() == decisions);

    // And the log survives a JSON round trip unchanged.
    const nlohmann::json json = class_log_to_json(log);
    auto back = class_log_from_json(nlohmann::json::parse(json.dump()), error);
    INFO(error);
    REQUIRE(back);
    CHECK(class_log_to_json(*back) == json);
}

TEST_CASE("a class log with a wrong field is refused with a message naming it") {
    Fixture f;
    ClassRun run(f.scenario, f.analysis, {});
    nlohmann::json json = class_log_to_json(run.log());
    std::string error;
    REQUIRE(class_log_from_json(json, error));

    nlohmann::json bad = json;
    bad["decisions"][0]["hands"] = {1};
    CHECK_FALSE(class_log_from_json(bad, error));
    CHECK(error.find("decisions[0]") != std::string::npos);

    bad = json;
    bad["decisions"][0]["chosen"] = 3;
    CHECK_FALSE(class_log_from_json(bad, error));
    CHECK(error == "class log: decisions[0].'chosen' must be a string");

    bad = json;
    bad["class_log_format"] = 99;
    CHECK_FALSE(class_log_from_json(bad, error));
    CHECK(error.find("99") != std::string::npos);

    CHECK_FALSE(class_log_from_json(nlohmann::json::array(), error));
    CHECK_FALSE(error.empty());
}
