// The report forms through the real `salesdojo run`: --debrief, --markdown, --json, --html and
// --output, the terminal player's prompts in Dutch, and a scenario with an assumption rule but no
// bias dimension in every form.
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>

using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    int exit_code = -1;
    std::string out;
};

// Runs the CLI with `arguments` (a shell fragment; stdin may be redirected in it).
Outcome run_cli(const std::string& arguments) {
    const std::string command = std::string(SALESDOJO_CLI_PATH) + " " + arguments + " 2>/dev/null";
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

std::string quoted(const std::string& path) {
    return "'" + path + "'";
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("run --html prints one self-contained page, and --output writes it to a file") {
    const std::string mini = quoted(source_path("tests/data/valid/mini.json"));
    Outcome html = run_cli("run " + mini + " --lang nl --choices 2 --seed 7 --html </dev/null");
    REQUIRE(html.exit_code == 0);
    CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html.out, "<html lang=\"nl\">"));
    CHECK(contains(html.out, "Nabespreking: Mini"));
    CHECK(contains(html.out, "Kost: 100,0 punten"));
    CHECK(contains(html.out, "</html>"));
    CHECK_FALSE(contains(html.out, "pitch-now"));

    const fs::path file = fs::temp_directory_path() / "salesdojo_report_cli.html";
    fs::remove(file);
    Outcome written =
        run_cli("run " + mini + " --lang en --choices ask,offer --html -o " + quoted(file.string()) + " </dev/null");
    REQUIRE(written.exit_code == 0);
    CHECK(written.out.empty());
    const std::string page = read_text_file(file.string());
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(page, "Debrief: Mini"));
    fs::remove(file);
    // A folder that does not exist: a message and exit 1, no crash.
    CHECK(run_cli("run " + mini + " --choices ask,offer --html -o /nonexistent/dir/x.html </dev/null").exit_code == 1);
}

TEST_CASE("an assumption rule without a bias dimension runs through every output form of the CLI") {
    const std::string file = quoted(source_path("tests/data/valid/assumption_without_bias.json"));
    for (const char* lang : {"nl", "en"}) {
        CAPTURE(lang);
        const std::string base = "run " + file + " --lang " + lang + " --choices quote_high,propose ";
        Outcome plain = run_cli(base + "</dev/null");
        CHECK(plain.exit_code == 0);
        CHECK(contains(plain.out, std::string(lang) == "nl" ? "Aanname zonder onderbouwing: Het budget"
                                                            : "Unsupported assumption: The budget"));
        for (const char* form : {"--debrief", "--markdown", "--html"}) {
            CAPTURE(form);
            Outcome out = run_cli(base + form + " </dev/null");
            CHECK(out.exit_code == 0);
            CHECK(!out.out.empty());
        }
        Outcome json = run_cli(base + "--json </dev/null");
        REQUIRE(json.exit_code == 0);
        CHECK(nlohmann::json::parse(json.out)["steps"][0]["choice"]["assumed_facts"][0] == "budget_known");
        Outcome both = run_cli(base + "--debrief --json </dev/null");
        REQUIRE(both.exit_code == 0);
        CHECK(nlohmann::json::parse(both.out)["debrief"]["decisions"][0]["assumed_facts"][0] == "budget_known");
    }
}

TEST_CASE("the terminal player speaks Dutch in Dutch, numbers and all") {
    const std::string mini = quoted(source_path("tests/data/valid/mini.json"));
    Outcome out = run_cli("run " + mini + " --lang nl --debrief <<'EOF'\nu\n9\n1\n1\nEOF");
    REQUIRE(out.exit_code == 0);
    INFO(out.out);
    CHECK(contains(out.out, "Kies 1-2, u = terugdraaien, q = stoppen: "));
    CHECK(contains(out.out, "Er is niets om terug te draaien."));
    CHECK(contains(out.out, "Typ een nummer uit de lijst, u of q."));
    CHECK(contains(out.out, "Toelichting: Goed gevraagd."));
    CHECK(contains(out.out, "Totaal: Kwalificeren +3, Vooroordelen +1 (gewogen +7)"));
    CHECK(contains(out.out, "== Nabespreking: Mini =="));
    for (const char* english : {"Choose", "undo", "Feedback", "Totals", "weighted", "Nothing", "Please"}) {
        CAPTURE(english);
        CHECK_FALSE(contains(out.out, english));
    }
}
