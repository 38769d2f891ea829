// The report forms through the real `salesdojo run`: --debrief, --markdown, --json, --html and
// --output, the terminal player's prompts in Dutch, and a scenario with an assumption rule but no
// bias dimension in every form.
#include "cli_run.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

std::string quoted(const std::string& path) {
    return "'" + path + "'";
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("run --html prints one self-contained page, and --output writes it to a file") {
    const std::string mini = quoted(source_path("tests/data/valid/mini.json"));
    Ran html = run_cli("run " + mini + " --lang nl --choices 2 --seed 7 --html");
    REQUIRE(html.exit_code == 0);
    CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html.out, "<html lang=\"nl\">"));
    CHECK(contains(html.out, "Nabespreking: Mini"));
    CHECK(contains(html.out, "Kost: 100,0 punten"));
    CHECK(contains(html.out, "</html>"));
    CHECK_FALSE(contains(html.out, "pitch-now"));

    const fs::path file = fs::temp_directory_path() / "salesdojo_report_cli.html";
    fs::remove(file);
    Ran written =
        run_cli("run " + mini + " --lang en --choices ask,offer --html -o " + quoted(file.string()));
    REQUIRE(written.exit_code == 0);
    CHECK(written.out.empty());
    const std::string page = read_text_file(file.string());
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(page, "Debrief: Mini"));
    fs::remove(file);
    // A folder that does not exist: a message and exit 1, no crash.
    CHECK(run_cli("run " + mini + " --choices ask,offer --html -o /nonexistent/dir/x.html").exit_code == 1);
}

TEST_CASE("an assumption rule without a bias dimension runs through every output form of the CLI") {
    const std::string file = quoted(source_path("tests/data/valid/assumption_without_bias.json"));
    for (const char* lang : {"nl", "en"}) {
        CAPTURE(lang);
        const std::string base = "run " + file + " --lang " + lang + " --choices quote_high,propose ";
        Ran plain = run_cli(base);
        CHECK(plain.exit_code == 0);
        CHECK(contains(plain.out, std::string(lang) == "nl" ? "Aanname zonder onderbouwing: Het budget"
                                                            : "Unsupported assumption: The budget"));
        for (const char* form : {"--debrief", "--markdown", "--html"}) {
            CAPTURE(form);
            Ran out = run_cli(base + form);
            CHECK(out.exit_code == 0);
            CHECK(!out.out.empty());
        }
        Ran json = run_cli(base + "--json");
        REQUIRE(json.exit_code == 0);
        CHECK(nlohmann::json::parse(json.out)["steps"][0]["choice"]["assumed_facts"][0] == "budget_known");
        Ran both = run_cli(base + "--debrief --json");
        REQUIRE(both.exit_code == 0);
        CHECK(nlohmann::json::parse(both.out)["debrief"]["decisions"][0]["assumed_facts"][0] == "budget_known");
    }
}

TEST_CASE("the terminal player speaks Dutch in Dutch, numbers and all") {
    const std::string mini = quoted(source_path("tests/data/valid/mini.json"));
    Ran out = run_cli("run " + mini + " --lang nl --debrief", "u\n9\n1\n1\n");
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

TEST_CASE("the terminal player and the transcript put an ending's narration after its closing line") {
    // mini.json with a speaker and narration at the "won" ending.
    std::string text = read_text_file(source_path("tests/data/valid/mini.json"));
    const std::string won = R"({"id": "won", "text")";
    REQUIRE(contains(text, won));
    text.replace(text.find(won), won.size(),
                 R"({"id": "won", "speaker": "eva", "narration": {"nl": "Drie maanden later belt ze weer.", "en": "Three months later she calls again."}, "text")");
    const fs::path file = fs::temp_directory_path() / ("salesdojo_ending_order_" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << text;
    const std::string scenario = quoted(file.string());
    const auto in_order = [](const std::string& out, std::initializer_list<const char*> parts) {
        std::size_t at = 0;
        for (const char* part : parts) {
            at = out.find(part, at);
            if (at == std::string::npos) return false;
        }
        return true;
    };
    const Ran played = run_cli("run " + scenario + " --lang en --no-store", "1\n1\n");  // ask, offer: won
    REQUIRE(played.exit_code == 0);
    INFO(played.out);
    CHECK(in_order(played.out, {"Eva: She signs.\n", "  (Three months later she calls again.)\n", "== Won (", "Totals:"}));
    const Ran scripted = run_cli("run " + scenario + " --lang nl --no-store --choices ask,offer");
    REQUIRE(scripted.exit_code == 0);
    INFO(scripted.out);
    CHECK(in_order(scripted.out, {"Eva: Ze tekent.\n", "  (Drie maanden later belt ze weer.)\n", "== Gewonnen ("}));
    fs::remove(file);
}
