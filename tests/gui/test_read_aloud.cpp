// Read-aloud of everything a trainee reads (read_aloud.hpp), through a fake espeak-ng on PATH that
// records the text it is given: the speaker's name first, the choices with their numbers, the
// feedback, the hint, the debrief; Ctrl stops it, F5 reads again; and when it cannot speak the
// window says so.
#include "app_harness.hpp"
#include "read_aloud.hpp"
#include "speech.hpp"
#include "temp_env.hpp"
#include "ui_text.hpp"
#include "views/format.hpp"

#include <salesdojo/report/catalogue.hpp>

#include <doctest/doctest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include <sys/stat.h>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;
namespace fs = std::filesystem;
using salesdojo::test::ScopedEnv;
using salesdojo::test::TempDir;

namespace {

// A fake espeak-ng: writes its last argument (the text) to dir/said.<pid>, then sleeps as the same
// process so that stop() has something to stop. `exit_code` >= 0: exits with it at once instead.
void install_fake(const fs::path& dir, int exit_code = -1) {
    const fs::path script = dir / "espeak-ng";
    std::ofstream out(script);
    out << "#!/bin/sh\nPATH=/usr/bin:/bin\nout='" << dir.string() << "'\n"
        << "for last; do :; done\n"
        << "printf '%s' \"$last\" > \"$out/said.$$.tmp\"\nmv \"$out/said.$$.tmp\" \"$out/said.$$\"\n";
    if (exit_code >= 0) out << "exit " << exit_code << "\n";
    else out << "exec sleep 30\n";
    out.close();
    ::chmod(script.c_str(), 0755);
}

std::optional<std::string> said_by(const fs::path& dir, long pid) {
    const fs::path path = dir / ("said." + std::to_string(pid));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!fs::exists(path)) {
        if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool gone(long pid) { return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH; }

Settings reading(const char* mode, const char* language = "en") {
    Settings s;
    s.mode = mode;
    s.language = language;
    s.read_aloud = true;
    s.text_speed = TextSpeed::Instant;
    return s;
}

}  // namespace

TEST_CASE("read-aloud: the speaker first, the choices with their numbers, the feedback, then stop and again") {
    TempDir tmp{"salesdojo-read"};
    install_fake(tmp.path());
    ScopedEnv path("PATH", tmp.path().string());
    Speech speech;
    REQUIRE(speech.available());
    AppHarness h(AppHarness::bundled(), reading("practice"), {1280, 720}, &speech);
    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    const Run& run = *h.app->run();
    const Node& node = run.session.current();
    REQUIRE(node.speaker);
    const std::string who = run.scenario->cast[static_cast<std::size_t>(*node.speaker)].name.get("en");
    const long first = speech.child_pid();
    REQUIRE(first > 0);
    auto said = said_by(tmp.path(), first);
    REQUIRE(said);
    CHECK(said->find(who + ": " + node.text.get("en")) != std::string::npos);
    CHECK(said->find(ui("play.choose_prompt", "en")) != std::string::npos);
    const auto options = run.session.options();
    for (std::size_t k = 0; k < options.size(); ++k)
        CHECK(said->find(std::to_string(k + 1) + ". " + options[k].choice->text.get("en")) != std::string::npos);
    // The name comes before the line, the line before the choices.
    CHECK(said->find(who + ": ") < said->find("1. "));

    // Ctrl stops it at once; F5 reads the same again.
    h.tap(sf::Keyboard::LControl);
    CHECK(gone(first));
    CHECK(speech.child_pid() == -1);
    h.tap(sf::Keyboard::F5);
    const long again = speech.child_pid();
    REQUIRE(again > 0);
    CHECK(said_by(tmp.path(), again) == said);

    // A hint on request is read, without everything else.
    h.tap(sf::Keyboard::H);
    const long hint = speech.child_pid();
    REQUIRE(hint != again);
    const auto hint_said = said_by(tmp.path(), hint);
    REQUIRE(hint_said);
    CHECK(*hint_said == h.app->play_view().hint_text(ViewContext{}, *h.app->run()));

    // The feedback after a choice, with its verdict.
    h.tap(sf::Keyboard::Num2);
    REQUIRE(h.app->run()->awaiting_continue);
    const auto feedback = said_by(tmp.path(), speech.child_pid());
    REQUIRE(feedback);
    CHECK(feedback->rfind(ui("play.feedback", "en"), 0) == 0);
    CHECK(feedback->find(options[1].choice->feedback.get("en")) != std::string::npos);

    // The debrief when it opens.
    REQUIRE(h.app->command("finish=1"));
    h.frame();
    const auto debrief = said_by(tmp.path(), speech.child_pid());
    REQUIRE(debrief);
    CHECK(debrief->find(report::word("debrief.heading", "en")) != std::string::npos);
    CHECK(debrief->find("Hint used at decision 1") != std::string::npos);
    CHECK(h.app->read_aloud_state().last_spoken() == *debrief);
}

TEST_CASE("read-aloud in Dutch: Dutch voice and words") {
    TempDir tmp{"salesdojo-read"};
    install_fake(tmp.path());
    ScopedEnv path("PATH", tmp.path().string());
    Speech speech;
    AppHarness h(AppHarness::bundled(), reading("assessment", "nl"), {1280, 720}, &speech);
    REQUIRE(h.app->command("open=demanding_director"));
    h.frame();
    const auto said = said_by(tmp.path(), speech.child_pid());
    REQUIRE(said);
    CHECK(said->find(ui("play.choose_prompt", "nl")) != std::string::npos);
    CHECK(said->find(h.app->run()->session.current().text.get("nl")) != std::string::npos);
}

TEST_CASE("speech failures are reported: not installed, cannot start, ended with an error") {
    TempDir tmp{"salesdojo-read"};
    SUBCASE("not installed") {
        fs::create_directories(tmp.path() / "empty");
        ScopedEnv path("PATH", (tmp.path() / "empty").string());
        Speech speech;
        speech.speak("Hallo", "nl");
        CHECK(speech.error() == SpeechError::NotInstalled);
    }
    SUBCASE("cannot start: the program is not runnable") {
        std::ofstream(tmp.path() / "espeak-ng") << "#!/nonexistent/interpreter\n";
        ::chmod((tmp.path() / "espeak-ng").c_str(), 0755);
        ScopedEnv path("PATH", tmp.path().string());
        Speech speech;
        REQUIRE(speech.available());
        speech.speak("Hallo", "nl");
        CHECK(speech.error() == SpeechError::CannotStart);
        CHECK(speech.child_pid() == -1);
    }
    SUBCASE("ended with an error, then a good run clears it") {
        install_fake(tmp.path(), 3);
        ScopedEnv path("PATH", tmp.path().string());
        Speech speech;
        speech.speak("Hallo", "nl");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (speech.speaking() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(speech.error() == SpeechError::ExitedWithError);
        CHECK(speech.exit_status() == 3);
        install_fake(tmp.path(), 0);
        speech.speak("Hallo", "nl");
        while (speech.speaking() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(speech.error() == SpeechError::None);
    }
    SUBCASE("stop() is no failure") {
        install_fake(tmp.path());
        ScopedEnv path("PATH", tmp.path().string());
        Speech speech;
        speech.speak("Hallo", "nl");
        speech.stop();
        CHECK(speech.error() == SpeechError::None);
    }
}

TEST_CASE("the window says so when read-aloud is on and cannot speak, in both languages") {
    TempDir tmp{"salesdojo-read"};
    for (const char* language : {"en", "nl"}) {
        CAPTURE(language);
        {
            fs::create_directories(tmp.path() / "empty");
            ScopedEnv path("PATH", (tmp.path() / "empty").string());
            Speech speech;
            AppHarness h(AppHarness::bundled(), reading("practice", language), {1280, 720}, &speech);
            h.frame();
            CHECK_FALSE(h.log.contains(ui("speech.not_installed", language)));  // nothing was to be read
            REQUIRE(h.app->command("open=demanding_director"));
            h.frames(2);
            CHECK(h.log.has_exact(ui("speech.not_installed", language)));
            // Off again: no notice.
            h.app->apply(intent::SetReadAloud{false});
            h.frame();
            CHECK_FALSE(h.log.contains(ui("speech.not_installed", language)));
        }
        {
            install_fake(tmp.path(), 4);
            ScopedEnv path("PATH", tmp.path().string());
            Speech speech;
            AppHarness h(AppHarness::bundled(), reading("practice", language), {1280, 720}, &speech);
            REQUIRE(h.app->command("open=demanding_director"));
            h.frame();
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (speech.speaking() && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            h.frame();
            CHECK(h.log.has_exact(printf_string(ui("speech.failed", language), 4)));
        }
    }
}

TEST_CASE("spoken lines: the name before each line, narration as it is, not the trainee's own line") {
    std::vector<Line> lines(3);
    lines[0].kind = LineKind::Player;
    lines[0].text = "What is going on?";
    lines[1].kind = LineKind::Narration;
    lines[1].text = "She sighs.";
    lines[2].kind = LineKind::Speech;
    lines[2].who = "Eva";
    lines[2].text = "Nothing much.";
    CHECK(spoken_lines(lines) == "She sighs.\nEva: Nothing much.");
}

TEST_CASE("read-aloud: F5 reads the home screen, the history and the settings, in the interface's language") {
    TempDir tmp{"salesdojo-read-screens"};
    install_fake(tmp.path());
    ScopedEnv path("PATH", tmp.path().string());
    Speech speech;
    REQUIRE(speech.available());
    for (const char* language : {"en", "nl"}) {
        CAPTURE(language);
        AppHarness h(AppHarness::bundled(), reading("practice", language), {1280, 720}, &speech);
        h.frames(3);
        CHECK(h.app->read_aloud_state().last_spoken().empty());  // the home screen is not read unasked
        const auto read_with_f5 = [&] {
            const long before = speech.child_pid();
            h.tap(sf::Keyboard::F5);
            const long pid = speech.child_pid();
            REQUIRE(pid > 0);
            REQUIRE(pid != before);
            const auto said = said_by(tmp.path(), pid);
            REQUIRE(said);
            CHECK(h.app->read_aloud_state().last_spoken() == *said);
            return *said;
        };
        const std::string home = read_with_f5();
        CHECK(home.find(ui("home.heading", language)) != std::string::npos);
        const CatalogueEntry& first = h.app->catalogue().entries.front();
        REQUIRE(first.ok());
        CHECK(home.find(first.card->title.get(language)) != std::string::npos);
        CHECK(h.log.contains(ui("home.heading", language)));  // the frame read is drawn as ever

        REQUIRE(h.app->command("history"));
        h.frames(2);
        const std::string history = read_with_f5();
        CHECK(history.find(ui("history.title", language)) != std::string::npos);
        CHECK(history.find(ui("home.heading", language)) == std::string::npos);

        REQUIRE(h.app->command("settings"));
        h.frames(2);
        const std::string settings = read_with_f5();
        CHECK(settings.find(ui("settings.text_speed", language)) != std::string::npos);
        CHECK(settings.find(ui("history.title", language)) == std::string::npos);  // only the settings, not the screen below
        h.tap(sf::Keyboard::LControl);
    }
}

TEST_CASE("spoken screen: each text once where repeated in a row, a full stop between") {
    CHECK(spoken_screen({"Choose a conversation", "Choose a conversation", "Settings", "", "Why?", "Go"}) ==
          "Choose a conversation. Settings. Why? Go");
    CHECK(spoken_screen({}).empty());
}
