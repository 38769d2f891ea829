// Details of the play screen and the debrief export: PNG portraits from the scenario's folder only,
// the typewriter, the lines passed between decisions, and the HTML debrief.
#include "app_harness.hpp"
#include "views/drawable_scenario.hpp"
#include "views/play_lines.hpp"
#include "views/typewriter.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/report/debrief.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The first bytes of a PNG file of `width` x `height` pixels: enough for the header check.
std::string png_header(std::uint32_t width, std::uint32_t height) {
    std::string out("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
    return out + std::string("\x08\x06\0\0\0", 5);
}

}  // namespace

TEST_CASE("PNG portraits are loaded once, from the scenario's own folder only") {
    TempFolder temp;
    std::filesystem::create_directories(temp.path() / "pack" / "faces");
    std::string text = read_file(source_path("tests/data/valid/mini.json"));
    const std::string marker = "\"id\": \"eva\",";
    REQUIRE(text.find(marker) != std::string::npos);
    text.replace(text.find(marker), marker.size(),
                 marker + R"( "expressions": ["neutral", "pleased"], "portraits": {"neutral": "faces/eva.png", "pleased": "faces/escape.png"},)");
    std::ofstream(temp.file("pack/mini.json")) << text;
    std::ofstream(temp.file("pack/faces/eva.png"), std::ios::binary) << png_header(64, 96);
    std::ofstream(temp.file("outside.png"), std::ios::binary) << png_header(8, 8);
    // A link inside the folder that points outside it: lint refuses it (SD2018) without reading it...
    std::filesystem::create_symlink(temp.file("outside.png"), temp.path() / "pack" / "faces" / "escape.png");
    const LoadResult linted = load_scenario_file(temp.file("pack/mini.json"));
    CHECK_FALSE(linted.ok());
    CHECK(std::any_of(linted.diagnostics.begin(), linted.diagnostics.end(),
                      [](const Diagnostic& d) { return d.code == "SD2018"; }));

    // ...and so does the window, for a link made after the scenario was checked.
    std::filesystem::remove(temp.path() / "pack" / "faces" / "escape.png");
    const LoadResult loaded = load_scenario_file(temp.file("pack/mini.json"));
    REQUIRE(loaded.ok());
    std::filesystem::create_symlink(temp.file("outside.png"), temp.path() / "pack" / "faces" / "escape.png");
    std::vector<std::string> asked;
    Run run(0, make_drawable(*loaded.scenario), nullptr, Mode::Practice, "en");
    load_portraits(run, [&](const std::string& path, const std::string& encoded) -> std::optional<PortraitImage> {
        asked.push_back(path);
        CHECK(encoded == png_header(64, 96));  // the bytes, read once, are handed over to decode
        return PortraitImage{reinterpret_cast<ImTextureID>(std::intptr_t{7}), 64.0f, 96.0f};
    });
    REQUIRE(asked.size() == 1);
    CHECK(asked[0] == std::filesystem::weakly_canonical(temp.file("pack/faces/eva.png")).string());
    REQUIRE(run.portrait(0, "neutral"));
    CHECK(run.portrait(0, "neutral")->height == 96.0f);
    CHECK(run.portrait(0, "pleased") == run.portrait(0, "neutral"));  // falls back to neutral
    std::filesystem::remove(temp.path() / "pack" / "faces" / "escape.png");

    // The play view draws the image instead of the engine's portrait.
    AppHarness h(load_catalogue_file(temp.file("pack/mini.json")));
    h.app->apply(intent::OpenScenario{0});
    h.frame();
    h.reveal();
    CHECK(h.log.contains("portrait:eva:neutral"));
    CHECK(h.log.has_exact("Eva"));
}

TEST_CASE("typewriter: code points, speed, completion") {
    Typewriter t;
    const std::string a = "één ge\u00efnteresseerde";  // multi-byte characters are never cut in half
    const std::string b = "done";
    t.start({a, b});
    CHECK(t.revealing());
    CHECK(t.visible(0, a).empty());
    t.advance(2.0f / Typewriter::kCharsPerSecond);
    CHECK(t.visible(0, a) == "éé");
    CHECK(t.visible(1, b).empty());
    CHECK(t.current() == 0);
    t.advance(10.0f);
    CHECK_FALSE(t.revealing());
    CHECK(t.visible(0, a) == a);
    CHECK(t.visible(1, b) == b);
    // Text the trainee already knows is not typed again.
    t.start({a, b}, code_points(a));
    CHECK(t.visible(0, a) == a);
    CHECK(t.visible(1, b).empty());
    // Long passages type faster: never more than kMaxSeconds.
    const std::string long_text(5000, 'x');
    t.start({long_text});
    t.advance(Typewriter::kMaxSeconds + 0.01f);
    CHECK_FALSE(t.revealing());
    t.start({long_text});
    t.complete();
    CHECK_FALSE(t.revealing());
}

TEST_CASE("the lines between two decisions: the trainee's answer, then every node passed, in order") {
    const LoadResult loaded = load_scenario_file(source_path("scenarios/demanding_director.json"));
    REQUIRE(loaded.ok());
    Session session(make_drawable(*loaded.scenario));
    auto lines = lines_since_last_decision(session, "en");
    REQUIRE(!lines.empty());
    CHECK(lines.front().kind == LineKind::Narration);  // the intro, by the narrator
    CHECK(lines.back().kind == LineKind::Speech);
    session.choose(session.options()[0].index);
    lines = lines_since_last_decision(session, "en");
    REQUIRE(lines.size() >= 2);
    CHECK(lines.front().kind == LineKind::Player);
    const TranscriptEntry& decided = session.transcript()[static_cast<std::size_t>(last_decision_entry(session))];
    CHECK(lines.front().text == session.scenario().nodes[static_cast<std::size_t>(decided.node)]
                                    .choices[static_cast<std::size_t>(decided.choice.value())].text.get("en"));
    // Every transcript entry after the decision contributes its lines.
    std::size_t expected = 1;
    for (std::size_t i = static_cast<std::size_t>(last_decision_entry(session)) + 1; i < session.transcript().size(); ++i) {
        const Node& node = session.scenario().nodes[static_cast<std::size_t>(session.transcript()[i].node)];
        expected += (node.narration.empty() ? 0 : 1) + (node.text.empty() ? 0 : 1) + (node.kind == NodeKind::Ending ? 1 : 0);
    }
    CHECK(lines.size() == expected);
    CHECK_FALSE(spoken_text(lines).empty());
    CHECK(spoken_text(lines).find(lines.front().text) == std::string::npos);  // not the trainee's own line
}

TEST_CASE("the HTML debrief is self-contained and escapes scenario text") {
    AppHarness h(AppHarness::bundled(), {});
    REQUIRE(h.app->command("open=demanding_director"));
    REQUIRE(h.app->command("finish=2"));
    const Run& run = *h.app->run();
    Scenario tricky = *run.scenario;
    tricky.title.by_language["en"] = "<script>alert('x')</script> & co";
    const std::string html = report::debrief_html(*run.debrief, tricky, {"en", "en"});
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co") != std::string::npos);
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("src=") == std::string::npos);   // no external images or scripts
    CHECK(html.find("href=") == std::string::npos);  // no external style sheets
    CHECK(html.find(ui("debrief.costliest", "en")) != std::string::npos);
    CHECK(report::html_escape("a\"b") == "a&quot;b");
}
