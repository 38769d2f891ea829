// Where the window opens (window_place.hpp) and the remembered place in the settings file.
#include "settings.hpp"
#include "temp_env.hpp"
#include "window_place.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace salesdojo::gui;
using salesdojo::test::TempDir;

TEST_CASE("the first window takes 80 % of the screen, later ones the place they were left when it fits") {
    OpeningPlace first = opening_place(3840, 2160, std::nullopt);
    CHECK(first.width == 3072);
    CHECK(first.height == 1728);
    CHECK_FALSE(first.x);
    first = opening_place(1024, 600, std::nullopt);
    CHECK(first.width == 816);  // never more than the screen
    CHECK(first.height == 480);

    const WindowPlace left{100, 50, 1200, 800};
    const OpeningPlace again = opening_place(1920, 1080, left);
    CHECK(again.width == 1200);
    CHECK(again.height == 800);
    CHECK(again.x == 100);
    CHECK(again.y == 50);
    // A smaller screen now (or a place off it): the remembered place is not used.
    CHECK_FALSE(opening_place(1280, 720, left).x);
    CHECK(opening_place(1280, 720, left).width == 1024);
    CHECK_FALSE(opening_place(1920, 1080, WindowPlace{-10, 0, 800, 600}).x);
    CHECK_FALSE(opening_place(1920, 1080, WindowPlace{1500, 0, 800, 600}).x);
}

TEST_CASE("the window's place is saved with the settings and a damaged one is ignored") {
    TempDir tmp{"salesdojo-window-place"};
    const std::string path = (tmp.path() / "settings.json").string();
    Settings s;
    s.window = WindowPlace{12, 34, 1111, 777};
    std::string error;
    REQUIRE_MESSAGE(save_settings(path, s, &error), error);
    const Settings back = load_settings(path);
    REQUIRE(back.window);
    CHECK(back.window->x == 12);
    CHECK(back.window->y == 34);
    CHECK(back.window->width == 1111);
    CHECK(back.window->height == 777);

    for (const char* bad : {R"({"window": {"x": 1, "y": 2, "width": "wide", "height": 700}})",
                            R"({"window": {"x": 1, "y": 2, "width": 10, "height": 700}})",
                            R"({"window": {"x": 1.5, "y": 2, "width": 900, "height": 700}})",
                            R"({"window": [1, 2, 900, 700], "language": "nl"})"}) {
        std::ofstream(path, std::ios::trunc) << bad;
        const Settings odd = load_settings(path);
        CAPTURE(bad);
        CHECK_FALSE(odd.window);
    }
    CHECK(load_settings(path).language == "nl");  // the other fields still count
}
