// A hint asked for in practice (H) is part of the run as the trainee lived it: it is kept when the
// run is left and resumed (saved_runs.hints), shown in the window's debrief and written into the
// saved Markdown and HTML debriefs (S, W), in the interface's language. Issue 12.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/format.hpp"

#include <salesdojo/report/debrief.hpp>
#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

Settings practice(const char* language) {
    Settings s;
    s.mode = "practice";
    s.language = language;
    s.text_speed = TextSpeed::Instant;
    return s;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The App again on the same files, as after closing and reopening the window.
void reopen(AppHarness& h, Settings settings) {
    AppServices services;
    services.database_path = h.temp().file("data/results.sqlite");
    services.progress_path = h.temp().file("data/progress.json");
    services.save_folder = h.temp().file("data/debriefs");
    h.app.reset();
    h.app = std::make_unique<App>(AppHarness::bundled(), std::move(settings), std::move(services));
    h.frames(2);
}

}  // namespace

TEST_CASE("hints: kept when a run is left and resumed, and in the saved Markdown and HTML debriefs") {
    for (const char* language : {"en", "nl"}) {
        CAPTURE(language);
        AppHarness h(AppHarness::bundled(), practice(language));
        h.frame();
        REQUIRE(h.app->command("open=demanding_director"));
        h.frame();
        h.tap(sf::Keyboard::H);  // a hint at decision 1
        REQUIRE(h.app->run()->hints.count(0) == 1);
        h.tap(sf::Keyboard::Num1);
        h.tap(sf::Keyboard::Enter);  // past the feedback
        REQUIRE(h.app->run()->session.decision_count() == 1);
        REQUIRE(h.app->run()->session.state() == SessionState::AwaitingChoice);
        h.tap(sf::Keyboard::H);  // and at decision 2, asked but not answered yet
        REQUIRE(h.app->run()->hints.count(1) == 1);

        // Closed mid-run: the saved run has the hints.
        reopen(h, practice(language));
        {
            store::ResultsStore db = store::ResultsStore::open(h.temp().file("data/results.sqlite"));
            const auto saved = db.saved_run(db.last_trainee()->id, "demanding_director");
            REQUIRE(saved);
            CHECK(saved->hints == std::vector<std::size_t>{0, 1});
        }
        REQUIRE(h.app->command("resume=demanding_director"));
        REQUIRE(h.app->screen() == Screen::Play);
        CHECK(h.app->run()->hints == std::set<std::size_t>{0, 1});
        h.frame();
        CHECK(h.log.has_exact(ui("play.hint_heading", language)));  // the hint at hand is shown again

        REQUIRE(h.app->command("finish=1"));
        h.frame();
        const std::string sentence = report::hints_sentence({0, 1}, language);
        CHECK(sentence == (std::string(language) == "nl" ? "Tips gebruikt bij beslissingen 1, 2" : "Hints used at decisions 1, 2"));
        CHECK(h.log.has_exact(sentence));
        h.tap(sf::Keyboard::S);
        const std::string markdown = h.app->run()->saved_path;
        REQUIRE(markdown.size() > 3);
        CHECK(markdown.substr(markdown.size() - 3) == ".md");
        CHECK(read_all(markdown).find(sentence) != std::string::npos);
        h.tap(sf::Keyboard::W);
        const std::string html = h.app->run()->saved_path;
        REQUIRE(html.size() > 5);
        CHECK(html.substr(html.size() - 5) == ".html");
        CHECK(read_all(html).find(sentence) != std::string::npos);

        // Played again without hints: the saved debrief says nothing of hints.
        h.tap(sf::Keyboard::P);
        REQUIRE(h.app->command("finish=1"));
        h.frame();
        h.tap(sf::Keyboard::S);
        CHECK(read_all(h.app->run()->saved_path).find(sentence) == std::string::npos);
    }
}
