// Loader and lint: every code has a fixture that produces it, positions are exact, one run reports all.
#include "test_support.hpp"

#include <salesdojo/analysis_report.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/session.hpp>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

// Fixtures stay small in the repository, so they are loaded with a 64 KiB size limit; the real
// 32 MiB limit is exercised in test_source.cpp with a 40 MB file made at test time.
SourceLimits fixture_limits() {
    SourceLimits limits;
    limits.max_bytes = 64 * 1024;
    limits.max_automatic_steps = 5;  // so that the SD2019 fixture needs six nodes, not 100,001
    return limits;
}
// Likewise the analyser's bounds are lowered so that SD3001/SD3002 fixtures stay small and fast.
AnalysisLimits fixture_analysis_limits() {
    AnalysisLimits limits;
    limits.max_states = 1000;
    limits.max_loop_steps = 1000;
    return limits;
}

// SD1xxx/SD2xxx come from loading; SD3xxx from analysing a scenario that loads cleanly.
Diagnostics diagnose_fixture(const std::string& path) {
    LoadResult result = load_scenario_file(path, fixture_limits());
    if (!result.ok()) return result.diagnostics;
    Diagnostics all = result.diagnostics;
    AnalysisResult analysed = analyse(result.scenario, fixture_analysis_limits());
    all.insert(all.end(), analysed.diagnostics.begin(), analysed.diagnostics.end());
    if (analysed.analysis) {
        Diagnostics warnings = rubric_warnings(*analysed.analysis);
        all.insert(all.end(), warnings.begin(), warnings.end());
    }
    return all;
}

std::string mini_text() { return read_text_file(source_path("tests/data/valid/mini.json")); }

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("every diagnostic code has a fixture that produces it, and the fixture produces no surprise errors") {
    const fs::path folder = source_path("tests/data/invalid");
    std::set<std::string> covered;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".json") continue;  // files a fixture refers to (SD2040's image)
        std::string name = entry.path().filename().string();
        std::string code = name.substr(0, 6);
        REQUIRE_MESSAGE(find_diagnostic_code(code) != nullptr, "fixture " << name << " is not named after a code");
        Diagnostics diagnostics = diagnose_fixture(entry.path().string());
        std::string messages;
        for (const auto& d : diagnostics) messages += format_diagnostic(d) + "\n";
        INFO(name << "\n" << messages);
        CHECK(has_code(diagnostics, code));
        // The fixture isolates its problem: everything it reports carries its own code.
        for (const auto& d : diagnostics) CHECK(d.code == code);
        covered.insert(code);
    }
    for (const auto& code : diagnostic_codes()) CHECK_MESSAGE(covered.count(code.code) == 1, "no fixture for " << code.code);
}

TEST_CASE("every diagnostic code is documented in docs/diagnostics.md") {
    std::string doc = read_text_file(source_path("docs/diagnostics.md"));
    REQUIRE_FALSE(doc.empty());
    for (const auto& code : diagnostic_codes())
        CHECK_MESSAGE(doc.find(std::string("## ") + code.code) != std::string::npos, code.code << " is not documented");
}

TEST_CASE("the valid mini scenario loads with every section resolved") {
    auto s = load_valid("tests/data/valid/mini.json");
    CHECK(s->id == "mini");
    CHECK(s->languages == std::vector<std::string>{"nl", "en"});
    CHECK(s->dimensions.size() == 2);
    CHECK(s->dimensions[0].weight == 2.0);
    CHECK(s->assumption_dimension == 1);  // "bias" by default
    CHECK(s->assumption_penalty == 2);
    CHECK(s->nodes.size() == 5);
    CHECK(s->nodes[static_cast<std::size_t>(s->start)].id == "open");
    const Choice& offer = s->nodes[1].choices[0];
    CHECK(offer.condition.source() == "trust >= 2 and need_known");
    CHECK(s->nodes[2].kind == NodeKind::Random);
    CHECK(s->nodes[2].random[1].weight == 3);
    CHECK(s->outcomes[static_cast<std::size_t>(s->nodes[4].ending.outcome)].id == "abandoned-fit");
    CHECK(s->cast[0].appearance.hair_style == "bun");
    CHECK(s->cast[0].expressions.size() == 5);  // the five defaults
}

TEST_CASE("one run reports every problem, each at the line and column of the offending value") {
    std::string text = mini_text();
    text = replace_once(text, "\"next\": \"pitch\"}", "\"next\": \"pitchh\"}");
    text = replace_once(text, "\"score\": {\"qualify\": 1}", "\"score\": {\"qualfy\": 1}");
    text = replace_once(text, "\"speaker\": \"eva\", \"expression\": \"pleased\"", "\"speaker\": \"eva\", \"expresion\": \"pleased\"");
    LoadResult result = load_scenario_text(text, "broken.json");
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 3);
    const Diagnostic& target = result.diagnostics[0];
    CHECK(target.code == "SD2002");
    CHECK(target.file == "broken.json");
    CHECK(target.line == 35);
    CHECK(target.column == 79);  // the value "pitchh", not the key
    CHECK(target.pointer == "/nodes/0/choices/0/next");
    CHECK(target.message == "unknown node 'pitchh'; did you mean 'pitch'?");
    const Diagnostic& key = result.diagnostics[1];
    CHECK(key.code == "SD1009");
    CHECK(key.severity == Severity::Warning);
    CHECK(key.line == 40);
    CHECK(key.message == "unknown key 'expresion'; did you mean 'expression'?");
    CHECK(result.diagnostics[2].code == "SD2005");
    CHECK(format_diagnostic(target) == "broken.json:35:79: error[SD2002]: unknown node 'pitchh'; did you mean 'pitch'?");
}

