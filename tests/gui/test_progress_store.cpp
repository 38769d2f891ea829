// The last-score store: missing/broken files are empty, record() saves atomically and round-trips.
#include "progress_store.hpp"
#include "temp_env.hpp"
#include "settings.hpp"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>

using namespace salesdojo::gui;
namespace fs = std::filesystem;
using salesdojo::test::ScopedEnv;
using salesdojo::test::TempDir;

namespace {

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("progress: a missing file is empty; record creates folder and file") {
    TempDir tmp{"salesdojo-progress"};
    const fs::path file = tmp.path() / "data" / "salesdojo" / "progress.json";
    ProgressStore store(file.string());
    CHECK_FALSE(store.last_score("demanding_director").has_value());

    std::string error;
    REQUIRE_MESSAGE(store.record("demanding_director", 72.5, &error), error);
    REQUIRE(store.last_score("demanding_director").has_value());
    CHECK(*store.last_score("demanding_director") == 72.5);

    const nlohmann::json doc = nlohmann::json::parse(read(file));
    CHECK(doc["format"] == 1);
    CHECK(doc["last_scores"]["demanding_director"] == 72.5);

    // Only the file itself in the folder: the temporary was renamed over it.
    int entries = 0;
    for (const auto& e : fs::directory_iterator(file.parent_path())) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 1);

    // A second record replaces that scenario's score and keeps the others.
    REQUIRE(store.record("loyal_client_followup", 40.0));
    REQUIRE(store.record("demanding_director", 90.0));
    ProgressStore reloaded(file.string());
    CHECK(reloaded.last_score("demanding_director") == std::optional<double>(90.0));
    CHECK(reloaded.last_score("loyal_client_followup") == std::optional<double>(40.0));
    CHECK_FALSE(reloaded.last_score("other").has_value());
}

TEST_CASE("progress: broken, foreign or odd files load as empty or skip odd entries") {
    TempDir tmp{"salesdojo-progress"};
    const fs::path file = tmp.path() / "progress.json";
    for (const char* text : {"", "{", "[]", "null", "{\"format\":1}", "{\"format\":1,\"last_scores\":[1]}",
                             "{\"last_scores\":{\"a\":1}}", "{\"format\":2,\"last_scores\":{\"a\":1}}",
                             "{\"format\":\"1\",\"last_scores\":{\"a\":1}}"}) {
        CAPTURE(text);
        write(file, text);
        ProgressStore store(file.string());
        CHECK_FALSE(store.last_score("a").has_value());
    }
    write(file, R"({"format":1,"last_scores":{"a":55,"b":"high","c":null,"d":12.25,"":3}})");
    ProgressStore store(file.string());
    CHECK(store.last_score("a") == std::optional<double>(55.0));
    CHECK_FALSE(store.last_score("b").has_value());
    CHECK_FALSE(store.last_score("c").has_value());
    CHECK(store.last_score("d") == std::optional<double>(12.25));
    CHECK_FALSE(store.last_score("").has_value());

    // Recording over a broken file rewrites it as a valid one.
    write(file, "garbage");
    ProgressStore fresh(file.string());
    REQUIRE(fresh.record("x", 10.0));
    CHECK(nlohmann::json::parse(read(file))["last_scores"]["x"] == 10.0);
}

TEST_CASE("progress: record refuses bad input and reports write failures") {
    TempDir tmp{"salesdojo-progress"};
    std::string error;
    ProgressStore store((tmp.path() / "p.json").string());
    CHECK_FALSE(store.record("", 50.0, &error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(store.record("a", std::numeric_limits<double>::quiet_NaN(), &error));
    CHECK_FALSE(store.last_score("a").has_value());

    write(tmp.path() / "blocker", "x");  // a file where the folder should be
    ProgressStore blocked((tmp.path() / "blocker" / "sub" / "p.json").string());
    error.clear();
    CHECK_FALSE(blocked.record("a", 50.0, &error));
    CHECK_FALSE(error.empty());
    CHECK(blocked.last_score("a") == std::optional<double>(50.0));  // still shown this run

    ProgressStore nowhere("");
    CHECK_FALSE(nowhere.record("a", 50.0));
}

TEST_CASE("progress: default path is in the data folder") {
    TempDir tmp{"salesdojo-progress"};
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
    ::setenv("XDG_DATA_HOME", tmp.path().string().c_str(), 1);
    CHECK(default_progress_path() == (tmp.path() / "salesdojo" / "progress.json").string());
    if (saved) {
        ::setenv("XDG_DATA_HOME", saved->c_str(), 1);
    } else {
        ::unsetenv("XDG_DATA_HOME");
    }
}
