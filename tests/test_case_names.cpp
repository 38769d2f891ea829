// ctest runs each doctest case by name (doctest_discover_tests). A ';' in a name splits it into two
// ctest entries that match no case and "pass" having run nothing: 48 cases were silently skipped that
// way, one of them failing. Commas are escaped by the discovery and are fine.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

using namespace salesdojo::test;

TEST_CASE("test case names have no semicolon, so ctest runs every case") {
    namespace fs = std::filesystem;
    const std::regex name(R"re(TEST_CASE\("([^"]*)")re");
    int cases = 0;
    for (const auto& entry : fs::recursive_directory_iterator(source_path("tests"))) {
        if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
        if (entry.path().string().find("node_modules") != std::string::npos) continue;
        const std::string text = read_text_file(entry.path().string());
        for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) {
            ++cases;
            CHECK_MESSAGE((*it)[1].str().find(';') == std::string::npos,
                          entry.path().filename().string() << ": \"" << (*it)[1].str() << "\" has a ';'");
        }
    }
    CHECK(cases > 300);
}
