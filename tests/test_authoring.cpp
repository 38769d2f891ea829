// Authoring tools: the field table and its schema, `salesdojo graph`, `salesdojo simulate`.
#include "test_support.hpp"

#include <salesdojo/authoring/random_play.hpp>
#include <salesdojo/authoring/scenario_schema.hpp>
#include <salesdojo/graph_facts.hpp>
#include <salesdojo/report/graph_dot.hpp>
#include <salesdojo/scenario_fields.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sys/wait.h>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    int exit_code = -1;
    std::string out;  // stdout only
};

// Runs the real CLI; `prefix` goes before it (environment settings).
Outcome run_cli(const std::string& arguments, const std::string& prefix = "") {
    const std::string command = prefix + std::string(SALESDOJO_CLI_PATH) + " " + arguments + " 2>/dev/null </dev/null";
    Outcome outcome;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) outcome.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return outcome;
}

std::string quoted(const std::string& path) { return "'" + path + "'"; }

bool dot_installed() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

// ----- a small DOT reader: the statements graph_dot writes, attributes parsed with their escapes -----
struct DotStatement {
    std::string from, to;  // `to` empty for a node statement
    std::map<std::string, std::string> attributes;
};

// Reads a double-quoted DOT string at `i` (on the opening quote); returns its unescaped content.
std::string read_quoted(const std::string& line, std::size_t& i) {
    REQUIRE(line[i] == '"');
    std::string out;
    for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            ++i;
            out += line[i] == 'n' ? '\n' : line[i];
        } else {
            out += line[i];
        }
    }
    REQUIRE(i < line.size());  // the closing quote
    ++i;
    return out;
}

std::vector<DotStatement> parse_dot(const std::string& dot) {
    std::vector<DotStatement> statements;
    std::istringstream in(dot);
    std::string line;
    REQUIRE(std::getline(in, line));
    REQUIRE(line.rfind("digraph ", 0) == 0);
    while (std::getline(in, line)) {
        std::size_t i = line.find_first_not_of(' ');
        if (i == std::string::npos || line[i] != '"') continue;  // graph/node/edge defaults, the closing brace
        DotStatement s;
        s.from = read_quoted(line, i);
        if (line.compare(i, 4, " -> ") == 0) {
            i += 4;
            s.to = read_quoted(line, i);
        }
        REQUIRE(line.compare(i, 2, " [") == 0);
        i += 2;
        while (i < line.size() && line[i] != ']') {
            const std::size_t equals = line.find('=', i);
            REQUIRE(equals != std::string::npos);
            const std::string key = line.substr(i, equals - i);
            i = equals + 1;
            std::string value;
            if (line[i] == '"') {
                value = read_quoted(line, i);
            } else {
                const std::size_t end = line.find_first_of(",]", i);
                value = line.substr(i, end - i);
                i = end;
            }
            s.attributes[key] = value;
            if (line.compare(i, 2, ", ") == 0) i += 2;
        }
        REQUIRE(line.compare(i, 2, "];") == 0);
        statements.push_back(std::move(s));
    }
    return statements;
}