TEST_CASE("a condition error points at the column inside the expression") {
    std::string text = replace_once(mini_text(), "\"trust >= 2 and need_known\"", "\"trust >= 2 and need_knwn\"");
    LoadResult result = load_scenario_text(text, "cond.json");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "SD2003");
    std::string line = text.substr(0, text.find("need_knwn"));
    int expected_line = static_cast<int>(std::count(line.begin(), line.end(), '\n')) + 1;
    int expected_column = static_cast<int>(line.size() - line.rfind('\n'));
    CHECK(result.diagnostics[0].line == expected_line);
    CHECK(result.diagnostics[0].column == expected_column);
}

TEST_CASE("format_version is checked before anything else") {
    LoadResult missing = load_scenario_text(R"({"id": "x"})", "a.json");
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].code == "SD1006");
    LoadResult future = load_scenario_text(R"({"format_version": 2, "id": 5})", "b.json");
    REQUIRE(future.diagnostics.size() == 1);
    CHECK(future.diagnostics[0].code == "SD1006");
    CHECK(future.diagnostics[0].column == 20);
    CHECK(future.diagnostics[0].message.find("format_version 1") != std::string::npos);
    LoadResult text_version = load_scenario_text(R"({"format_version": "1"})", "c.json");
    CHECK(text_version.diagnostics[0].code == "SD1006");
}

TEST_CASE("a scenario that is not an object, or an empty object, is refused with clear errors") {
    CHECK(load_scenario_text("[1, 2]", "a.json").diagnostics.at(0).code == "SD1007");
    LoadResult empty = load_scenario_text("{}", "b.json");
    CHECK_FALSE(empty.ok());
    CHECK(has_code(empty.diagnostics, "SD1006"));
}

TEST_CASE("hostile inputs give a diagnostic, never a crash") {
    const char* inputs[] = {"", " \n ", "not json", "{\"format_version\": 1, \"nodes\": [", "NaN",
                            "{\"format_version\": NaN}", "\xff\xfe\x00", "{\"a\": \"\xc3\"}", "null", "1e999",
                            "{\"format_version\": 1, \"languages\": [\"nl\"], \"nodes\": [{}], \"start\": 3}"};
    for (const char* input : inputs) {
        LoadResult result = load_scenario_text(input, "hostile.json");
        INFO(input);
        CHECK_FALSE(result.ok());
        CHECK_FALSE(result.diagnostics.empty());
    }
    std::string deep(200000, '[');
    LoadResult deep_result = load_scenario_text(deep + std::string(200000, ']'), "deep.json");
    REQUIRE(deep_result.diagnostics.size() == 1);
    CHECK(deep_result.diagnostics[0].code == "SD1004");
}

TEST_CASE("wrong types are reported per field, and loading goes on") {
    std::string text = replace_once(mini_text(), "\"estimated_minutes\": 2", "\"estimated_minutes\": \"two\"");
    text = replace_once(text, "\"weight\": 2", "\"weight\": \"heavy\"");
    LoadResult result = load_scenario_text(text, "types.json");
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(result.diagnostics[0].code == "SD1007");
    CHECK(result.diagnostics[0].message == "'estimated_minutes' must be an integer, not a string");
    CHECK(result.diagnostics[1].message == "'weight' must be a number, not a string");
}

TEST_CASE("nearest_word suggests only close names") {
    CHECK(nearest_word("choise", {"choices", "next", "text"}) == "choices");
    CHECK(nearest_word("banana", {"choices", "next"}).empty());
}

TEST_CASE("the worked example in docs/scenario-format.md loads without a single diagnostic") {
    std::string doc = read_text_file(source_path("docs/scenario-format.md"));
    auto section = doc.find("## Worked example");
    REQUIRE(section != std::string::npos);
    auto begin = doc.find("```json\n", section);
    REQUIRE(begin != std::string::npos);
    begin += 8;
    auto end = doc.find("\n```", begin);
    REQUIRE(end != std::string::npos);
    LoadResult result = load_scenario_text(doc.substr(begin, end - begin), "docs/scenario-format.md#worked-example");
    std::string messages;
    for (const auto& d : result.diagnostics) messages += format_diagnostic(d) + "\n";
    INFO(messages);
    CHECK(result.ok());
    CHECK(result.diagnostics.empty());
    CHECK(result.scenario->nodes.size() >= 5);
}

