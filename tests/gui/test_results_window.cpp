// The window and the results database (issue 11): finished runs stored as attempts, trainees picked
// and created on the home screen, leaving a run asks and keeps it, the resume card continues it, the
// history screen, a damaged database, and the keyboard on the new screens. Headless, with the real
// fonts, scenarios and event path (app_harness.hpp); the database is a real SQLite file.
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/format.hpp"
#include "views/history_view.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/export_files.hpp>
#include <salesdojo/store/attempt.hpp>
#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

const char* kDirector = "demanding_director";

Settings with(const char* mode, const char* language = "en") {
    Settings s;
    s.mode = mode;
    s.language = language;
    return s;
}

std::string database_of(const AppHarness& h) { return h.temp().file("data/results.sqlite"); }

AppServices services_of(const AppHarness& h, const std::string& trainee = {}) {
    AppServices services;
    services.database_path = database_of(h);
    services.progress_path = h.temp().file("data/progress.json");
    services.save_folder = h.temp().file("data/debriefs");
    services.export_folder = h.temp().file("data/exports");
    services.trainee = trainee;
    return services;
}

// The App again on the same files, as after closing and reopening the window.
void reopen(AppHarness& h, Settings settings, const std::string& trainee = {}) {
    h.app.reset();
    h.app = std::make_unique<App>(AppHarness::bundled(), std::move(settings), services_of(h, trainee));
    h.frames(2);
}

// Plays the first available option until `decisions` were taken (practice feedback continued).
void decide(AppHarness& h, std::size_t decisions) {
    while (h.app->run()->session.decision_count() < decisions) {
        REQUIRE(h.app->run()->session.state() == SessionState::AwaitingChoice);
        REQUIRE(h.app->command("choose=1"));
        h.app->command("continue");
        h.frame();
    }
}

// The director on the play screen, its first line shown.
void open_director(AppHarness& h) {
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    h.frame();
    h.reveal();
}

// From the home screen (with the results database there): the director, one decision, then the rest
// by plan `finish` (finish=N). The finished run, on its debrief.
const Run& play_director_to_debrief(AppHarness& h, int finish) {
    h.frame();
    REQUIRE(h.app->results().available());
    open_director(h);
    decide(h, 1);
    REQUIRE(h.app->command("finish=" + std::to_string(finish)));
    const Run& run = *h.app->run();
    REQUIRE(run.debrief);
    return run;
}

}  // namespace

TEST_CASE("results: a run finished in the window is stored as an attempt, every decision timed") {
    AppHarness h(AppHarness::bundled(), with("assessment"), {1280, 2400});  // every card in view
    const Run& run = play_director_to_debrief(h, 2);
    const std::size_t decisions = run.session.decision_count();

    store::ResultsStore db = store::ResultsStore::open(database_of(h));
    const auto trainee = db.last_trainee();
    REQUIRE(trainee);
    CHECK(trainee->name == store::default_trainee_name());
    const auto history = db.history(trainee->id);
    REQUIRE(history.size() == 1);
    const auto attempt = db.attempt(history.front().id);
    REQUIRE(attempt);
    CHECK(attempt->scenario_id == kDirector);
    CHECK(attempt->scenario_version == run.scenario->version);
    CHECK(attempt->content_hash == run.scenario->content_hash);
    CHECK_FALSE(attempt->content_hash.empty());
    CHECK(attempt->mode == "assessment");
    CHECK(attempt->language == "en");
    CHECK(attempt->seed == run.session.seed());
    CHECK(attempt->finished);
    CHECK(attempt->overall == doctest::Approx(run.debrief->overall_score));
    CHECK(attempt->ended_ms >= attempt->started_ms);
    CHECK(attempt->dimensions.size() == run.debrief->dimensions.size());
    CHECK(attempt->choice_ids() == run.session.decision_ids());
    REQUIRE(attempt->decisions.size() == decisions);
    for (const auto& d : attempt->decisions) {
        REQUIRE(d.seconds.has_value());
        CHECK(*d.seconds >= 0.0);
    }
    CHECK_FALSE(db.saved_run(trainee->id, kDirector));  // finished: nothing left to resume

    // The home card shows the stored score (read before Home, which ends the run).
    const double score = run.debrief->overall_score;
    REQUIRE(h.click(ui("common.home", "en")));
    h.frame();
    CHECK(h.log.has_exact(printf_string(ui("home.last_score", "en"), score)));
}

