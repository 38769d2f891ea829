// Portraits drawn headless into a window's draw list: geometry is emitted, stays in its square,
// differs per expression and hair style, uses the appearance's colours; parse_colour.
#include "headless.hpp"

#include "portrait.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

const char* const kExpressions[] = {"neutral", "annoyed", "pleased", "surprised", "worried"};
const char* const kHairStyles[] = {"short", "long", "bun", "curly", "bald"};
const char* const kAccessories[] = {"none", "glasses", "beard", "earrings", "tie"};

struct Drawn {
    std::vector<ImDrawVert> vertices;
    int indices = 0;
};

// Draws one portrait into a fresh frame's window and returns exactly the vertices it added.
Drawn draw(const Appearance& appearance, const char* expression, ImVec2 top_left, float size,
           bool anti_aliased = true) {
    ImGui::GetStyle().AntiAliasedFill = anti_aliased;
    ImGui::GetStyle().AntiAliasedLines = anti_aliased;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({1280, 720});
    ImGui::Begin("portrait test", nullptr, ImGuiWindowFlags_NoDecoration);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const int vtx_before = list->VtxBuffer.Size;
    const int idx_before = list->IdxBuffer.Size;
    draw_portrait(list, top_left, size, appearance, expression);
    Drawn out;
    out.vertices.assign(list->VtxBuffer.Data + vtx_before, list->VtxBuffer.Data + list->VtxBuffer.Size);
    out.indices = list->IdxBuffer.Size - idx_before;
    ImGui::End();
    ImGui::Render();
    ImGui::GetStyle().AntiAliasedFill = true;
    ImGui::GetStyle().AntiAliasedLines = true;
    return out;
}

bool same_geometry(const Drawn& a, const Drawn& b) {
    if (a.vertices.size() != b.vertices.size() || a.indices != b.indices) return false;
    for (std::size_t i = 0; i < a.vertices.size(); ++i) {
        const ImDrawVert &x = a.vertices[i], &y = b.vertices[i];
        if (x.pos.x != y.pos.x || x.pos.y != y.pos.y || x.col != y.col) return false;
    }
    return true;
}

std::set<ImU32> colours(const Drawn& d) {
    std::set<ImU32> out;
    for (const ImDrawVert& v : d.vertices) out.insert(v.col);
    return out;
}

Appearance sample(const char* hair_style, const char* accessory = "none") {
    Appearance a;
    a.skin = "#c68642";
    a.hair = "#2a1b3d";
    a.hair_style = hair_style;
    a.clothing = "#1f6f5c";
    a.accent = "#f2e6c9";
    a.accessory = accessory;
    return a;
}

}  // namespace

TEST_CASE("portrait: every expression x hair style draws inside its square") {
    HeadlessImGui imgui;
    for (const float size : {64.0f, 160.0f, 300.0f}) {
        const ImVec2 tl{37.5f, 21.25f};
        const float tolerance = 1.5f;  // the anti-aliasing fringe reaches about a pixel outside
        for (const char* hair : kHairStyles) {
            for (const char* expression : kExpressions) {
                CAPTURE(size);
                CAPTURE(hair);
                CAPTURE(expression);
                const Drawn d = draw(sample(hair), expression, tl, size);
                REQUIRE(d.vertices.size() > 200);
                CHECK(d.indices % 3 == 0);
                CHECK(d.vertices.size() < 6000);  // several portraits fit one 16-bit-index draw list
                float min_x = 1e9f, min_y = 1e9f, max_x = -1e9f, max_y = -1e9f;
                for (const ImDrawVert& v : d.vertices) {
                    min_x = std::min(min_x, v.pos.x);
                    min_y = std::min(min_y, v.pos.y);
                    max_x = std::max(max_x, v.pos.x);
                    max_y = std::max(max_y, v.pos.y);
                }
                CHECK(min_x >= tl.x - tolerance);
                CHECK(min_y >= tl.y - tolerance);
                CHECK(max_x <= tl.x + size + tolerance);
                CHECK(max_y <= tl.y + size + tolerance);
                // It fills the square: the background reaches the edges.
                CHECK(min_x <= tl.x + 1.0f);
                CHECK(max_y >= tl.y + size - 1.0f);
            }
        }
    }
}

TEST_CASE("portrait: each accessory draws inside the square and changes the drawing") {
    HeadlessImGui imgui;
    const ImVec2 tl{10.0f, 10.0f};
    for (const char* hair : kHairStyles) {
        const Drawn plain = draw(sample(hair), "neutral", tl, 200.0f);
        for (const char* accessory : kAccessories) {
            CAPTURE(hair);
            CAPTURE(accessory);
            const Drawn d = draw(sample(hair, accessory), "neutral", tl, 200.0f);
            for (const ImDrawVert& v : d.vertices) {
                CHECK(v.pos.x >= tl.x - 1.5f);
                CHECK(v.pos.y >= tl.y - 1.5f);
                CHECK(v.pos.x <= tl.x + 201.5f);
                CHECK(v.pos.y <= tl.y + 201.5f);
            }
            CHECK(same_geometry(d, plain) == (std::string(accessory) == "none"));
        }
    }
}