std::set<std::string> classes_of(const DotStatement& s) {
    std::set<std::string> out;
    std::istringstream words(s.attributes.at("class"));
    for (std::string w; words >> w;) out.insert(w);
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("the field table lists every object kind once, in order, within the loader's key cache") {
    const auto& objects = scenario_objects();
    REQUIRE(objects.size() == static_cast<std::size_t>(ObjectKind::Ending) + 1);
    for (std::size_t i = 0; i < objects.size(); ++i) {
        CHECK(static_cast<std::size_t>(objects[i].kind) == i);
        CHECK(objects[i].fields.size() <= 24);  // Loader::KeyCache::kMax
        std::set<std::string_view> names;
        for (const auto& f : objects[i].fields) CHECK_MESSAGE(names.insert(f.name).second, objects[i].name << "." << f.name << " twice");
        for (const auto& rule : objects[i].rules) {
            CHECK(objects[i].field(rule.field) != nullptr);
            for (auto key : rule.required) CHECK(objects[i].field(key) != nullptr);
            for (const auto& typed : rule.typed) CHECK(objects[i].field(typed.first) != nullptr);
        }
        for (auto key : objects[i].exactly_one_of) CHECK(objects[i].field(key) != nullptr);
    }
}

TEST_CASE("string rules: the loader's test and the schema's pattern agree on examples") {
    struct Example { StringRule rule; const char* value; bool ok; };
    const Example examples[] = {
        {StringRule::ScenarioId, "cold-call_2", true}, {StringRule::ScenarioId, "Cold", false},
        {StringRule::Id, "open.2-b_c", true}, {StringRule::Id, "a b", false}, {StringRule::Id, "", false},
        {StringRule::Identifier, "_trust2", true}, {StringRule::Identifier, "2trust", false},
        {StringRule::Identifier, "not", false}, {StringRule::Identifier, "note", true},
        {StringRule::LanguageCode, "pt-br", true}, {StringRule::LanguageCode, "EN", false}, {StringRule::LanguageCode, "e", false},
        {StringRule::Colour, "#a0522D", true}, {StringRule::Colour, "red", false},
    };
    for (const auto& e : examples) {
        INFO(e.value);
        CHECK(string_matches(e.rule, e.value) == e.ok);
        CHECK_FALSE(string_pattern(e.rule).empty());
    }
}

TEST_CASE("docs/scenario.schema.json is exactly what `salesdojo schema` prints") {
    const std::string committed = read_text_file(source_path(kScenarioSchemaFile));
    Outcome printed = run_cli("schema");
    CHECK(printed.exit_code == 0);
    CHECK(printed.out == scenario_schema_text());
    CHECK_MESSAGE(printed.out == committed,
                  "docs/scenario.schema.json is stale: run `build/salesdojo schema --out docs/scenario.schema.json`");
    const auto schema = nlohmann::json::parse(committed);
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema["additionalProperties"] == false);
    CHECK(schema["properties"].contains("$schema"));
    CHECK(schema["$defs"]["node"]["oneOf"].size() == 4);
    CHECK(schema["$defs"]["choice"]["properties"]["intent"]["enum"].size() == 5);
}

TEST_CASE("a scenario may name the schema in \"$schema\"") {
    auto doc = nlohmann::json::parse(read_text_file(source_path("tests/data/valid/mini.json")));
    doc["$schema"] = "../../../docs/scenario.schema.json";
    LoadResult result = load_scenario_text(doc.dump(), "with_schema.json");
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
}

TEST_CASE("every fixture the schema can express is refused by the loader with the table's code") {
    const std::map<std::string, std::string> code_by_prefix = {
        {"unknown_key", "SD1009"}, {"wrong_type", "SD1007"}, {"missing_required", "SD1008"}, {"enum", "SD1010"},
        {"limit", "SD1010"}, {"pattern", "SD1010"}, {"constant_format_version", "SD1006"},
        {"int_variable_without_max", "SD1008"}, {"bool_variable_with_number_initial", "SD1007"}, {"node_with", "SD1012"}};
    std::size_t checked = 0;
    for (const auto& entry : fs::directory_iterator(source_path("tests/schema/invalid"))) {
        const std::string name = entry.path().stem().string();
        std::string code;
        for (const auto& [prefix, c] : code_by_prefix)
            if (name.rfind(prefix, 0) == 0) code = c;
        INFO(name);
        REQUIRE_MESSAGE(!code.empty(), "no expected code for " << name);
        LoadResult result = load_scenario_file(entry.path().string());
        std::string messages;
        for (const auto& d : result.diagnostics) messages += format_diagnostic(d) + "\n";
        INFO(messages);
        // An unknown key is a warning for the loader (SD1009) and an error for the schema.
        if (code != "SD1009") CHECK_FALSE(result.ok());
        CHECK(has_code(result.diagnostics, code));
        for (const auto& d : result.diagnostics) CHECK(d.line > 0);  // every message points into the file
        ++checked;
    }
    CHECK(checked >= 20);
}

