// Diagnostics as data: the registry, the text form editors can click, the JSON form for tools.
#include "test_support.hpp"

#include <salesdojo/diagnostic.hpp>
#include <salesdojo/diagnostic_descriptors.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <regex>
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

// The "Message: `...`" lines of each "## SDxxxx" section, in order: one per message shape.
std::map<std::string, std::vector<std::string>> documented_messages(const std::string& doc) {
    std::map<std::string, std::vector<std::string>> messages;
    std::istringstream in(doc);
    std::string line, code;
    while (std::getline(in, line)) {
        if (line.rfind("## SD", 0) == 0) code = line.substr(3, 6);
        const std::string prefix = "Message: `";
        if (!code.empty() && line.rfind(prefix, 0) == 0 && line.size() > prefix.size() && line.back() == '`')
            messages[code].push_back(line.substr(prefix.size(), line.size() - prefix.size() - 1));
    }
    return messages;
}

// The placeholders {k} of a template, in order of appearance.
std::vector<int> placeholders(const std::string& message) {
    std::vector<int> found;
    static const std::regex placeholder(R"(\{([1-9][0-9]*)\})");
    for (auto it = std::sregex_iterator(message.begin(), message.end(), placeholder); it != std::sregex_iterator(); ++it)
        found.push_back(std::stoi((*it)[1]));
    return found;
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

TEST_CASE("every message shape is a descriptor row: a known code, a template with {1}..{n}, in id order") {
    const auto& table = diagnostic_descriptors();
    REQUIRE_FALSE(table.empty());
    std::set<std::string> codes_with_shapes, templates;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const DiagnosticDescriptor& d = table[i];
        INFO(d.code << ": " << d.message);
        CHECK(static_cast<std::size_t>(d.id) == i);  // descriptor(id) indexes the table
        CHECK(&descriptor(d.id) == &d);
        CHECK(find_diagnostic_code(d.code) != nullptr);
        CHECK(templates.insert(d.message).second);  // two rows with one template would be one shape
        codes_with_shapes.insert(d.code);
        // Placeholders are {1}..{n}, each at least once (a template may repeat one).
        const std::vector<int> found = placeholders(d.message);
        const std::set<int> distinct(found.begin(), found.end());
        if (!distinct.empty()) {
            CHECK(*distinct.begin() == 1);
            CHECK(*distinct.rbegin() == static_cast<int>(distinct.size()));
        }
        CHECK(std::string(d.message).find('`') == std::string::npos);  // the docs quote it in backticks
    }
    for (const auto& code : diagnostic_codes()) {
        INFO(code.code);
        CHECK(codes_with_shapes.count(code.code) == 1);  // every code is emitted by some shape
    }
}

TEST_CASE("a template's placeholders are filled in order, other braces are text") {
    CHECK(format_message(DiagnosticId::UnknownNode, {"pitchh", "; did you mean 'pitch'?"}) ==
          "unknown node 'pitchh'; did you mean 'pitch'?");
    CHECK(format_message(DiagnosticId::NotAfterComparison, {"=="}) ==
          "'not' cannot directly follow '==': put it in parentheses, as in '== (not ...)'");
    CHECK(format_message(DiagnosticId::TextWrongType, {"text", "a number"}) ==
          "'text' must be a string or an object of translations like {\"nl\": ..., \"en\": ...}, not a number");
    const Diagnostic d = make_diagnostic(DiagnosticId::GainingLoop, {"ask"}, "a.json", "/nodes/3");
    CHECK(d.code == "SD3106");
    CHECK(d.severity == Severity::Warning);
    CHECK(d.pointer == "/nodes/3");
    CHECK(d.message.rfind("going round the loop through node 'ask' gains points", 0) == 0);
    const DiagnosticText text{DiagnosticId::DeadEnd, {"n4"}};
    CHECK(text.code() == "SD2008");
    CHECK(text.message() == "node 'n4' is a dead end: it is not an ending and has no choices");
}

TEST_CASE("docs/diagnostics.md shows every message template under its code, and no other") {
    const std::string doc = read_text_file(source_path("docs/diagnostics.md"));
    REQUIRE_FALSE(doc.empty());
    const auto documented = documented_messages(doc);
    std::map<std::string, std::vector<std::string>> emitted;
    for (const auto& d : diagnostic_descriptors()) emitted[d.code].push_back(d.message);
    for (const auto& entry : emitted) {  // not a structured binding: clang 14 cannot capture one
        const std::string& code = entry.first;
        INFO(code);
        const auto it = documented.find(code);
        REQUIRE_MESSAGE(it != documented.end(), code << " has no Message: line in docs/diagnostics.md");
        CHECK(it->second == entry.second);  // the same templates, in the table's order
    }
    for (const auto& entry : documented)
        CHECK_MESSAGE(emitted.count(entry.first) == 1, "docs/diagnostics.md shows messages for " << entry.first << ", which emits none");
}

TEST_CASE("the doc parser reads Message lines per section") {
    const auto messages = documented_messages("## SD2002 unknown target node\nSeverity: error.\nMessage: `unknown node '{1}'{2}`\n"
                                              "Text.\nMessage: `second {1}`\n## SD2003 x\nSeverity: error.\nNo message here.\n");
    REQUIRE(messages.size() == 1);
    CHECK(messages.at("SD2002") == std::vector<std::string>{"unknown node '{1}'{2}", "second {1}"});
    CHECK(placeholders("a {2} b {1} c {1} {x} {0}") == std::vector<int>{2, 1, 1});
}

TEST_CASE("no creation site in src/ writes a code and a message by hand: they name a descriptor") {
    // Any string literal "SDxxxx" outside the two tables means a diagnostic made from loose text.
    namespace fs = std::filesystem;
    const std::regex literal_code(R"("SD[0-9]{4}")");
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_path("src"))) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        if (name == "diagnostic.cpp" || name == "diagnostic_descriptors.cpp") continue;
        const std::string ext = entry.path().extension().string();
        if (ext != ".cpp" && ext != ".hpp") continue;
        ++files;
        const std::string text = read_text_file(entry.path().string());
        std::smatch match;
        CHECK_MESSAGE(!std::regex_search(text, match, literal_code),
                      entry.path().string() << " writes " << match.str() << ": create the diagnostic from a DiagnosticId");
    }
    CHECK(files > 50);
}