TEST_CASE("results: going Home mid-run asks first, and leaving keeps the run for the resume card") {
    AppHarness h(AppHarness::bundled(), with("practice"));
    h.frame();
    open_director(h);
    // No decision yet: nothing to lose, so no question.
    REQUIRE(h.click(ui("common.home", "en")));
    CHECK(h.app->screen() == Screen::Home);
    CHECK_FALSE(h.app->leave_asked());

    open_director(h);
    decide(h, 2);
    const std::string node = h.app->run()->session.current().id;
    REQUIRE(h.click(ui("common.home", "en")));
    REQUIRE(h.app->leave_asked());
    CHECK(h.app->screen() == Screen::Play);
    h.frame();
    CHECK(h.log.has_exact(ui("play.quit_confirm", "en")));
    CHECK(std::string(ui("play.quit_confirm", "nl")).find("bewaard") != std::string::npos);
    // Keep playing (Escape): still here, same node.
    h.tap(sf::Keyboard::Escape);
    CHECK_FALSE(h.app->leave_asked());
    CHECK(h.app->screen() == Screen::Play);
    CHECK(h.app->run()->session.current().id == node);
    // Asked again; this time Leave (a click).
    REQUIRE(h.click(ui("common.home", "en")));
    REQUIRE(h.app->leave_asked());
    h.frame();
    REQUIRE(h.click(ui("play.quit_confirm_yes", "en")));
    CHECK(h.app->screen() == Screen::Home);
    CHECK(h.app->run() == nullptr);

    // Kept in the database, and offered on the home screen.
    store::ResultsStore db = store::ResultsStore::open(database_of(h));
    const auto saved = db.saved_run(db.last_trainee()->id, kDirector);
    REQUIRE(saved);
    CHECK(saved->choice_ids.size() == 2);
    CHECK(saved->mode == "practice");
    REQUIRE(saved->seconds.size() == 2);
    CHECK(saved->seconds[0].has_value());
    h.frame();
    CHECK(h.log.has_exact(ui("home.resume_heading", "en")));
    const int entry = find_entry(h.app->catalogue(), kDirector);
    CHECK(h.log.has_exact(h.app->catalogue().entries[static_cast<std::size_t>(entry)].card->title.get("en")));
    CHECK(h.log.has_exact(printf_string(ui("home.resume_detail", "en"), std::size_t{2}, ui("mode.practice", "en"),
                                        date_time(saved->updated_ms, "en").c_str())));
}

TEST_CASE("results: the resume card continues at the same node, after the window was closed") {
    AppHarness h(AppHarness::bundled(), with("assessment"));
    h.frame();
    open_director(h);
    decide(h, 2);
    const std::string node = h.app->run()->session.current().id;
    const auto ids = h.app->run()->session.decision_ids();
    // Closing the window mid-run (no question, nothing else done): the run is kept.
    reopen(h, with("practice"));
    CHECK(h.app->screen() == Screen::Home);
    REQUIRE(h.log.has_exact(ui("home.resume_heading", "en")));
    REQUIRE(h.click(ui("home.resume", "en")));
    REQUIRE(h.app->screen() == Screen::Play);
    const Run& run = *h.app->run();
    CHECK(run.session.current().id == node);
    CHECK(run.session.decision_ids() == ids);
    CHECK(run.mode == Mode::Assessment);  // the saved run's mode, not today's setting
    h.reveal();
    // The play screen shows that node's options, ready to choose.
    CHECK(h.log.contains(run.session.options().front().choice->text.get("en")));

    // Finishing it stores one attempt with all the decisions, and the saved run goes.
    REQUIRE(h.app->command("finish=1"));
    store::ResultsStore db = store::ResultsStore::open(database_of(h));
    const auto trainee = db.last_trainee();
    REQUIRE(trainee);
    const auto history = db.history(trainee->id);
    REQUIRE(history.size() == 1);
    const auto attempt = db.attempt(history.front().id);
    REQUIRE(attempt);
    CHECK(attempt->mode == "assessment");
    REQUIRE(attempt->decisions.size() == h.app->run()->session.decision_count());
    CHECK(attempt->decisions[0].choice_id == ids[0]);
    CHECK(attempt->decisions[1].choice_id == ids[1]);
    for (const auto& d : attempt->decisions) CHECK(d.seconds.has_value());
    CHECK_FALSE(db.saved_run(trainee->id, kDirector));
    REQUIRE(h.click(ui("common.home", "en")));
    h.frame();
    CHECK_FALSE(h.log.has_exact(ui("home.resume_heading", "en")));
}

