// Diagnostics as data: the registry, the text form editors can click, the JSON form for tools.
#include "test_support.hpp"

#include <salesdojo/diagnostic.hpp>

#include <nlohmann/json.hpp>

#include <set>

using namespace salesdojo;

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
