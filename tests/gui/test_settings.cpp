// Settings: the XDG folders, defaults for missing/broken/odd files, clamping, atomic save.
#include "settings.hpp"
#include "temp_env.hpp"

#include <doctest/doctest.h>

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


void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void check_defaults(const Settings& s) {
    const Settings d;
    CHECK(s.language == d.language);
    CHECK(s.font_scale == d.font_scale);
    CHECK(s.high_contrast == d.high_contrast);
    CHECK(s.fullscreen == d.fullscreen);
    CHECK(s.read_aloud == d.read_aloud);
    CHECK(s.mode == d.mode);
}

}  // namespace

TEST_CASE("config and data folders follow XDG, with HOME as fallback") {
    TempDir tmp{"salesdojo-settings"};
    {
        ScopedEnv config("XDG_CONFIG_HOME", (tmp.path() / "cfg").string());
        ScopedEnv data("XDG_DATA_HOME", (tmp.path() / "data").string());
        CHECK(config_folder() == (tmp.path() / "cfg" / "salesdojo").string());
        CHECK(data_folder() == (tmp.path() / "data" / "salesdojo").string());
        CHECK(settings_path() == (tmp.path() / "cfg" / "salesdojo" / "settings.json").string());
        CHECK_FALSE(fs::exists(tmp.path() / "cfg"));  // not created by asking
    }
    {
        ScopedEnv home("HOME", tmp.path().string());
        ScopedEnv config("XDG_CONFIG_HOME", std::nullopt);
        ScopedEnv data("XDG_DATA_HOME", "");
        CHECK(config_folder() == (tmp.path() / ".config" / "salesdojo").string());
        CHECK(data_folder() == (tmp.path() / ".local/share" / "salesdojo").string());
    }
    {
        ScopedEnv home("HOME", tmp.path().string());
        ScopedEnv config("XDG_CONFIG_HOME", "relative/path");  // ignored, as the XDG spec says
        CHECK(config_folder() == (tmp.path() / ".config" / "salesdojo").string());
    }
}

TEST_CASE("missing, empty, broken or non-object settings files give the defaults") {
    TempDir tmp{"salesdojo-settings"};
    check_defaults(load_settings((tmp.path() / "nope.json").string()));
    check_defaults(load_settings(""));
    for (const char* text : {"", "{", "not json", "[1,2]", "null", "42", "\"text\"", "{\"language\": }"}) {
        CAPTURE(text);
        write(tmp.path() / "s.json", text);
        check_defaults(load_settings((tmp.path() / "s.json").string()));
    }
    check_defaults(load_settings(tmp.path().string()));  // a folder, not a file
}

TEST_CASE("odd values keep their field's default, the others are read") {
    TempDir tmp{"salesdojo-settings"};
    const fs::path file = tmp.path() / "s.json";
    write(file, R"({"language": "de", "font_scale": "big", "high_contrast": 1, "fullscreen": true,
                    "read_aloud": "yes", "mode": "classroom", "unknown": [1]})");
    Settings s = load_settings(file.string());
    CHECK(s.language == "en");
    CHECK(s.font_scale == 1.0f);
    CHECK(s.high_contrast == false);
    CHECK(s.fullscreen == true);
    CHECK(s.read_aloud == false);
    CHECK(s.mode == "practice");

    write(file, R"({"language": "nl", "font_scale": 9.5, "mode": "assessment"})");
    s = load_settings(file.string());
    CHECK(s.language == "nl");
    CHECK(s.font_scale == 2.5f);
    CHECK(s.mode == "assessment");

    write(file, R"({"font_scale": -3})");
    CHECK(load_settings(file.string()).font_scale == 0.75f);
    write(file, R"({"font_scale": 1e400})");  // nlohmann reads this as infinity
    CHECK(load_settings(file.string()).font_scale == 1.0f);

    CHECK(clamp_font_scale(0.1f) == 0.75f);
    CHECK(clamp_font_scale(1.25f) == 1.25f);
    CHECK(clamp_font_scale(std::numeric_limits<float>::quiet_NaN()) == 1.0f);
}

TEST_CASE("save creates the folder, writes atomically and round-trips") {
    TempDir tmp{"salesdojo-settings"};
    ScopedEnv config("XDG_CONFIG_HOME", (tmp.path() / "deep" / "config").string());
    const std::string path = settings_path();
    REQUIRE_FALSE(fs::exists(fs::path(path).parent_path()));

    Settings s;
    s.language = "nl";
    s.font_scale = 1.1f;
    s.high_contrast = true;
    s.fullscreen = true;
    s.read_aloud = true;
    s.mode = "assessment";
    std::string error;
    REQUIRE_MESSAGE(save_settings(path, s, &error), error);
    CHECK(fs::is_regular_file(path));
    const std::string text = read(path);
    CHECK(text.find("\"format\": 1") != std::string::npos);
    CHECK(text.find("\"font_scale\": 1.1,") != std::string::npos);

    // No temporary file left behind.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path())) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);

    const Settings back = load_settings(path);
    CHECK(back.language == "nl");
    CHECK(back.font_scale == doctest::Approx(1.1f));
    CHECK(back.high_contrast);
    CHECK(back.fullscreen);
    CHECK(back.read_aloud);
    CHECK(back.mode == "assessment");

    // Saving again replaces the file.
    s.language = "en";
    REQUIRE(save_settings(path, s, &error));
    CHECK(load_settings(path).language == "en");
}

TEST_CASE("save fails with a message when the folder cannot be made") {
    TempDir tmp{"salesdojo-settings"};
    write(tmp.path() / "file", "x");  // a file where a folder should be
    std::string error;
    CHECK_FALSE(save_settings((tmp.path() / "file" / "sub" / "settings.json").string(), Settings{}, &error));
    CHECK_FALSE(error.empty());
    error.clear();
    CHECK_FALSE(save_settings("", Settings{}, &error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(save_settings("", Settings{}));  // no error pointer: no crash
}
