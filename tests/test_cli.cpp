// The real `salesdojo` binary: exit codes, output formats, hostile files.
#include "cli_run.hpp"
#include "test_support.hpp"

#include <salesdojo/limits.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

std::string shell_quoted(const std::string& path) { return "'" + path + "'"; }

}  // namespace

TEST_CASE("help, version and bad usage") {
    CHECK(run_cli("--help").exit_code == 0);
    Ran version = run_cli("--version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("salesdojo 0.") == 0);
    CHECK(run_cli("--no-such-flag").exit_code == 2);
    CHECK(run_cli("lint").exit_code == 2);
    CHECK(run_cli("run").exit_code == 2);
    CHECK(run_cli("run x.json --lang fr").exit_code == 2);
}

TEST_CASE("lint prints file:line:col: error[code] and exits 1 on errors, 0 on a clean file") {
    std::string bad = source_path("tests/data/invalid/SD2002_unknown_target_node.json");
    Ran result = run_cli("lint " + shell_quoted(bad));
    CHECK(result.exit_code == 1);
    // Expected position: where the value "pitchh" starts in the fixture.
    std::string text = read_text_file(bad);
    std::string before = text.substr(0, text.find("\"pitchh\""));
    std::string line = std::to_string(std::count(before.begin(), before.end(), '\n') + 1);
    std::string column = std::to_string(before.size() - before.rfind('\n'));
    CHECK(result.out.find(bad + ":" + line + ":" + column + ": error[SD2002]: unknown node 'pitchh'") != std::string::npos);
    CHECK(run_cli("lint " + shell_quoted(source_path("tests/data/valid/mini.json"))).exit_code == 0);
    Ran json = run_cli("lint --json " + shell_quoted(bad));
    auto report = nlohmann::json::parse(json.out);
    CHECK(report["errors"] == 1);
    CHECK(report["files"][0]["diagnostics"][0]["code"] == "SD2002");
    CHECK(report["files"][0]["diagnostics"][0]["pointer"] == "/nodes/0/choices/0/next");
}

TEST_CASE("lint of a folder checks every scenario in it") {
    Ran result = run_cli("lint " + shell_quoted(source_path("tests/data/invalid")));
    CHECK(result.exit_code == 1);
    for (const char* code : {"SD1005", "SD2009", "SD2018"}) CHECK(result.out.find(code) != std::string::npos);
}

TEST_CASE("hostile files end with exit 1 and a message, never a crash or a hang") {
    fs::path dir = fs::temp_directory_path() / "salesdojo_cli_hostile";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto write = [&](const std::string& name, const std::string& content) {
        std::ofstream(dir / name, std::ios::binary) << content;
        return (dir / name).string();
    };
    std::vector<std::string> files = {
        write("empty.json", ""), write("truncated.json", "{\"format_version\": 1, \"nodes\": [{\"id\""),
        write("nan.json", "{\"format_version\": NaN}"), write("bytes.json", std::string("\x00\x01\xff\xfe{{", 6)),
        write("deep.json", std::string(200000, '[') + std::string(200000, ']')),
        (dir / "missing.json").string(), dir.string() + "/",
    };
    fs::create_symlink(dir / "loop_a.json", dir / "loop_b.json");
    fs::create_symlink(dir / "loop_b.json", dir / "loop_a.json");
    files.push_back((dir / "loop_a.json").string());
    for (const auto& file : files) {
        CAPTURE(file);
        Ran lint = run_cli("lint " + shell_quoted(file));
        CHECK((lint.exit_code == 1 || lint.exit_code == 2));
        Ran run = run_cli("run " + shell_quoted(file) + " --choices 1");
        CHECK(run.exit_code == 1);
    }
    fs::remove_all(dir);
}

TEST_CASE("run plays with --choices and prints the transcript and totals, or JSON") {
    std::string mini = shell_quoted(source_path("tests/data/valid/mini.json"));
    Ran text = run_cli("run " + mini + " --choices ask,offer --lang en");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("  > Shall I make a proposal?") != std::string::npos);
    CHECK(text.out.find("Totals: Qualify +3, Bias +1 (weighted +7)") != std::string::npos);
    Ran json = run_cli("run " + mini + " --choices 1,1 --json --seed 5");
    REQUIRE(json.exit_code == 0);
    auto transcript = nlohmann::json::parse(json.out);
    CHECK(transcript["state"] == "finished");
    CHECK(transcript["seed"] == 5);
    CHECK(transcript["decisions"] == nlohmann::json::array({"ask", "offer"}));
    CHECK(transcript["totals"]["qualify"] == 3);
    CHECK(transcript["steps"].back()["ending"]["outcome"] == "qualified-fit");
    CHECK(run_cli("run " + mini + " --choices ask,nope").exit_code == 2);
    CHECK(run_cli("run " + mini + " --choices ask,offer,ask").exit_code == 2);
}

