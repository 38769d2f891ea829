// Diagnostics as data: the registry, the text form editors can click, the JSON form for tools.
#include "test_support.hpp"

#include <salesdojo/diagnostic.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#ifndef _WIN32
#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace salesdojo;
using salesdojo::test::read_text_file;
using salesdojo::test::source_path;

namespace {

struct DocumentedCode {
    std::string title;
    std::string severity;  // as written: "error" or "warning" ("" when the line is missing or malformed)
    int line = 0;
    int sections = 0;      // how many "## SDxxxx" headings name the code
};

// Every "## SDxxxx title" section of docs/diagnostics.md with the "Severity: error." (or
// "Severity: warning.") line that must follow its heading.
std::map<std::string, DocumentedCode> documented_codes(const std::string& doc) {
    std::map<std::string, DocumentedCode> codes;
    std::istringstream in(doc);
    std::string line;
    DocumentedCode* open = nullptr;  // the section whose heading was the previous line
    for (int number = 1; std::getline(in, line); ++number) {
        if (open) {
            const std::string prefix = "Severity: ";
            if (line.rfind(prefix, 0) == 0 && line.size() > prefix.size() + 1 && line.back() == '.')
                open->severity = line.substr(prefix.size(), line.size() - prefix.size() - 1);
            open = nullptr;
        }
        if (line.rfind("## SD", 0) != 0) continue;
        const std::string code = line.substr(3, 6);
        DocumentedCode& entry = codes[code];
        entry.title = line.size() > 10 ? line.substr(10) : "";
        entry.line = number;
        ++entry.sections;
        open = &entry;
    }
    return codes;
}

std::string severity_word(Severity severity) { return severity == Severity::Error ? "error" : "warning"; }

}  // namespace

TEST_CASE("codes are unique, well-formed and grouped by kind") {
    std::set<std::string> seen;
    for (const auto& code : diagnostic_codes()) {
        std::string id = code.code;
        CHECK(seen.insert(id).second);
        REQUIRE(id.size() == 6);
        CHECK(id.substr(0, 2) == "SD");
        CHECK((id[2] == '1' || id[2] == '2' || id[2] == '3'));
        CHECK(std::string(code.title).size() > 5);
    }
    CHECK(find_diagnostic_code("SD2002") != nullptr);
    CHECK(find_diagnostic_code("SD9999") == nullptr);
    CHECK(find_diagnostic_code("SD1009")->severity == Severity::Warning);
}

TEST_CASE("the text form is file:line:col: severity[code]: message") {
    Diagnostic d{Severity::Error, "SD2003", "unknown variable or fact 'x'", "a.json", 12, 7, "/nodes/0"};
    CHECK(format_diagnostic(d) == "a.json:12:7: error[SD2003]: unknown variable or fact 'x'");
    d.severity = Severity::Warning;
    d.line = 0;
    CHECK(format_diagnostic(d) == "a.json: warning[SD2003]: unknown variable or fact 'x'");
}

TEST_CASE("the JSON form carries every field") {
    Diagnostic d{Severity::Warning, "SD1009", "unknown key 'choise'", "b.json", 3, 5, "/nodes/1/choise"};
    nlohmann::json j = diagnostic_to_json(d);
    CHECK(j["severity"] == "warning");
    CHECK(j["code"] == "SD1009");
    CHECK(j["line"] == 3);
    CHECK(j["column"] == 5);
    CHECK(j["pointer"] == "/nodes/1/choise");
    Diagnostics list{d, Diagnostic{Severity::Error, "SD2002", "m", "b.json", 1, 1, ""}};
    CHECK(has_errors(list));
    CHECK(count(list, Severity::Warning) == 1);
}

TEST_CASE("docs/diagnostics.md states each code's title and severity as the code table has them") {
    const std::string doc = read_text_file(source_path("docs/diagnostics.md"));
    REQUIRE_FALSE(doc.empty());
    const auto documented = documented_codes(doc);
    for (const auto& code : diagnostic_codes()) {
        INFO(code.code);
        const auto it = documented.find(code.code);
        REQUIRE_MESSAGE(it != documented.end(), code.code << " has no section in docs/diagnostics.md");
        INFO("docs/diagnostics.md:" << it->second.line);
        CHECK(it->second.sections == 1);
        CHECK(it->second.title == code.title);
        CHECK_MESSAGE(it->second.severity == severity_word(code.severity),
                      "documented severity '" << it->second.severity << "', emitted " << severity_word(code.severity));
    }
    for (const auto& documented_code : documented) {  // not a structured binding: clang 14 cannot capture one
        const auto& code = documented_code.first;
        const auto& entry = documented_code.second;
        CHECK_MESSAGE(find_diagnostic_code(code) != nullptr,
                      "docs/diagnostics.md:" << entry.line << " documents " << code << ", which is not in the code table");
    }
    CHECK(documented.size() == diagnostic_codes().size());
}

TEST_CASE("the doc parser reads a section's severity and notices a missing one") {
    const auto codes = documented_codes("# t\n\n## SD1009 unknown key\nSeverity: warning.\nText.\n\n"
                                        "## SD2002 unknown target node\nText without a severity.\n");
    REQUIRE(codes.size() == 2);
    CHECK(codes.at("SD1009").severity == "warning");
    CHECK(codes.at("SD1009").title == "unknown key");
    CHECK(codes.at("SD1009").line == 3);
    CHECK(codes.at("SD2002").severity == "");
}

TEST_CASE("make_diagnostic takes the severity from the code table") {
    const Diagnostic warning = make_diagnostic("SD1009", "unknown key 'choise'", "a.json", "/nodes/0/choise");
    CHECK(warning.severity == Severity::Warning);
    CHECK(warning.code == "SD1009");
    CHECK(warning.message == "unknown key 'choise'");
    CHECK(warning.file == "a.json");
    CHECK(warning.pointer == "/nodes/0/choise");
    CHECK(warning.line == 0);
    CHECK(warning.column == 0);
    CHECK(make_diagnostic("SD2002", "m").severity == Severity::Error);
    CHECK(make_diagnostic("SD3101", "m").severity == Severity::Warning);
    for (const auto& code : diagnostic_codes()) {
        INFO(code.code);
        const Diagnostic d = make_diagnostic(code.code, "m", "f.json");
        CHECK(d.severity == code.severity);
        CHECK(d.code == code.code);
    }
}

#ifndef _WIN32
TEST_CASE("make_diagnostic with a code not in the table aborts, naming the code") {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const rlimit no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core);
        std::signal(SIGABRT, SIG_DFL);  // not doctest's crash handler, which would report a failed run
        ::dup2(pipe_fds[1], STDERR_FILENO);
        ::close(pipe_fds[0]);
        (void)make_diagnostic("SD9999", "m");
        ::_exit(0);  // not reached when the contract holds
    }
    ::close(pipe_fds[1]);
    std::string err;
    char buffer[256];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0) break;
        err.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_fds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGABRT);
    CHECK(err.find("SD9999") != std::string::npos);
}
#endif
