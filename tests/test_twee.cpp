// Twee 3 import (include/salesdojo/authoring/twee.hpp): the specification's examples, the four link
// forms, what is left to the author, and that every skeleton loads.
#include "test_support.hpp"

#include <salesdojo/authoring/twee.hpp>

#include <random>

using namespace salesdojo;
using namespace salesdojo::authoring;
using namespace salesdojo::test;
using nlohmann::ordered_json;

namespace {

TweeImport import_file(const std::string& relative) {
    return import_twee(read_text_file(source_path(relative)), relative, {"en", "story"});
}

// The skeleton must load with our loader (warnings allowed).
std::shared_ptr<const Scenario> load_skeleton(const TweeImport& imported) {
    REQUIRE_FALSE(imported.scenario.is_null());
    LoadResult loaded = load_scenario_text(imported.scenario.dump(2), "skeleton.json");
    std::string messages;
    for (const auto& d : loaded.diagnostics) messages += format_diagnostic(d) + "\n";
    INFO(imported.scenario.dump(2) << "\n" << messages);
    REQUIRE(loaded.ok());
    return loaded.scenario;
}

const ordered_json& node(const TweeImport& imported, const std::string& id) {
    for (const auto& n : imported.scenario["nodes"])
        if (n["id"] == id) return n;
    FAIL("no node " << id);
    static ordered_json none;
    return none;
}

std::vector<std::string> messages(const TweeImport& imported, ProblemKind kind) {
    std::vector<std::string> out;
    for (const auto& p : imported.problems)
        if (p.kind == kind) out.push_back(format_problem(p));
    return out;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("twee: the specification's examples: title, StoryData start, tags, metadata, escapes, duplicates") {
    const TweeImport imported = import_file("tests/data/twee/spec_examples.twee");
    auto scenario = load_skeleton(imported);
    CHECK(scenario->id == "an_overgrown_path");
    CHECK(scenario->title.get("en") == "An overgrown path");
    CHECK(scenario->nodes[static_cast<std::size_t>(scenario->start)].id == "my_starting_passage");
    CHECK(scenario->languages == std::vector<std::string>{"en"});
    const auto& start = node(imported, "my_starting_passage");
    CHECK(start["text"] == "You stand at the edge of the forest.");
    REQUIRE(start["choices"].size() == 2);
    CHECK(start["choices"][0] == ordered_json({{"id", "an_overgrown_path"}, {"text", "An overgrown path"}, {"next", "an_overgrown_path"}}));
    CHECK(start["choices"][1]["next"] == "home");
    CHECK(node(imported, "home")["ending"]["outcome"] == "qualified-fit");
    CHECK(imported.passages == 3);
    const auto warnings = messages(imported, ProblemKind::Warning);
    CHECK(any_contains(warnings, "spec_examples.twee:27:1: warning: a second passage named 'An overgrown path' (the first is on line 23) is ignored"));
    const auto todos = messages(imported, ProblemKind::Todo);
    CHECK(any_contains(todos, ":33:1: todo: 'Bramble[s]' cannot be reached from the start and is left out"));
    CHECK(any_contains(todos, "written for SugarCube"));
    CHECK(any_contains(todos, "'Home' has no links, so it is an ending: choose its outcome class"));
    CHECK(messages(imported, ProblemKind::Error).empty());
}

TEST_CASE("twee: the four link forms, setters, missing passages, loops without an ending") {
    const TweeImport imported = import_file("tests/data/twee/link_forms.twee");
    load_skeleton(imported);
    CHECK(imported.scenario["start"] == "start");
    const auto& start = node(imported, "start");
    CHECK(start["text"] == "Ingrid waits for your answer.\nYou could also pitch right away or wait.");
    std::vector<std::pair<std::string, std::string>> choices;
    for (const auto& c : start["choices"]) choices.emplace_back(c["id"].get<std::string>(), c["next"].get<std::string>());
    CHECK(choices == std::vector<std::pair<std::string, std::string>>{{"ask", "ask"},
                                                                      {"ask_about_the_budget", "budget"},
                                                                      {"ask_who_decides", "decider"},
                                                                      {"pitch_right_away", "pitch"},
                                                                      {"promise_a_discount", "pitch"},
                                                                      {"call_the_director", "todo_director"}});
    CHECK(start["choices"][2]["text"] == "Ask who decides");
    CHECK(node(imported, "budget")["ending"]["outcome"] == "qualified-fit");
    CHECK(node(imported, "decider")["ending"]["outcome"] == "declined-misfit");
    CHECK(node(imported, "todo_director")["text"] == "TODO: write the passage 'Director'.");
    // Ask <-> Loop reach no ending: Ask gets a placeholder way out.
    const auto& ask = node(imported, "ask");
    REQUIRE(ask["choices"].size() == 2);
    CHECK(ask["choices"][1]["next"] == "todo_way_out");
    CHECK(node(imported, "loop")["choices"].size() == 1);

    const auto todos = messages(imported, ProblemKind::Todo);
    CHECK(any_contains(todos, "link_forms.twee:10: todo: the link 'Promise a discount' sets '$discount to true'"));
    CHECK(any_contains(todos, "link_forms.twee:11: todo: 'Start' links to 'Director', which is no passage"));
    CHECK(any_contains(todos, "link_forms.twee:24:1: todo: 'Pitch' uses a macro (<<...>>)"));
    CHECK(any_contains(todos, "link_forms.twee:31:1: todo: 'Orphan' cannot be reached from the start"));
    CHECK(any_contains(todos, "link_forms.twee:13:1: todo: 'Ask' is in a loop no ending can be reached from"));
    CHECK_FALSE(any_contains(todos, "'Budget' has no links"));  // its tag names the outcome
    CHECK(imported.choices == 8);  // the placeholder way out is not counted
    CHECK(imported.endings == 3);
}

TEST_CASE("twee: Harlowe hooks around links, CRLF, a BOM, and names with escapes") {
    const std::string story = "\xEF\xBB\xBF:: A \\[draft\\] start [tag] \r\n(if: $x)[[[Next]]]\r\nSome text.\r\n\r\n:: Next\r\nDone.\r\n";
    const TweeImport imported = import_twee(story, "s.twee", {"nl", "fallback"});
    load_skeleton(imported);
    CHECK(imported.scenario["id"] == "fallback");
    CHECK(imported.scenario["languages"] == ordered_json::array({"nl"}));
    const auto& start = node(imported, "a_draft_start");
    CHECK(start["choices"][0]["next"] == "next");
    CHECK(start["text"] == "(if: $x)[Next]\nSome text.");
    CHECK(any_contains(messages(imported, ProblemKind::Todo), "'A [draft] start' uses a macro ((if:...)"));
}

TEST_CASE("twee: what cannot be read is an error, what is odd is a warning") {
    TweeImport r = import_twee("no passages here\n", "x.twee");
    CHECK(r.scenario.is_null());
    CHECK(any_contains(messages(r, ProblemKind::Error), "no story passages"));
    CHECK(any_contains(messages(r, ProblemKind::Warning), "x.twee:1:1: warning: text before the first passage header is ignored"));
    r = import_twee(":: A\nok\n:: B\n\xFF\n", "x.twee");
    CHECK(r.scenario.is_null());
    CHECK(any_contains(messages(r, ProblemKind::Error), "x.twee:4:1: error: invalid UTF-8"));
    r = import_twee(":: StoryData\n{not json\n:: A {bad\nText.\n", "x.twee");
    load_skeleton(r);
    CHECK(any_contains(messages(r, ProblemKind::Warning), "x.twee:1:1: warning: StoryData is not a JSON object"));
    CHECK(any_contains(messages(r, ProblemKind::Warning), "x.twee:3:6: warning: the metadata block is not valid JSON"));
    r = import_twee(":: StoryInit\n<<set $a to 1>>\n:: Only script [script]\nvar x;\n", "x.twee");
    CHECK(r.scenario.is_null());
}

TEST_CASE("twee: random stories always give a skeleton that loads") {
    std::mt19937 random(14);
    const std::vector<std::string> names = {"Start", "Hall", "Desk", "Phone", "End one", "End two", "Loop", "x"};
    for (int round = 0; round < 300; ++round) {
        std::string story;
        const int passages = 1 + static_cast<int>(random() % names.size());
        for (int p = 0; p < passages; ++p) {
            story += ":: " + names[static_cast<std::size_t>(p)] + (random() % 4 == 0 ? " [tag]" : "") + "\n";
            const int links = static_cast<int>(random() % 4);
            for (int l = 0; l < links; ++l) {
                const std::string& target = names[random() % names.size()];
                switch (random() % 5) {
                    case 0: story += "[[" + target + "]]\n"; break;
                    case 1: story += "[[Go " + std::to_string(l) + "->" + target + "]]\n"; break;
                    case 2: story += "[[" + target + "<-Back " + std::to_string(l) + "]]\n"; break;
                    case 3: story += "Say [[yes|" + target + "]] now\n"; break;
                    default: story += "[[broken " + target + "\n"; break;
                }
            }
            if (random() % 3) story += "Some words.\n";
        }
        INFO(story);
        const TweeImport imported = import_twee(story, "r.twee");
        load_skeleton(imported);
    }
}

TEST_CASE("twee: a large story with colliding ids and one long loop imports in linear time and loads") {
    // 20,000 passages in one loop, in pairs whose names give the same id ("p7?" and "p7!" -> p7, p7_2).
    const int pairs = 10000;
    std::string story;
    const auto name = [](int i) { return "p" + std::to_string(i / 2) + (i % 2 ? "!" : "?"); };
    for (int i = 0; i < 2 * pairs; ++i) story += ":: " + name(i) + "\nOn.\n[[" + name((i + 1) % (2 * pairs)) + "]]\n";
    const TweeImport imported = import_twee(story, "big.twee");
    auto scenario = load_skeleton(imported);
    CHECK(scenario->nodes.size() == 2 * pairs + 1);  // and the placeholder ending
    CHECK(imported.scenario["nodes"][1]["id"] == "p0_2");
    std::size_t ways_out = 0;
    for (const auto& p : imported.problems) ways_out += p.message.find("placeholder way out") != std::string::npos;
    CHECK(ways_out == 1);
}