TEST_CASE("run without --choices reads the trainee's answers, with undo and quit") {
    std::string mini = shell_quoted(source_path("tests/data/valid/mini.json"));
    const Ran ran = run_cli("run " + mini + " --lang en", "1\nu\n9\n1\n2\n");
    CHECK(ran.exit_code == 0);
    const std::string out = ran.out + ran.err;
    CHECK(out.find("-- undone --") != std::string::npos);
    CHECK(out.find("Please type a number") != std::string::npos);
    CHECK(out.find("Feedback: Good question.") != std::string::npos);
    CHECK(out.find("Totals: Qualify +1, Bias +2") != std::string::npos);
}

namespace {

// stdout and stderr together in `out`, with `environment` (NAME=value ...) before the program.
Ran run_cli_with(const std::string& program, const std::string& environment, const std::string& arguments) {
    Ran ran = run_cli(arguments, "", environment + " ", shell_quoted(program));
    ran.out += ran.err;
    return ran;
}

}  // namespace

TEST_CASE("without the window program, the command line says so and still works") {
    // A copy of the binary alone in a folder: no salesdojo-window next to it or in ../libexec.
    const fs::path dir = fs::temp_directory_path() / ("salesdojo_cli_alone_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "bin");
    const fs::path alone = dir / "bin/salesdojo";
    fs::copy_file(SALESDOJO_CLI_PATH, alone);
    const std::string scenario = shell_quoted(source_path("scenarios/demanding_director.json"));
    CHECK(run_cli_with(alone.string(), "", "lint " + scenario).exit_code == 0);
    CHECK(run_cli_with(alone.string(), "", "run " + scenario + " --choices 1,1,1 --debrief").exit_code == 0);
#ifdef SALESDOJO_CLI_HAS_WINDOW
    Ran missing = run_cli_with(alone.string(), "", "");
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.find("the window is not installed") != std::string::npos);
    CHECK(missing.out.find((dir / "libexec/salesdojo/salesdojo-window").string()) != std::string::npos);
#else
    CHECK(run_cli_with(alone.string(), "", "").exit_code == 0);  // help: built without the window
#endif
    fs::remove_all(dir);
}

