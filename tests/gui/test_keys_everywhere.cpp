// The keys added so that every screen works without a mouse (issue 12): F2 opens the settings from
// any screen, Tab/Enter work inside them, F1 lists their keys over them and Esc closes first the
// list, then the settings; Esc leaves the play screen (asking first once a choice was made) and the
// authoring screen. Headless, through the platform layer's key events (app_harness.hpp).
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/key_legend.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

Settings settings_for(const char* language) {
    Settings s;
    s.mode = "practice";
    s.language = language;
    s.text_speed = TextSpeed::Instant;
    return s;
}

// Tabs until the focus is on `label` (at most 20 times); whether it got there.
bool tab_to(AppHarness& h, const std::string& label) {
    for (int i = 0; i < 20; ++i) {
        if (h.app->focused_label() == label) return true;
        h.tap(sf::Keyboard::Tab);
    }
    return h.app->focused_label() == label;
}

}  // namespace

TEST_CASE("keys: F2 opens the settings, Tab and Enter work in them, F1 lists their keys, Esc closes") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    h.frames(2);
    h.tap(sf::Keyboard::F2);
    REQUIRE(h.app->settings_open());
    h.tap(sf::Keyboard::Tab);
    CHECK_FALSE(h.app->focused_label().empty());  // a visible focus inside the settings
    REQUIRE(tab_to(h, "Nederlands"));
    h.tap(sf::Keyboard::Enter);
    CHECK(h.app->settings().language == "nl");
    REQUIRE(tab_to(h, ui("settings.high_contrast", "nl")));
    h.tap(sf::Keyboard::Space);
    CHECK(h.app->settings().high_contrast);

    h.tap(sf::Keyboard::F1);  // the settings' own keys, over them
    REQUIRE(h.app->legend_open());
    h.frame();
    CHECK(h.log.contains("legend:settings"));
    CHECK(h.log.contains(ui("keys.close_settings", "nl")));
    h.tap(sf::Keyboard::Escape);  // the list closes; the settings are back
    CHECK_FALSE(h.app->legend_open());
    CHECK(h.app->settings_open());
    h.frame();
    CHECK(h.log.contains(ui("settings.title", "nl")));
    h.tap(sf::Keyboard::Escape);
    CHECK_FALSE(h.app->settings_open());
    CHECK(h.app->screen() == Screen::Home);

    // From the play screen too.
    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    h.tap(sf::Keyboard::F2);
    CHECK(h.app->settings_open());
    h.tap(sf::Keyboard::Escape);
    CHECK_FALSE(h.app->settings_open());
    CHECK(h.app->screen() == Screen::Play);
}

TEST_CASE("keys: Esc leaves the play screen, asking first once a choice was made") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    h.tap(sf::Keyboard::Escape);  // nothing chosen yet: nothing to lose
    CHECK(h.app->screen() == Screen::Home);
    CHECK_FALSE(h.app->leave_asked());

    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    h.tap(sf::Keyboard::Num1);
    h.tap(sf::Keyboard::Enter);
    REQUIRE(h.app->run()->session.decision_count() == 1);
    h.tap(sf::Keyboard::B);  // the conversation so far: Esc closes it first
    REQUIRE(h.app->play_view().backlog_open());
    h.tap(sf::Keyboard::Escape);
    CHECK_FALSE(h.app->play_view().backlog_open());
    CHECK_FALSE(h.app->leave_asked());
    h.tap(sf::Keyboard::Escape);
    REQUIRE(h.app->leave_asked());
    CHECK(h.app->screen() == Screen::Play);
    h.tap(sf::Keyboard::Escape);  // "keep playing"
    CHECK_FALSE(h.app->leave_asked());
    CHECK(h.app->screen() == Screen::Play);
    CHECK(h.app->run()->session.decision_count() == 1);
}

TEST_CASE("keys: Esc goes back from the authoring screen, whose legend lists it") {
    AppHarness h(AppHarness::bundled(), settings_for("en"));
    h.frames(2);
    REQUIRE(h.app->command("author"));
    h.frames(2);
    REQUIRE(h.app->screen() == Screen::Authoring);
    h.tap(sf::Keyboard::F1);
    h.frame();
    CHECK(h.log.contains("legend:authoring"));
    CHECK(h.log.contains(ui("keys.home", "en")));
    h.tap(sf::Keyboard::Escape);
    CHECK(h.app->screen() == Screen::Authoring);  // the list closed
    h.tap(sf::Keyboard::Tab);
    CHECK_FALSE(h.app->focused_label().empty());  // Tab reaches its widgets
    h.tap(sf::Keyboard::Escape);
    CHECK(h.app->screen() == Screen::Home);
}