TEST_CASE("nearest_word: the bounded search finds what a full edit distance finds") {
    const auto distance = [](const std::string& a, const std::string& b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    std::mt19937 rng(9);
    const auto word = [&](std::size_t length) {
        std::string w;
        for (std::size_t i = 0; i < length; ++i) w += static_cast<char>('a' + rng() % 4);
        return w;
    };
    for (int round = 0; round < 2000; ++round) {
        const std::string target = word(1 + rng() % 12);
        std::vector<std::string> candidates;
        for (int c = static_cast<int>(rng() % 12); c > 0; --c) candidates.push_back(word(1 + rng() % 12));
        std::string expected;
        std::size_t best = std::max<std::size_t>(2, target.size() / 3) + 1;
        for (const auto& c : candidates) {
            const std::size_t d = distance(target, c);
            if (d < best || (d == best && !expected.empty() && c < expected)) { best = d; expected = c; }
        }
        CAPTURE(target);
        CHECK(nearest_word(target, candidates) == expected);
    }
    CHECK(nearest_word(std::string(65, 'a'), {std::string(65, 'a')}).empty());  // too long to suggest for
}

TEST_CASE("300 unknown targets among 300 long ids: suggestions stay exact") {
    std::string nodes;
    const std::string stem(50, 'n');
    for (int i = 0; i < 300; ++i)
        nodes += std::string(i ? "," : "") + "{\"id\": \"" + stem + std::to_string(i) + "\", \"choices\": [{\"id\": \"c\", \"next\": \"" +
                 stem + std::to_string(i) + "x\"}, {\"id\": \"d\", \"next\": \"end\"}]}";
    nodes += ",{\"id\": \"end\", \"ending\": {\"outcome\": \"qualified-fit\"}}";
    LoadResult result = load_scenario_text(complete_document("{\"nodes\": [" + nodes + "]}", "t", "1", "T"), "t.json");
    REQUIRE(count(result.diagnostics, Severity::Error) == 300);
    CHECK(result.diagnostics[0].message == "unknown node '" + stem + "0x'; did you mean '" + stem + "0'?");
}

TEST_CASE("limits are lint errors with the limit in the message, not surprises at play time") {
    SUBCASE("more automatic nodes in a row than a session follows (SD2019)") {
        std::string nodes;
        for (std::size_t i = 0; i <= kMaxAutomaticSteps; ++i)
            nodes += "{\"id\": \"n" + std::to_string(i) + "\", \"next\": \"n" + std::to_string(i + 1) + "\"},";
        const std::string last = "n" + std::to_string(kMaxAutomaticSteps + 1);
        LoadResult over = load_scenario_text(
            complete_document("{\"nodes\": [" + nodes + "{\"id\": \"" + last + "\", \"ending\": {\"outcome\": \"qualified-fit\"}}]}", "a", "1", "A"), "a.json");
        REQUIRE(over.diagnostics.size() == 1);
        CHECK(over.diagnostics[0].code == "SD2019");
        CHECK(over.diagnostics[0].message == "from node 'n0', 100001 automatic nodes (\"next\" or \"random\") follow each other; "
                                             "a session follows at most 100000 in a row and then stops, stuck");
        // One fewer is fine, and the session indeed reaches the ending.
        const auto first = nodes.find("},") + 2;
        LoadResult fits = load_scenario_text(
            complete_document("{\"nodes\": [" + nodes.substr(first) + "{\"id\": \"" + last + "\", \"ending\": {\"outcome\": \"qualified-fit\"}}]}", "a", "1", "A"), "a.json");
        REQUIRE(fits.ok());
        CHECK(Session(fits.scenario).finished());
    }
    SUBCASE("text length, choices per node, id length (SD1010)") {
        std::string text = mini_text();
        text = replace_once(text, "\"Wat kunt u voor ons doen?\"", "\"" + std::string(kMaxTextBytes + 1, 'x') + "\"");
        std::string many;
        for (std::size_t i = 0; i <= kMaxChoicesPerNode; ++i) many += "{\"id\": \"c" + std::to_string(i) + "\", \"text\": \"x\", \"next\": \"won\"},";
        text = replace_once(text, "{\"id\": \"leave\",", many + "{\"id\": \"leave\",");
        text = replace_once(text, "{\"id\": \"eva\"", "{\"id\": \"" + std::string(kMaxIdLength + 1, 'e') + "\"");
        LoadResult result = load_scenario_text(text, "limits.json");
        std::string messages;
        for (const auto& d : result.diagnostics) messages += format_diagnostic(d) + "\n";
        INFO(messages);
        CHECK(messages.find("error[SD1010]: id is too long: 129 characters; an id may have at most 128") != std::string::npos);
        CHECK(messages.find("error[SD1010]: 'text' is too long: 10001 bytes; a text may have at most 10000") != std::string::npos);
        CHECK(messages.find("error[SD1010]: 'choices' has 103 items; at most 100 are allowed") != std::string::npos);
    }
    SUBCASE("integers beyond 64 bits are out of range, not 'not an integer'") {
        LoadResult result = load_scenario_text(replace_once(mini_text(), "\"estimated_minutes\": 2", "\"estimated_minutes\": 18446744073709551616"), "big.json");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].message == "'estimated_minutes' is out of range: integers here go from -2147483648 to 2147483647");
    }
}