TEST_CASE("results: a saved run that no longer fits the scenario says so and is dropped") {
    AppHarness h(AppHarness::bundled());
    h.frame();
    {
        store::ResultsStore db = store::ResultsStore::open(database_of(h));
        store::SavedRun run;
        run.trainee_id = h.app->results().trainee()->id;
        run.scenario_id = kDirector;
        run.mode = "practice";
        run.choice_ids = {"no-such-choice"};
        run.seconds = {1.0};
        db.save_run(run);
    }
    reopen(h, with("practice"));
    REQUIRE(h.click(ui("home.resume", "en")));
    CHECK(h.app->screen() == Screen::Home);
    h.frame();
    const int entry = find_entry(h.app->catalogue(), kDirector);
    const std::string title = h.app->catalogue().entries[static_cast<std::size_t>(entry)].card->title.get("en");
    CHECK(h.log.has_exact(printf_string(ui("home.resume_failed", "en"), title.c_str())));
    CHECK_FALSE(h.log.has_exact(ui("home.resume_heading", "en")));
}

TEST_CASE("results: trainees are created and picked on the home screen, and the pick is remembered") {
    AppHarness h(AppHarness::bundled());
    h.frame();
    CHECK(h.log.has_exact("trainee:" + store::default_trainee_name()));
    REQUIRE(h.click(ui("home.new_trainee", "en")));
    h.frame();
    h.type("Fatima");
    REQUIRE(h.click(ui("home.add_trainee", "en")));
    REQUIRE(h.app->results().trainee());
    CHECK(h.app->results().trainee()->name == "Fatima");
    CHECK(h.log.has_exact("trainee:Fatima"));
    CHECK(h.app->results().trainees().size() == 2);

    // An empty name is refused with a reason; the field stays open.
    REQUIRE(h.click(ui("home.new_trainee", "en")));
    REQUIRE(h.click(ui("home.add_trainee", "en")));
    CHECK(h.log.has_exact(ui("home.trainee_empty", "en")));
    CHECK(h.app->results().trainees().size() == 2);

    // A run belongs to the trainee picked.
    REQUIRE(h.app->command(std::string("open=") + kDirector));
    REQUIRE(h.app->command("finish=1"));
    CHECK(h.app->results().history().size() == 1);

    // Reopened: still Fatima; --trainee picks (and creates) another.
    reopen(h, {});
    CHECK(h.log.has_exact("trainee:Fatima"));
    CHECK(h.app->results().history().size() == 1);
    reopen(h, {}, "Bram");
    CHECK(h.log.has_exact("trainee:Bram"));
    CHECK(h.app->results().history().empty());
    CHECK(h.log.has_exact(ui("home.no_score", "en")));
    // Picking Fatima again from the list.
    REQUIRE(h.app->command("trainee=Fatima"));
    h.frame();
    CHECK(h.log.has_exact("trainee:Fatima"));
    CHECK(h.app->results().history().size() == 1);
}