TEST_CASE("table-driven messages name the field, the rule and the value") {
    auto doc = nlohmann::json::parse(read_text_file(source_path("tests/data/valid/mini.json")));
    doc["difficulty"] = "expert";
    doc["variables"][0].erase("max");
    doc["rubric"]["dimensions"][0]["weight"] = 0;
    LoadResult result = load_scenario_text(doc.dump(), "messages.json");
    std::string messages;
    for (const auto& d : result.diagnostics) messages += d.code + " " + d.message + "\n";
    INFO(messages);
    CHECK(messages.find("SD1010 'difficulty' must be one of easy, medium, hard, not 'expert'") != std::string::npos);
    CHECK(messages.find("SD1008 missing required key 'max' (needed when 'type' is \"int\")") != std::string::npos);
    CHECK(messages.find("SD1010 'weight' must be above 0 and at most 1000") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("dot_escape: quotes, backslashes and line breaks escaped, UTF-8 kept") {
    CHECK(report::dot_escape("say \"hi\"") == "say \\\"hi\\\"");
    CHECK(report::dot_escape("a\\b") == "a\\\\b");
    CHECK(report::dot_escape("one\ntwo\r\nthree") == "one\\ntwo\\nthree");
    CHECK(report::dot_escape("tab\there\x01") == "tab here ");
    CHECK(report::dot_escape("café ‘€’") == "café ‘€’");
}

TEST_CASE("graph: nodes by kind, edges per choice and branch, unreachable nodes and dead ends marked") {
    LoadResult loaded = load_scenario_file(source_path("tests/data/authoring/graph_marks.json"));
    CHECK_FALSE(loaded.ok());  // SD2007 and SD2008
    CHECK(has_code(loaded.diagnostics, "SD2007"));
    CHECK(has_code(loaded.diagnostics, "SD2008"));
    REQUIRE(loaded.graph_draft);
    const Scenario& s = *loaded.graph_draft;
    const auto statements = parse_dot(report::graph_dot(s, graph_facts(s), "en"));
    std::map<std::string, DotStatement> nodes;
    std::vector<DotStatement> edges;
    for (const auto& st : statements) {
        if (st.to.empty()) nodes[st.from] = st;
        else edges.push_back(st);
    }
    CHECK(nodes.size() == s.nodes.size());
    CHECK(edges.size() == 6);  // 2 choices + 2 random branches + 2 `next`
    CHECK(nodes.at("open").attributes.at("shape") == "box");
    CHECK(nodes.at("chance").attributes.at("shape") == "diamond");
    CHECK(nodes.at("talk").attributes.at("shape") == "ellipse");
    CHECK(nodes.at("won").attributes.at("shape") == "doubleoctagon");
    CHECK(nodes.at("won").attributes.at("fillcolor") != nodes.at("lost").attributes.at("fillcolor"));
    CHECK(classes_of(nodes.at("won")).count("outcome-qualified-fit") == 1);
    CHECK(classes_of(nodes.at("orphan")).count("unreachable") == 1);
    CHECK(classes_of(nodes.at("lost")).count("unreachable") == 1);  // only the orphan leads there
    CHECK(classes_of(nodes.at("stuck")).count("dead-end") == 1);
    CHECK(classes_of(nodes.at("open")).count("start") == 1);
    for (const char* clean : {"open", "chance", "talk", "won"}) {
        INFO(clean);
        CHECK(classes_of(nodes.at(clean)).count("unreachable") == 0);
        CHECK(classes_of(nodes.at(clean)).count("dead-end") == 0);
    }
    // Texts survive the escaping: quotes, a backslash, a line break, non-ASCII.
    CHECK(nodes.at("open").attributes.at("label").find("Eva \"the buyer\":\nHello.\nWhat brings") != std::string::npos);
    bool found = false;
    for (const auto& e : edges)
        if (e.from == "open" && e.to == "chance") {
            found = true;
            CHECK(e.attributes.at("label") == "ask: Say \"why\" \\ ask about café plans");
        }
    CHECK(found);
}

TEST_CASE("salesdojo graph: exit codes, --out, and --svg with and without Graphviz") {
    const std::string marks = quoted(source_path("tests/data/authoring/graph_marks.json"));
    const std::string mini = quoted(source_path("tests/data/valid/mini.json"));
    Outcome ok = run_cli("graph " + mini);
    CHECK(ok.exit_code == 0);
    CHECK(parse_dot(ok.out).size() == 5 + 6);  // 5 nodes; 6 edges: 4 choices, 2 random branches
    CHECK(run_cli("graph " + marks).exit_code == 1);  // drawn, with problems
    CHECK_FALSE(run_cli("graph " + marks).out.empty());
    CHECK(run_cli("graph " + quoted(source_path("tests/data/invalid/SD1007_title_is_a_number.json"))).exit_code == 1);
    CHECK(run_cli("graph").exit_code == 2);
    CHECK(run_cli("graph --help").exit_code == 0);
    // Without `dot` on PATH: a clear refusal, no output.
    Outcome no_dot = run_cli("graph --svg " + mini, "PATH=/nonexistent ");
    CHECK(no_dot.exit_code == 1);
    CHECK(no_dot.out.empty());
    if (!dot_installed()) {
        MESSAGE("Graphviz 'dot' is not installed: the SVG checks are skipped (apt-get install graphviz)");
        return;
    }
    // `dot` accepts the graph of every bundled scenario.
    std::size_t scenarios = 0;
    for (const auto& entry : fs::directory_iterator(source_path("scenarios"))) {
        if (entry.path().extension() != ".json") continue;
        INFO(entry.path().string());
        Outcome svg = run_cli("graph --svg " + quoted(entry.path().string()));
        CHECK(svg.exit_code == 0);
        CHECK(svg.out.find("<svg") != std::string::npos);
        ++scenarios;
    }
    CHECK(scenarios >= 10);
    const fs::path out = fs::temp_directory_path() / "salesdojo-graph-test.svg";
    CHECK(run_cli("graph --svg --out " + quoted(out.string()) + " " + marks).exit_code == 1);
    CHECK(read_text_file(out.string()).find("dead end") != std::string::npos);
    fs::remove(out);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("random play covers the mini scenario, is deterministic per seed, and finds no stuck run") {
    auto scenario = load_valid("tests/data/valid/mini.json");
    RandomPlayOptions options;
    options.runs = 400;
    options.seed = 7;
    const RandomPlayReport a = random_play(scenario, options);
    const RandomPlayReport b = random_play(scenario, options);
    CHECK(a.finished == 400);
    CHECK(a.stuck_count == 0);
    CHECK(a.totals == b.totals);
    CHECK(a.node_visits == b.node_visits);
    CHECK(node_coverage(a).covered == scenario->nodes.size());
    CHECK(choice_coverage(a).covered == choice_coverage(a).total);  // `offer` needs ask first: reached anyway
    CHECK(ending_coverage(*scenario, a).covered == 2);
    std::uint64_t outcomes = 0;
    for (auto n : a.outcome_runs) outcomes += n;
    CHECK(outcomes == a.finished);
    // The node visits add up: every finished run visits the start once and one ending.
    CHECK(a.node_visits[static_cast<std::size_t>(scenario->start)] == 400);
}

TEST_CASE("random play reports stuck runs with a seed that replays them") {
    SUBCASE("no available option (tests/data/invalid/SD3003_stuck.json)") {
        auto scenario = load_valid("tests/data/invalid/SD3003_stuck.json");
        RandomPlayOptions options;
        options.runs = 200;
        const RandomPlayReport r = random_play(scenario, options);
        REQUIRE(r.stuck_count > 0);
        REQUIRE_FALSE(r.stuck.empty());
        const StuckRun& first = r.stuck.front();
        CHECK(first.reason == StuckReason::NoOption);
        // Replaying that seed alone gets stuck the same way, on the same path.
        options.runs = 1;
        options.seed = first.seed;
        const RandomPlayReport again = random_play(scenario, options);
        REQUIRE(again.stuck.size() == 1);
        CHECK(again.stuck[0].path == first.path);
        CHECK(again.stuck[0].choice_ids == first.choice_ids);
    }
    SUBCASE("a loop whose way out never opens hits the decision limit") {
        auto scenario = load_valid("tests/data/authoring/endless_choice_loop.json");
        RandomPlayOptions options;
        options.runs = 3;
        options.max_decisions = 50;
        const RandomPlayReport r = random_play(scenario, options);
        CHECK(r.finished == 0);
        CHECK(r.stuck_count == 3);
        REQUIRE(r.stuck.size() == 3);
        CHECK(r.stuck[0].reason == StuckReason::DecisionLimit);
        CHECK(r.stuck[0].choice_ids.size() == 50);
        CHECK(r.stuck[1].seed == 1);
        CHECK(choice_coverage(r).covered == 1);  // "leave" never available
    }
}

TEST_CASE("salesdojo simulate: text and JSON reports, exit codes") {
    const std::string mini = quoted(source_path("tests/data/valid/mini.json"));
    Outcome text = run_cli("simulate " + mini + " --runs 300 --seed 3");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("300 finished, 0 stuck") != std::string::npos);
    CHECK(text.out.find("coverage: nodes 5/5 (100%)") != std::string::npos);
    CHECK(text.out.find("weighted total: min ") != std::string::npos);
    Outcome json_a = run_cli("simulate " + mini + " --runs 300 --seed 3 --json");
    Outcome json_b = run_cli("simulate " + mini + " --runs 300 --seed 3 --json");
    CHECK(json_a.exit_code == 0);
    CHECK(json_a.out == json_b.out);
    const auto j = nlohmann::json::parse(json_a.out);
    CHECK(j["runs"] == 300);
    CHECK(j["coverage"]["endings"]["covered"] == 2);
    std::uint64_t in_bins = 0;
    for (const auto& bin : j["weighted_total"]["histogram"]) in_bins += bin["runs"].get<std::uint64_t>();
    CHECK(in_bins == 300);
    CHECK(j["weighted_total"]["min"].get<double>() <= j["weighted_total"]["median"].get<double>());
    CHECK(j["weighted_total"]["median"].get<double>() <= j["weighted_total"]["max"].get<double>());

    Outcome stuck = run_cli("simulate " + quoted(source_path("tests/data/invalid/SD3003_stuck.json")) + " --runs 50 --json");
    CHECK(stuck.exit_code == 1);
    const auto s = nlohmann::json::parse(stuck.out);
    REQUIRE(s["stuck"].size() > 0);
    CHECK(s["stuck"][0]["reason"] == "no-option");
    CHECK(s["stuck"][0]["replay"].get<std::string>().find("--seed " + std::to_string(s["stuck"][0]["seed"].get<std::uint64_t>())) !=
          std::string::npos);
    CHECK(run_cli("simulate " + mini + " --runs 0").exit_code == 2);
    CHECK(run_cli("simulate").exit_code == 2);
    CHECK(run_cli("simulate --help").exit_code == 0);
    CHECK(run_cli("simulate " + quoted(source_path("tests/data/invalid/SD1007_title_is_a_number.json"))).exit_code == 1);
}
