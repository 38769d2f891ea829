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
#include <vector>

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

// The damaged copies next to `file` (progress.json.damaged-<time>).
static std::vector<fs::path> damaged_copies(const fs::path& file) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(file.parent_path()))
        if (e.path().filename().string().rfind(file.filename().string() + ".damaged-", 0) == 0) out.push_back(e.path());
    return out;
}

TEST_CASE("progress: a damaged file is set aside, never overwritten, and the store says where it is") {
    TempDir tmp{"salesdojo-progress"};
    const fs::path file = tmp.path() / "progress.json";
    for (const char* text : {"", "{", "[]", "null", "garbage", "{\"format\":1}", "{\"format\":1,\"last_scores\":[1]}",
                             "{\"last_scores\":{\"a\":1}}", "{\"format\":0,\"last_scores\":{\"a\":1}}",
                             "{\"format\":\"1\",\"last_scores\":{\"a\":1}}"}) {
        CAPTURE(text);
        for (const auto& old : damaged_copies(file)) fs::remove(old);
        write(file, text);
        ProgressStore store(file.string());
        CHECK_FALSE(store.last_score("a").has_value());
        CHECK(store.notice().problem == ProgressProblem::SetAside);
        CHECK_FALSE(fs::exists(file));
        const auto copies = damaged_copies(file);
        REQUIRE(copies.size() == 1);
        CHECK(store.notice().kept_path == copies[0].string());
        CHECK(read(copies[0]) == text);  // kept byte for byte
        // The next score goes into a fresh file; the damaged copy stays as it was.
        REQUIRE(store.record("x", 10.0));
        CHECK(nlohmann::json::parse(read(file))["last_scores"]["x"] == 10.0);
        CHECK(read(copies[0]) == text);
    }

    // Odd entries: the good scores are read, and the file is still set aside with everything in it.
    for (const auto& old : damaged_copies(file)) fs::remove(old);
    const std::string odd = R"({"format":1,"last_scores":{"a":55,"b":"high","c":null,"d":12.25,"":3}})";
    write(file, odd);
    ProgressStore store(file.string());
    CHECK(store.last_score("a") == std::optional<double>(55.0));
    CHECK_FALSE(store.last_score("b").has_value());
    CHECK_FALSE(store.last_score("c").has_value());
    CHECK(store.last_score("d") == std::optional<double>(12.25));
    CHECK_FALSE(store.last_score("").has_value());
    CHECK(store.notice().problem == ProgressProblem::SetAside);
    REQUIRE(damaged_copies(file).size() == 1);
    CHECK(read(damaged_copies(file)[0]) == odd);

    // A clean file: no notice, nothing renamed.
    for (const auto& old : damaged_copies(file)) fs::remove(old);
    write(file, R"({"format":1,"last_scores":{"a":55}})");
    ProgressStore clean(file.string());
    CHECK(clean.notice().problem == ProgressProblem::None);
    CHECK(damaged_copies(file).empty());
}

TEST_CASE("progress: a newer format, or a damaged file that cannot be renamed, is left alone and not written") {
    TempDir tmp{"salesdojo-progress"};
    const fs::path file = tmp.path() / "progress.json";
    const std::string newer = R"({"format":2,"last_scores":{"a":1}})";
    write(file, newer);
    ProgressStore store(file.string());
    CHECK(store.notice().problem == ProgressProblem::NewerFormat);
    std::string error;
    CHECK_FALSE(store.record("x", 10.0, &error));
    CHECK(error.find("not saved") != std::string::npos);
    CHECK(store.last_score("x") == std::optional<double>(10.0));  // shown this run
    CHECK(read(file) == newer);

    if (::geteuid() != 0) {  // root may rename in a read-only folder
        write(file, "garbage");
        fs::permissions(tmp.path(), fs::perms::owner_read | fs::perms::owner_exec);
        ProgressStore stuck(file.string());
        fs::permissions(tmp.path(), fs::perms::owner_all);
        CHECK(stuck.notice().problem == ProgressProblem::Unreadable);
        CHECK_FALSE(stuck.record("x", 10.0));
        CHECK(read(file) == "garbage");
    }
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