TEST_CASE("portrait: the five expressions differ from one another, unknown ones draw as neutral") {
    HeadlessImGui imgui;
    for (const char* hair : kHairStyles) {
        CAPTURE(hair);
        std::vector<Drawn> drawn;
        for (const char* expression : kExpressions) drawn.push_back(draw(sample(hair), expression, {5, 5}, 160.0f));
        for (std::size_t i = 0; i < drawn.size(); ++i) {
            for (std::size_t j = i + 1; j < drawn.size(); ++j) {
                CAPTURE(kExpressions[i]);
                CAPTURE(kExpressions[j]);
                CHECK_FALSE(same_geometry(drawn[i], drawn[j]));
            }
        }
        // Same input, same output; unknown or empty expression = neutral.
        CHECK(same_geometry(draw(sample(hair), "neutral", {5, 5}, 160.0f), drawn[0]));
        CHECK(same_geometry(draw(sample(hair), "furious", {5, 5}, 160.0f), drawn[0]));
        CHECK(same_geometry(draw(sample(hair), "", {5, 5}, 160.0f), drawn[0]));
    }
}

TEST_CASE("portrait: the hair styles differ, an unknown style draws as short") {
    HeadlessImGui imgui;
    std::vector<Drawn> drawn;
    for (const char* hair : kHairStyles) drawn.push_back(draw(sample(hair), "pleased", {0, 0}, 160.0f));
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        for (std::size_t j = i + 1; j < drawn.size(); ++j) {
            CAPTURE(kHairStyles[i]);
            CAPTURE(kHairStyles[j]);
            CHECK_FALSE(same_geometry(drawn[i], drawn[j]));
        }
    }
    CHECK(same_geometry(draw(sample("mohawk"), "pleased", {0, 0}, 160.0f), drawn[0]));
    CHECK(same_geometry(draw(sample("short", "monocle"), "pleased", {0, 0}, 160.0f), drawn[0]));
}

TEST_CASE("portrait: the appearance's hair, skin, clothing and accent colours are used") {
    HeadlessImGui imgui;
    for (const char* hair : kHairStyles) {
        for (const char* expression : kExpressions) {
            CAPTURE(hair);
            CAPTURE(expression);
            const auto used = colours(draw(sample(hair), expression, {0, 0}, 160.0f));
            CHECK(used.count(IM_COL32(0xc6, 0x86, 0x42, 255)) == 1);  // skin
            CHECK(used.count(IM_COL32(0x2a, 0x1b, 0x3d, 255)) == 1);  // hair
            CHECK(used.count(IM_COL32(0x1f, 0x6f, 0x5c, 255)) == 1);  // clothing
            CHECK(used.count(IM_COL32(0xf2, 0xe6, 0xc9, 255)) == 1);  // accent (shirt)
        }
    }
    // Another set of colours shows up as well (nothing is hard-wired).
    Appearance other = sample("long");
    other.skin = "#F1C27D";
    other.hair = "#A52A2A";
    other.clothing = "#000080";
    const auto used = colours(draw(other, "worried", {0, 0}, 160.0f));
    CHECK(used.count(IM_COL32(0xf1, 0xc2, 0x7d, 255)) == 1);
    CHECK(used.count(IM_COL32(0xa5, 0x2a, 0x2a, 255)) == 1);
    CHECK(used.count(IM_COL32(0x00, 0x00, 0x80, 255)) == 1);
}

TEST_CASE("portrait: malformed colours fall back, without anti-aliasing it still draws, nothing for size 0") {
    HeadlessImGui imgui;
    Appearance broken = sample("curly", "glasses");
    broken.skin = "peach";
    broken.hair = "#12345";
    broken.clothing = "";
    broken.accent = "#zzzzzz";
    const Drawn d = draw(broken, "surprised", {0, 0}, 160.0f);
    CHECK(d.vertices.size() > 200);
    const Appearance defaults;  // Appearance's own defaults are the fallback colours
    const auto used = colours(d);
    CHECK(used.count(parse_colour(defaults.skin, 0)) == 1);
    CHECK(used.count(parse_colour(defaults.hair, 0)) == 1);
    CHECK(used.count(parse_colour(defaults.clothing, 0)) == 1);

    const Drawn plain = draw(sample("bun", "earrings"), "annoyed", {20, 30}, 120.0f, /*anti_aliased=*/false);
    REQUIRE(plain.vertices.size() > 100);
    for (const ImDrawVert& v : plain.vertices) {
        CHECK(v.pos.x >= 20.0f - 0.01f);
        CHECK(v.pos.y >= 30.0f - 0.01f);
        CHECK(v.pos.x <= 140.0f + 0.01f);
        CHECK(v.pos.y <= 150.0f + 0.01f);
    }
    CHECK(draw(sample("short"), "neutral", {0, 0}, 0.0f).vertices.empty());
    CHECK(draw(sample("short"), "neutral", {0, 0}, -5.0f).vertices.empty());
    draw_portrait(nullptr, {0, 0}, 100.0f, sample("short"), "neutral");  // no crash
}

TEST_CASE("parse_colour: #rrggbb in either case, anything else gives the fallback") {
    const ImU32 fallback = IM_COL32(1, 2, 3, 4);
    CHECK(parse_colour("#ff8000", fallback) == IM_COL32(255, 128, 0, 255));
    CHECK(parse_colour("#FF8000", fallback) == IM_COL32(255, 128, 0, 255));
    CHECK(parse_colour("#00aBcD", fallback) == IM_COL32(0, 0xab, 0xcd, 255));
    CHECK(parse_colour("#000000", fallback) == IM_COL32(0, 0, 0, 255));
    CHECK(parse_colour("#ffffff", fallback) == IM_COL32(255, 255, 255, 255));
    for (const char* bad : {"", "#", "ff8000", "#ff800", "#ff80000", "#gg0000", "#ff 000", " #ff8000",
                            "#ff8000 ", "#f80", "red", "0xff8000", "#-f8000"}) {
        CAPTURE(bad);
        CHECK(parse_colour(bad, fallback) == fallback);
    }
}