#ifdef SALESDOJO_CLI_HAS_WINDOW
TEST_CASE("play and no subcommand exec the window program with the options") {
    const fs::path dir = fs::temp_directory_path() / ("salesdojo_cli_window_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path fake = dir / "fake-window";
    {
        std::ofstream script(fake);
        script << "#!/bin/sh\nprintf '%s|' \"$@\" > '" << (dir / "args.txt").string() << "'\nexit 7\n";
    }
    fs::permissions(fake, fs::perms::owner_all);
    const std::string env = "SALESDOJO_WINDOW_PROGRAM=" + shell_quoted(fake.string());
    const std::string scenario = source_path("scenarios/demanding_director.json");

    // exec: the window's exit code is the command's.
    CHECK(run_cli_with(SALESDOJO_CLI_PATH, env, "play " + shell_quoted(scenario) + " --lang en --mode assessment")
              .exit_code == 7);
    CHECK(read_text_file((dir / "args.txt").string()) ==
          "--lang|en|--mode|assessment|--|" + scenario + "|");
    CHECK(run_cli_with(SALESDOJO_CLI_PATH, env, "").exit_code == 7);
    CHECK(read_text_file((dir / "args.txt").string()) == "|");  // printf with no arguments: the format once
    // --trainee is passed on, to play and to the home screen alike.
    CHECK(run_cli_with(SALESDOJO_CLI_PATH, env, "play " + shell_quoted(scenario) + " --trainee Anna").exit_code == 7);
    CHECK(read_text_file((dir / "args.txt").string()) == "--trainee|Anna|--|" + scenario + "|");
    CHECK(run_cli_with(SALESDOJO_CLI_PATH, env, "--trainee 'Bram de Vries'").exit_code == 7);
    CHECK(read_text_file((dir / "args.txt").string()) == "--trainee|Bram de Vries|");

    // An explicit program that is not there is an error, not a fall-back to another window.
    Ran missing = run_cli_with(SALESDOJO_CLI_PATH, "SALESDOJO_WINDOW_PROGRAM=/nonexistent/window", "");
    CHECK(missing.exit_code == 1);
    CHECK(missing.out.find("/nonexistent/window") != std::string::npos);
    fs::remove_all(dir);
}
#endif

TEST_CASE("lint and run never pass control sequences from a scenario to the terminal") {
    fs::path dir = fs::temp_directory_path() / "salesdojo_cli_control";
    fs::remove_all(dir);
    fs::create_directories(dir);
    // ESC[2J clears the screen, OSC 0 sets the window title, U+009B is the 8-bit CSI.
    const std::string hostile = R"(\u001b[2J\u001b]0;pwned\u0007\u009b31m)";
    std::string text = read_text_file(source_path("tests/data/valid/mini.json"));
    text.replace(text.find("\"Wat kunt u voor ons doen?\""), 27, "\"Wat" + hostile + "?\"");
    text.replace(text.find("\"author\""), 8, "\"auth" + hostile + "or\"");  // an unknown key, quoted in SD1009
    std::ofstream(dir / "control.json", std::ios::binary) << text;
    const std::string file = shell_quoted((dir / "control.json").string());
    for (const std::string& arguments : {"lint " + file, "run " + file + " --choices ask,offer", "run " + file + " --choices ask,offer --debrief"}) {
        CAPTURE(arguments);
        const Ran ran = run_cli(arguments);
        const std::string out = ran.out + ran.err;
        CHECK(out.find('\x1b') == std::string::npos);
        CHECK(out.find('\x07') == std::string::npos);
        CHECK(out.find("\xC2\x9B") == std::string::npos);
        CHECK(out.find("\\u001B[2J") != std::string::npos);  // shown, harmlessly
    }
    fs::remove_all(dir);
}

TEST_CASE("lint of a folder without scenarios names the folder, even one called x.json") {
    fs::path dir = fs::temp_directory_path() / "salesdojo_cli_empty" / "x.json";
    fs::remove_all(dir.parent_path());
    fs::create_directories(dir);
    const Ran ran = run_cli("lint " + shell_quoted(dir.string()));
    CHECK(ran.exit_code == 2);
    const std::string out = ran.out + ran.err;
    CHECK(out.find("no scenario files (*.json) found in '" + dir.string() + "'") != std::string::npos);
    fs::remove_all(dir.parent_path());
}

TEST_CASE("lint of a folder beyond the catalogue limit says so and exits 1, at the limit it is clean") {
    const fs::path dir = fs::temp_directory_path() / ("salesdojo_cli_catalogue_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path mini = source_path("tests/data/valid/mini.json");
    for (std::size_t i = 0; i <= salesdojo::kMaxCatalogueFiles; ++i)  // symlinks: cheap, and lint follows them
        fs::create_symlink(mini, dir / ("s" + std::to_string(i) + ".json"));
    const auto lint = [&](int& exit_code) {
        const Ran outcome = run_cli_with(SALESDOJO_CLI_PATH, "", "lint " + shell_quoted(dir.string()));
        exit_code = outcome.exit_code;
        return outcome.out;
    };
    int code = -1;
    std::string out = lint(code);
    CHECK(code == 1);
    CHECK(out.find("'" + dir.string() + "' holds " + std::to_string(salesdojo::kMaxCatalogueFiles + 1) + " scenario files") !=
          std::string::npos);
    fs::remove(dir / "s0.json");
    out = lint(code);
    CHECK(code == 0);
    CHECK(out.find("scenario files;") == std::string::npos);
    fs::remove_all(dir);
}
