// The window's playtest "with" field (include/salesdojo/authoring/playtest_values.hpp).
#include <salesdojo/authoring/playtest_values.hpp>

#include <doctest/doctest.h>

using namespace salesdojo;

TEST_CASE("playtest values: var=value sets, a bare word learns, spaces and commas separate") {
    PlaytestSetup setup;
    std::string error;
    REQUIRE(authoring::add_playtest_values(" trust=3,need_known ;  budget=true ", setup, error));
    REQUIRE(setup.set.size() == 2);
    CHECK(setup.set[0] == std::make_pair(std::string("trust"), std::string("3")));
    CHECK(setup.set[1] == std::make_pair(std::string("budget"), std::string("true")));
    CHECK(setup.learn == std::vector<std::string>{"need_known"});
    PlaytestSetup empty;
    CHECK(authoring::add_playtest_values("  ", empty, error));
    CHECK(empty.set.empty());
    CHECK(empty.learn.empty());
}

TEST_CASE("playtest values: a word with '=' but no name or value is refused, naming it") {
    for (const char* text : {"=3", "trust=", "a=1 ="}) {
        CAPTURE(text);
        PlaytestSetup setup;
        std::string error;
        CHECK_FALSE(authoring::add_playtest_values(text, setup, error));
        CHECK(error.find("needs a variable and a value") != std::string::npos);
    }
}