TEST_CASE("results: a damaged database gives a dismissable notice, and the window still plays") {
    for (const std::string language : {"en", "nl"}) {
        CAPTURE(language);
        AppHarness h(AppHarness::bundled());
        h.app.reset();  // closes the database the harness's App created
        std::filesystem::remove_all(h.temp().path() / "data");
        std::filesystem::create_directories(h.temp().path() / "data");
        std::ofstream(database_of(h), std::ios::binary) << std::string(8192, 'x');
        reopen(h, with("assessment", language.c_str()));
        CHECK_FALSE(h.app->results().available());
        const std::string notice = printf_string(ui("home.results_damaged", language), database_of(h).c_str());
        CHECK(h.log.has_exact(notice));
        CHECK(h.log.has_exact(ui("home.results_off", language)));
        REQUIRE(h.click(ui("home.dismiss", language)));
        h.frame();
        CHECK_FALSE(h.log.has_exact(notice));
        open_director(h);
        decide(h, 1);
        // Leaving says the run is not kept.
        REQUIRE(h.click(ui("common.home", language)));
        h.frame();
        CHECK(h.log.has_exact(ui("play.quit_confirm_unsaved", language)));
        h.tap(sf::Keyboard::Escape);
        REQUIRE(h.app->command("finish=1"));
        CHECK(h.app->screen() == Screen::Debrief);
        // The file was left as it was.
        std::ifstream in(database_of(h), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(bytes == std::string(8192, 'x'));
    }
}

namespace {

// A trainee with attempts on two scenarios over several days: qualify improves, decline stays low.
void seed_history(const std::string& database, const std::string& trainee) {
    store::ResultsStore db = store::ResultsStore::open(database);
    const store::Trainee who = db.trainee_named(trainee);
    const std::int64_t day = 24 * 3600 * 1000;
    const std::int64_t start = 1'790'000'000'000;
    for (int k = 0; k < 6; ++k) {
        store::AttemptRecord a;
        a.trainee_id = who.id;
        a.scenario_id = k % 2 ? "demanding_director" : "free_time";
        a.scenario_version = "1";
        a.language = "en";
        a.mode = k % 3 ? "practice" : "assessment";
        a.started_ms = start + k * day;
        a.ended_ms = a.started_ms + 600'000;
        a.finished = true;
        a.overall = 40 + 8 * k;
        a.dimensions = {{"qualify", 0, 30.0 + 12 * k}, {"decline", 0, 20.0 + k}, {"bias", 0, 70.0}, {"relationship", 0, 80.0}};
        db.insert_attempt(a);
    }
    db.set_last_trainee(who.id);
}

// `count` attempts of one scenario, a minute apart, in one transaction (insert_attempt would sync
// each); the store's trigger keeps the per-scenario summary as for any insert.
void seed_many(const std::string& database, const std::string& trainee, int count) {
    std::int64_t who = 0;
    {
        store::ResultsStore db = store::ResultsStore::open(database);
        who = db.trainee_named(trainee).id;
        db.set_last_trainee(who);
    }
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(database.c_str(), &raw) == SQLITE_OK);
    const std::string sql = "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n + 1 < " +
                            std::to_string(count) +
                            ") INSERT INTO attempts (trainee_id, scenario_id, scenario_version, content_hash, language, mode, "
                            "seed, started_ms, ended_ms, finished, ending_node, outcome, weighted_total, overall, accuracy, "
                            "passed, decision_count, dimension_count, uid) SELECT " +
                            std::to_string(who) +
                            ", 'free_time', '1', '', 'en', 'practice', n, 1790000000000 + n * 60000, 1790000001000 + n * 60000, "
                            "1, 'end', 'x', 0, n % 101, 50, NULL, 0, 0, lower(hex(randomblob(16))) FROM k";
    CHECK(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

}  // namespace

TEST_CASE("results: a long history is read 500 attempts at a time, and counts them all") {
    AppHarness h(AppHarness::bundled());
    seed_many(database_of(h), "Anna", 1203);
    reopen(h, with("practice"));
    REQUIRE(h.click(ui("home.history", "en")));
    REQUIRE(h.app->screen() == Screen::History);
    h.resize({1280, 2400});  // the button is above the list
    h.frames(2);
    const HistoryData& data = h.app->history_data();
    CHECK(h.log.has_exact(printf_string(ui("history.attempts", "en"), std::size_t{1203})));
    REQUIRE(data.attempts.size() == 500);
    CHECK(data.attempts.front().ended_ms == 1790000001000 + 1202 * 60000);  // newest first
    REQUIRE(data.by_scenario.size() == 1);
    CHECK(data.by_scenario[0].attempts == 1203);  // the per-scenario row counts them all
    CHECK(data.by_scenario[0].first.ended_ms == 1790000001000);
    CHECK(h.log.has_exact(printf_string(ui("history.showing", "en"), std::size_t{500}, std::size_t{1203})));
    REQUIRE(h.click(ui("history.older", "en")));
    CHECK(data.attempts.size() == 1000);
    CHECK(data.attempts[500].ended_ms == data.attempts[499].ended_ms - 60000);  // where the first page ended
    REQUIRE(h.click(ui("history.older", "en")));
    REQUIRE(data.attempts.size() == 1203);
    CHECK(data.attempts.back().ended_ms == 1790000001000);  // the oldest, once
    h.frames(2);
    CHECK(h.log.find_item(ui("history.older", "en")) == nullptr);  // all shown: no more button
    CHECK_FALSE(h.log.contains(printf_string(ui("history.showing", "en"), std::size_t{1203}, std::size_t{1203})));
}

TEST_CASE("results: the history screen lists every attempt, plots each dimension and suggests what to practise") {
    for (const std::string language : {"en", "nl"}) {
        CAPTURE(language);
        AppHarness h(AppHarness::bundled());
        seed_history(database_of(h), "Anna");
        reopen(h, with("practice", language.c_str()));
        CHECK(h.log.has_exact("trainee:Anna"));
        REQUIRE(h.click(ui("home.history", language)));
        REQUIRE(h.app->screen() == Screen::History);
        h.resize({1280, 2400});  // everything in view: the lists draw only visible rows
        h.frames(2);
        CHECK(h.log.has_exact(printf_string(ui("history.heading", language), "Anna")));
        // Every attempt, with date, scenario, mode and score.
        CHECK(h.log.has_exact(printf_string(ui("history.attempts", language), std::size_t{6})));
        for (const auto& a : h.app->history_data().attempts) {
            CHECK(h.log.has_exact(date_time(a.ended_ms, language)));
        }
        const Catalogue& catalogue = h.app->catalogue();
        for (const char* id : {"demanding_director", "free_time"}) {
            const auto& card = *catalogue.entries[static_cast<std::size_t>(find_entry(catalogue, id))].card;
            CHECK(h.log.count(card.title.get(card_language(card, language))) >= 4);  // 3 attempts + per-scenario row
        }
        CHECK(h.log.has_exact(ui("mode.assessment", language)));
        CHECK(h.log.has_exact("80/100"));  // the last attempt's overall (40 + 8 x 5)
        // One plot per dimension, each with all six points.
        for (const char* dimension : {"qualify", "decline", "bias", "relationship"})
            CHECK(h.log.has_exact(std::string("plot:") + dimension + ":6"));
        CHECK(h.log.has_exact(report::word("dimension.decline", language)));
        // First vs best vs latest: free_time was played at 40, 56, 72.
        CHECK(h.log.has_exact("40/100"));
        CHECK(h.log.has_exact("72/100"));
        // Weakest skill: decline (mean of the last five: 21..25 = 23); a scenario training it, not played.
        const auto& suggestion = h.app->history_data().suggestion;
        REQUIRE(suggestion);
        CHECK(suggestion->weakest.skill == "decline");
        CHECK_FALSE(suggestion->last_played_ms);
        const std::string skill = report::word("dimension.decline", language);
        CHECK(h.log.has_exact(printf_string(ui("history.weakest", language), skill.c_str(), 23.0, std::size_t{5})));
        const std::string title = scenario_title(ViewContext{nullptr, language}, catalogue, suggestion->scenario_id);
        CHECK(h.log.has_exact(printf_string(ui("history.suggest_new", language), title.c_str(), skill.c_str())));
        if (language == "nl") {
            // A Dutch trainee reads no English interface word and no raw id.
            for (const char* english : {"History", "Every attempt", "Suggested", "weakest", "latest", "Scores per skill"})
                CHECK_FALSE(h.log.contains(english));
            for (const auto& text : h.log.texts) {
                if (text.rfind("plot:", 0) == 0 || text.rfind("trainee:", 0) == 0) continue;
                CAPTURE(text);
                for (const char* id : {"qualify", "decline", "relationship", "free_time", "demanding_director", "practice", "assessment"})
                    CHECK(text.find(id) == std::string::npos);
            }
        }
        // Start the suggested scenario from here.
        REQUIRE(h.click(ui("history.start_suggested", language)));
        REQUIRE(h.app->screen() == Screen::Play);
        CHECK(h.app->run()->scenario->id == suggestion->scenario_id);
    }
}

TEST_CASE("results: the new controls are reachable by keyboard, with a visible focus") {
    AppHarness h(AppHarness::bundled());
    h.frame();
    seed_history(database_of(h), "Anna");
    reopen(h, with("practice"), "Anna");
    CHECK(h.log.focused_item() == nullptr);  // no focus drawn before the keyboard is used
    // Tab moves through the widgets; the trainee picker, New trainee and My history come first.
    std::vector<std::string> seen;
    for (int i = 0; i < 12 && seen.size() < 12; ++i) {
        h.tap(sf::Keyboard::Tab);
        const DrawLog::Item* focused = h.log.focused_item();
        REQUIRE(focused);
        seen.push_back(focused->label);
        if (focused->label == ui("home.history", "en")) break;
    }
    CAPTURE(seen.size());
    REQUIRE(h.log.focused_item());
    REQUIRE(h.log.focused_item()->label == ui("home.history", "en"));
    h.tap(sf::Keyboard::Enter);
    REQUIRE(h.app->screen() == Screen::History);
    // On the history screen: Tab reaches "Start this scenario"; Enter starts it.
    bool reached = false;
    for (int i = 0; i < 10 && !reached; ++i) {
        h.tap(sf::Keyboard::Tab);
        reached = h.log.focused_item() && h.log.focused_item()->label == ui("history.start_suggested", "en");
    }
    REQUIRE(reached);
    h.tap(sf::Keyboard::Enter);
    CHECK(h.app->screen() == Screen::Play);
    // The leave question answers to Enter.
    h.reveal();
    decide(h, 1);
    REQUIRE(h.click(ui("common.home", "en")));
    REQUIRE(h.app->leave_asked());
    h.tap(sf::Keyboard::Enter);
    CHECK(h.app->screen() == Screen::Home);
    // Down from the resume card's buttons reaches the scenario cards' Start buttons.
    h.frame();
    REQUIRE(h.log.has_exact(ui("home.resume_heading", "en")));
    bool start = false;
    for (int i = 0; i < 20 && !start; ++i) {
        h.tap(sf::Keyboard::Down);
        start = h.log.focused_item() && h.log.focused_item()->label == ui("home.start", "en");
    }
    CHECK(start);
}

namespace {

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The path(s) named by the history screen's last export, after checking its notice was drawn.
std::string exported_to(AppHarness& h, const std::string& language) {
    const std::string path = h.app->history_data().exported_to;
    CHECK(h.app->history_data().export_failed.empty());
    CHECK(h.log.has_exact(printf_string(ui("history.exported_to", language), path.c_str())));
    return path;
}

}  // namespace

TEST_CASE("results: the history screen's buttons export the trainee's attempts as JSON, CSV and HTML") {
    for (const std::string language : {"en", "nl"}) {
        CAPTURE(language);
        AppHarness h(AppHarness::bundled());
        seed_history(database_of(h), "Bert");  // another trainee: not in Anna's export
        seed_history(database_of(h), "Anna");
        reopen(h, with("practice", language.c_str()));
        REQUIRE(h.click(ui("home.history", language)));
        REQUIRE(h.app->screen() == Screen::History);
        const std::string folder = h.temp().file("data/exports");

        // JSON: parses, holds Anna's six attempts and nobody else's.
        REQUIRE(h.click(ui("history.export_json", language)));
        const std::string json_path = exported_to(h, language);
        REQUIRE(!json_path.empty());
        CHECK(json_path.rfind(folder, 0) == 0);
        const nlohmann::json json = nlohmann::json::parse(file_text(json_path));
        CHECK(json.at("format") == "salesdojo-attempts");
        REQUIRE(json.at("attempts").size() == 6);
        for (const auto& a : json.at("attempts")) CHECK(a.at("trainee") == "Anna");

        // CSV: the attempts table has the header and one row per attempt; the decisions table is next to it.
        REQUIRE(h.click(ui("history.export_csv", language)));
        const std::string csv_paths = exported_to(h, language);
        const std::string csv_path = csv_paths.substr(0, csv_paths.find(", "));
        REQUIRE(csv_path.size() > 4);
        CHECK(csv_path.substr(csv_path.size() - 4) == ".csv");
        const std::string csv = file_text(csv_path);
        // The fixed columns of the report layer's header, then one per dimension.
        const std::string fixed = report::export_csv(report::ExportDocument{}, language).attempts;
        const std::string fixed_header = fixed.substr(0, fixed.find("\r\n"));
        REQUIRE(!fixed_header.empty());
        CHECK(csv.rfind(fixed_header + ",", 0) == 0);
        CHECK(fixed_header.find(language == "nl" ? "Deelnemer" : "Trainee") != std::string::npos);
        std::size_t rows = 0;
        for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
            if (at + 2 < csv.size()) ++rows;
        CHECK(rows == 6);
        CHECK(std::count(csv.begin(), csv.end(), '\n') == 7);
        CHECK(csv.find("Anna") != std::string::npos);
        CHECK(csv.find("Bert") == std::string::npos);
        CHECK(std::filesystem::exists(report::decisions_csv_path(csv_path)));

        // HTML: a folder with one page per attempt, each naming its scenario by title.
        REQUIRE(h.click(ui("history.export_html", language)));
        const std::string html_folder = exported_to(h, language);
        REQUIRE(std::filesystem::is_directory(html_folder));
        const Catalogue& catalogue = h.app->catalogue();
        std::size_t pages = 0;
        for (const auto& file : std::filesystem::directory_iterator(html_folder)) {
            CAPTURE(file.path().string());
            ++pages;
            const std::string page = file_text(file.path().string());
            CHECK(page.find("<html") != std::string::npos);
            CHECK(page.find("Anna") != std::string::npos);
            bool titled = false;
            for (const char* id : {"demanding_director", "free_time"}) {
                if (file.path().filename().string().find(id) == std::string::npos) continue;
                const auto& card = *catalogue.entries[static_cast<std::size_t>(find_entry(catalogue, id))].card;
                titled = page.find(card.title.get(card_language(card, language))) != std::string::npos ||
                         page.find(card.title.get("en")) != std::string::npos;
            }
            CHECK(titled);
        }
        CHECK(pages == 6);
    }
}

TEST_CASE("results: an export that cannot be written says where, and the window goes on") {
    AppHarness h(AppHarness::bundled());
    seed_history(database_of(h), "Anna");
    reopen(h, with("practice", "nl"));
    // A file where the export folder should be.
    const std::string folder = h.temp().file("data/exports");
    std::filesystem::create_directories(std::filesystem::path(folder).parent_path());
    std::ofstream(folder) << "in the way";
    REQUIRE(h.click(ui("home.history", "nl")));
    for (const char* key : {"history.export_json", "history.export_csv", "history.export_html"}) {
        CAPTURE(key);
        REQUIRE(h.click(ui(key, "nl")));
        CHECK(h.app->screen() == Screen::History);
        CHECK(h.app->history_data().exported_to.empty());
        CHECK(h.app->history_data().export_failed == folder);
        CHECK(h.log.has_exact(printf_string(ui("history.export_failed", "nl"), folder.c_str())));
    }
    CHECK(file_text(folder) == "in the way");
}

TEST_CASE("results: the export buttons are reachable by keyboard") {
    AppHarness h(AppHarness::bundled());
    seed_history(database_of(h), "Anna");
    reopen(h, with("practice"), "Anna");
    REQUIRE(h.click(ui("home.history", "en")));
    for (const char* key : {"history.export_json", "history.export_csv", "history.export_html"}) {
        CAPTURE(key);
        bool reached = false;
        for (int i = 0; i < 12 && !reached; ++i) {
            h.tap(sf::Keyboard::Tab);
            reached = h.log.focused_item() && h.log.focused_item()->label == ui(key, "en");
        }
        REQUIRE(reached);
    }
    // Enter presses the one in focus (HTML pages).
    h.tap(sf::Keyboard::Enter);
    CHECK(std::filesystem::is_directory(h.app->history_data().exported_to));
}

TEST_CASE("results: a run finished in the window writes its xAPI statements to the outbox, once") {
    AppHarness h(AppHarness::bundled(), with("practice"), {1280, 2400});
    const Run& run = play_director_to_debrief(h, 1);
    const std::vector<std::string> chosen = run.session.decision_ids();

    // launched, initialized, one "answered" per decision, completed, and passed or failed (a pass mark).
    std::ifstream in(h.temp().file("data/xapi-outbox.jsonl"));
    REQUIRE(in);
    std::vector<nlohmann::json> statements;
    for (std::string line; std::getline(in, line);) statements.push_back(nlohmann::json::parse(line));
    REQUIRE(run.scenario->pass_mark);
    REQUIRE(statements.size() == chosen.size() + 4);
    std::vector<std::string> responses;
    for (const auto& statement : statements) {
        CHECK(statement.at("object").at("id").get<std::string>().find(kDirector) != std::string::npos);
        if (statement.at("verb").at("id") == "http://adlnet.gov/expapi/verbs/answered")
            responses.push_back(statement.at("result").at("response").get<std::string>());
    }
    CHECK(responses == chosen);
    CHECK(h.app->results().xapi_statements_appended() == statements.size());
    store::ResultsStore db = store::ResultsStore::open(database_of(h));
    CHECK(db.xapi_owed_attempts().empty());  // written: nothing left for the next program
}
