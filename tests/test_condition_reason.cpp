// unmet_condition (condition_reason.hpp) and its words (report/play_words.hpp): why an option is
// unavailable, in fact titles a trainee can read, never a variable's id.
#include "test_support.hpp"

#include <salesdojo/condition_reason.hpp>
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/play_words.hpp>
#include <salesdojo/session.hpp>

#include <doctest/doctest.h>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {

// One decision node whose only gated choice carries `condition`; "learn_a" and "learn_b" teach the
// facts, "warm" raises rapport; a second node lets the session come back to the gate.
std::shared_ptr<const Scenario> gated(const std::string& condition) {
    const std::string body = R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Q"}]},
      "variables": [{"id": "rapport", "type": "int", "min": 0, "max": 3}],
      "facts": [{"id": "a_known", "title": {"en": "The budget", "nl": "Het budget"}},
                {"id": "b_known", "title": {"en": "Who decides", "nl": "Wie beslist"}}],
      "nodes": [
        {"id": "gate", "choices": [
          {"id": "gated", "condition": ")" + condition + R"(", "next": "end"},
          {"id": "learn_a", "learns": ["a_known"], "next": "gate2"},
          {"id": "learn_both", "learns": ["a_known", "b_known"], "next": "gate2"},
          {"id": "warm", "add": {"rapport": 3}, "next": "gate2"}]},
        {"id": "gate2", "choices": [
          {"id": "gated2", "condition": ")" + condition + R"(", "next": "end"},
          {"id": "other", "next": "end"}]},
        {"id": "end", "ending": {"outcome": "qualified-fit"}}
      ]})";
    return load_compact(body, "gated", "1", "Gated");
}

std::optional<UnmetCondition> unmet_at(const Session& session, int choice) {
    const Choice& c = session.current().choices[static_cast<std::size_t>(choice)];
    return unmet_condition(session.scenario(), c.condition, session.values());
}

}  // namespace

TEST_CASE("unmet condition: the facts to find out, the facts in the way, or the conversation") {
    SUBCASE("a fact not known yet") {
        Session s(gated("a_known and b_known"));
        const auto unmet = unmet_at(s, 0);
        REQUIRE(unmet);
        CHECK(unmet->facts_needed == std::vector<int>{0, 1});
        CHECK(unmet->facts_in_the_way.empty());
        CHECK_FALSE(unmet->depends_on_variables);
        const std::string en = report::unavailable_reason(s.scenario(), *unmet, {"en", "en"});
        CHECK(en == "Not possible yet: first find out \u201cThe budget\u201d and \u201cWho decides\u201d.");
        s.choose(1);  // learns a_known only
        const auto after = unmet_at(s, 0);
        REQUIRE(after);
        CHECK(after->facts_needed == std::vector<int>{1});
        const std::string nl = report::unavailable_reason(s.scenario(), *after, {"nl", "nl"});
        CHECK(nl == "Nog niet mogelijk. Zoek eerst uit: \u201cWie beslist\u201d.");
    }
    SUBCASE("known facts rule it out") {
        Session s(gated("not (a_known and b_known)"));
        CHECK_FALSE(unmet_at(s, 0));  // holds at the start
        s.choose(2);                  // learns both
        const auto unmet = unmet_at(s, 0);
        REQUIRE(unmet);
        CHECK(unmet->facts_needed.empty());
        CHECK(unmet->facts_in_the_way == std::vector<int>{0, 1});
        CHECK(report::unavailable_reason(s.scenario(), *unmet, {"en", "en"}) ==
              "No longer possible now that you know \u201cThe budget\u201d and \u201cWho decides\u201d.");
    }
    SUBCASE("a variable: no id in the words") {
        Session s(gated("rapport >= 2"));
        const auto unmet = unmet_at(s, 0);
        REQUIRE(unmet);
        CHECK(unmet->depends_on_variables);
        for (const char* language : {"en", "nl"}) {
            const std::string words = report::unavailable_reason(s.scenario(), *unmet, {language, language});
            CHECK(words == report::word("play.unavailable_conversation", language));
            CHECK(words.find("rapport") == std::string::npos);
        }
        s.choose(3);  // rapport 3: now it holds
        CHECK_FALSE(unmet_at(s, 0));
    }
    SUBCASE("a variable and a fact: the fact is named when it alone is missing") {
        Session s(gated("rapport >= 2 and a_known"));
        const auto start = unmet_at(s, 0);
        REQUIRE(start);
        CHECK(start->depends_on_variables);  // learning the fact alone would not do
        CHECK(start->facts_needed.empty());
        s.choose(3);
        const auto warm = unmet_at(s, 0);
        REQUIRE(warm);
        CHECK(warm->facts_needed == std::vector<int>{0});
        CHECK_FALSE(warm->depends_on_variables);
    }
}

TEST_CASE("the assumption charge as it happens names the fact and the dimension, never an id") {
    const auto scenario = load_valid("tests/data/valid/mini.json");
    Session s(scenario);
    s.choose(1);  // pitch-now requires need_known, not yet established
    const TranscriptEntry& entry = s.transcript()[0];
    REQUIRE(entry.assumed_facts == std::vector<int>{0});
    const auto en = report::assumption_lines(*scenario, entry.assumed_facts, {"en", "en"});
    REQUIRE(en.size() == 1);
    CHECK(en[0].find("Need known") != std::string::npos);
    CHECK(en[0].find("need_known") == std::string::npos);
    const auto nl = report::assumption_lines(*scenario, entry.assumed_facts, {"nl", "nl"});
    REQUIRE(nl.size() == 1);
    CHECK(nl[0].find("Behoefte bekend") != std::string::npos);
    CHECK(nl[0].rfind("Aanname zonder onderbouwing", 0) == 0);
}

TEST_CASE("a hint names the principles the best option cites, not the option") {
    const auto scenario = load_valid("tests/data/valid/mini.json");
    const AnalysisResult result = analyse(scenario);
    REQUIRE(result.analysis);
    Session s(scenario);
    const std::vector<int> principles = report::hint_principles(*result.analysis, s);
    CHECK(principles == std::vector<int>{0});  // "ask-first", cited by the best option "ask"
    s.choose(0);
    s.choose(1);  // to the end: no decision, no hint
    CHECK(report::hint_principles(*result.analysis, s).empty());
}
