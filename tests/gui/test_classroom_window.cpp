// The window's classroom mode (docs/classroom.md, "In the window"), headless with the real fonts and
// bundled scenarios: a whole class through the App (keys, hands, phones over HTTP on 127.0.0.1,
// reveal, override, consequence, report, the class log stored), the projector never drawing
// trainer material before the trainer reveals it, the private panel only after T, and the
// projector's layout: nothing overlaps, nothing sticks out, nothing needs scrolling.
#include "app_harness.hpp"
#include "views/class_view.hpp"
#include "views/draw_log.hpp"
#include "views/review_view.hpp"

#include <salesdojo/store/results_store.hpp>

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;
using salesdojo::classroom::ClassPhase;

namespace {

sf::Keyboard::Key digit_key(int d) { return static_cast<sf::Keyboard::Key>(sf::Keyboard::Num0 + d); }

// Starts a class of `id` from the set-up screen, the way a trainer does: the home screen's button,
// the scenario, the options, "Run as a class".
void start_class(AppHarness& h, const std::string& id, bool phones, const std::string& language = "en") {
    h.frames(3);
    REQUIRE(h.click(ui("class.home_button", h.app->settings().language)));
    REQUIRE(h.app->screen() == Screen::Classroom);
    const int entry = find_entry(h.app->catalogue(), id);
    REQUIRE(entry >= 0);
    h.app->class_setup_view().select(static_cast<std::size_t>(entry));
    h.app->class_setup_view().set_phones(phones);
    h.app->class_setup_view().set_language(language);
    h.frames(2);
    const DrawLog::Item* start = h.log.find_item(ui("class.setup_start", h.app->settings().language));
    REQUIRE(start != nullptr);
    CAPTURE(start->min.y);
    CAPTURE(start->max.y);
    CAPTURE(h.app->class_screen().problem_detail);
    REQUIRE(h.click(ui("class.setup_start", h.app->settings().language)));
    REQUIRE(h.app->class_screen().stage == ClassStage::Running);
    REQUIRE(h.app->classroom() != nullptr);
    h.frames(2);
}

void type_hands(AppHarness& h, std::size_t option, std::size_t count) {
    h.tap(digit_key(static_cast<int>(option + 1)));
    for (char c : std::to_string(count)) h.tap(digit_key(c - '0'));
    h.tap(sf::Keyboard::Enter);
}

// A phone on loopback: joins the class and votes, bounded by short timeouts.
struct Phone {
    int port = 0;
    std::string code, device;
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(2, 0);
        c.set_read_timeout(2, 0);
        c.set_write_timeout(2, 0);
        return c;
    }
    bool join() {
        auto c = client();
        auto res = c.Post("/" + code + "/join", "{}", "application/json");
        if (!res || res->status != 200) return false;
        device = nlohmann::json::parse(res->body).at("device").get<std::string>();
        return true;
    }
    int vote(std::size_t decision, std::size_t option) {
        auto c = client();
        auto res = c.Post("/" + code + "/vote", {{"X-Device", device}},
                          nlohmann::json{{"decision", decision}, {"option", option}}.dump(), "application/json");
        return res ? res->status : -1;
    }
};

std::string status_voting(std::size_t votes, const char* language = "en") {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, ui("class.status_voting", language), votes);
    return buffer;
}

int port_of(const std::string& url) {  // http://127.0.0.1:PORT/CODE
    const std::size_t colon = url.rfind(':');
    return std::atoi(url.c_str() + colon + 1);
}

}  // namespace

TEST_CASE("a whole class through the window: hands by keys, phones over HTTP, reveal, override, report, stored") {
    AppHarness h(AppHarness::bundled());
    start_class(h, "cannot_pay", true);
    Classroom& live = *h.app->classroom();
    REQUIRE(live.phones());
    const std::string url = live.join_url();
    CHECK(url.rfind("http://127.0.0.1:", 0) == 0);
    // The projector shows the join code and address while phones vote.
    CHECK(h.log.contains(live.join_code().substr(0, 3)));
    CHECK(h.log.contains(url));
    CHECK(h.log.contains(ui("class.status_showing", "en")));

    h.tap(sf::Keyboard::PageDown);  // open the vote
    REQUIRE(live.phase() == ClassPhase::Voting);
    const std::size_t options = live.audience().options.size();
    REQUIRE(options >= 2);
    type_hands(h, 0, 3);
    type_hands(h, 1, 5);
    CHECK(live.trainer().live_tally.hands[0] == 3);
    CHECK(live.trainer().live_tally.hands[1] == 5);

    // Three phones vote on option 1 (0-based 0), one changes to option 2.
    std::vector<Phone> phones(3);
    for (Phone& p : phones) {
        p.port = port_of(url);
        p.code = live.join_code();
        REQUIRE(p.join());
        CHECK(p.vote(0, 0) == 200);
    }
    CHECK(phones[2].vote(0, 1) == 200);
    // The frame loop wakes on the change (App::poll_class) and the projector shows only the count.
    CHECK(h.app->poll_class());
    h.frames(2);
    CHECK_FALSE(h.app->poll_class());
    CHECK(h.log.contains(status_voting(11)));
    const auto tally = live.trainer().live_tally;
    CHECK(tally.phones[0] == 2);
    CHECK(tally.phones[1] == 1);
    CHECK(tally.votes(1) == 6);  // 5 hands + 1 phone: the majority

    h.tap(sf::Keyboard::PageDown);  // reveal
    REQUIRE(live.phase() == ClassPhase::Revealed);
    CHECK(phones[0].vote(0, 1) == 409);  // the vote is closed
    CHECK(live.trainer().majority == std::size_t{1});
    // The trainer overrides: O, then option 1.
    h.tap(sf::Keyboard::Num1);  // without O first a number does not confirm
    CHECK(live.phase() == ClassPhase::Revealed);
    CHECK(live.note() == "class.note_press_o");
    h.tap(sf::Keyboard::O);
    h.tap(sf::Keyboard::Num1);
    REQUIRE(live.phase() == ClassPhase::Consequence);
    CHECK(live.audience().chosen == std::size_t{0});
    CHECK_FALSE(live.audience().consequence.empty());
    h.tap(sf::Keyboard::PageDown);  // feedback and verdict
    CHECK(live.audience().feedback_choice.has_value());
    h.tap(sf::Keyboard::P);  // a discussion prompt, when the node has one
    const std::size_t prompts_first = live.audience().prompts.size();
    h.tap(sf::Keyboard::PageDown);  // the next decision

    // The rest by the majority: one hand for option 1 each time.
    for (int guard = 0; guard < 60 && live.phase() != ClassPhase::Finished; ++guard) {
        REQUIRE(live.phase() == ClassPhase::Showing);
        h.tap(sf::Keyboard::PageDown);
        type_hands(h, 0, 1);
        for (int step = 0; step < 4; ++step) h.tap(sf::Keyboard::PageDown);
    }
    REQUIRE(live.phase() == ClassPhase::Finished);
    h.tap(sf::Keyboard::PageDown);  // the report
    REQUIRE(h.app->class_screen().stage == ClassStage::Report);
    REQUIRE(h.app->class_screen().report.has_value());
    CHECK(h.app->classroom() == nullptr);
    CHECK(h.log.contains(ui("class.report_heading", "en")));
    CHECK(h.log.contains(ui("class.report_overridden", "en")));
    // The server stopped with the class.
    CHECK(phones[0].vote(1, 0) == -1);

    // Stored in the results database, as the command line stores it.
    const auto logs = store::ResultsStore::open(h.temp().file("data/results.sqlite")).class_logs();
    REQUIRE(logs.size() == 1);
    const ClassLog& log = logs.front();
    CHECK(log.scenario_id == "cannot_pay");
    CHECK(log.finished);
    REQUIRE(log.decisions.size() >= 2);
    CHECK(log.decisions[0].hand_votes[0] == 3);
    CHECK(log.decisions[0].hand_votes[1] == 5);
    CHECK(log.decisions[0].phone_votes[0] == 2);
    CHECK(log.decisions[0].phone_votes[1] == 1);
    CHECK(log.decisions[0].overridden);
    CHECK(log.decisions[0].chosen_id == log.decisions[0].option_ids[0]);
    CHECK(log.decisions[0].prompts_shown.size() == prompts_first);
    CHECK(log.decisions[1].hand_votes[0] == 1);
    CHECK_FALSE(log.decisions[1].overridden);

    // Exports: HTML and CSV, written where the window writes exports.
    REQUIRE(h.click(ui("class.export_html", "en")));
    const std::string html = h.app->class_screen().saved_path;
    REQUIRE_FALSE(html.empty());
    CHECK(std::filesystem::exists(html));
    REQUIRE(h.click(ui("class.export_csv", "en")));
    const std::string csv = h.app->class_screen().saved_path;
    REQUIRE_FALSE(csv.empty());
    CHECK(std::filesystem::exists(csv));
    REQUIRE(h.click(ui("common.home", "en")));
    CHECK(h.app->screen() == Screen::Home);
}

namespace {

// Every text a trainer-only panel, the trainer notes, the unshown prompts, verdicts, feedback or the
// per-option tally would put on the projector, for the decision on screen now.
struct Secrets {
    std::vector<std::string> always;          // trainer notes, trainer panel words
    std::vector<std::string> prompts_unshown;
    std::vector<std::string> verdict_labels;  // exact texts
    std::vector<std::string> feedback;        // every option's feedback
};

Secrets secrets_now(Classroom& live) {
    Secrets s;
    const classroom::TrainerView view = live.trainer();
    const Scenario& scenario = live.scenario();
    const std::string& lang = live.language();
    for (const char* key : {"class.trainer_heading", "class.trainer_best", "class.trainer_majority", "class.trainer_notes",
                            "class.trainer_prompts"})
        for (const char* language : {"en", "nl"}) s.always.push_back(ui(key, language));
    for (const char* key : {"verdict.best", "verdict.good", "verdict.inaccuracy", "verdict.mistake", "verdict.blunder"})
        s.verdict_labels.push_back(ui(key, lang));
    if (view.audience.phase == ClassPhase::Finished) return s;
    const Node& node = scenario.nodes[static_cast<std::size_t>(view.audience.node)];
    if (!node.trainer_notes.get(lang).empty()) s.always.push_back(node.trainer_notes.get(lang));
    for (std::size_t p = 0; p < node.discussion.size(); ++p)
        if (std::find(view.audience.prompts.begin(), view.audience.prompts.end(), p) == view.audience.prompts.end())
            s.prompts_unshown.push_back(node.discussion[p].get(lang));
    for (int option : view.audience.options) {
        const std::string feedback = node.choices[static_cast<std::size_t>(option)].feedback.get(lang);
        if (!feedback.empty()) s.feedback.push_back(feedback);
    }
    return s;
}

// What the room saw in the last frame must hold none of the trainer's material not yet revealed.
void check_projector(AppHarness& h, Classroom& live, const std::vector<std::string>& tally_numbers, const std::string& where) {
    h.frames(2);
    const classroom::AudienceView room = live.audience();
    const Secrets s = secrets_now(live);
    const std::string all = h.log.joined();
    for (const std::string& secret : s.always) CHECK_MESSAGE(all.find(secret) == std::string::npos, where << ": '" << secret << "' on the projector");
    for (const std::string& prompt : s.prompts_unshown)
        CHECK_MESSAGE(all.find(prompt) == std::string::npos, where << ": an unshown prompt on the projector: " << prompt);
    if (!room.feedback_choice) {
        for (const std::string& label : s.verdict_labels) CHECK_MESSAGE(!h.log.has_exact(label), where << ": verdict '" << label << "' before reveal");
        for (const std::string& feedback : s.feedback)
            CHECK_MESSAGE(all.find(feedback) == std::string::npos, where << ": feedback before reveal: " << feedback);
    }
    if (!room.tally)
        for (const std::string& number : tally_numbers)
            CHECK_MESSAGE(all.find(number) == std::string::npos, where << ": the tally (" << number << ") before reveal");
}

}  // namespace

TEST_CASE("the projector never draws trainer material before the trainer reveals it, in every phase and decision") {
    for (const char* id : {"cannot_pay", "their_no", "guarantee_demand"}) {
        CAPTURE(id);
        AppHarness h(AppHarness::bundled());
        start_class(h, id, false);
        Classroom& live = *h.app->classroom();
        int decisions = 0;
        for (int guard = 0; guard < 60 && live.phase() != ClassPhase::Finished; ++guard, ++decisions) {
            const std::string where = std::string(id) + " decision " + std::to_string(decisions + 1);
            const std::size_t options = live.audience().options.size();
            // Hand counts no text would hold by chance, the largest on the last option.
            std::vector<std::string> numbers;
            std::size_t total = 0;
            for (std::size_t i = 0; i < options; ++i) {
                numbers.push_back(std::to_string(1307 + 11 * i));
                total += 1307 + 11 * i;
            }
            check_projector(h, live, numbers, where + " showing");
            h.tap(sf::Keyboard::PageDown);
            REQUIRE(live.phase() == ClassPhase::Voting);
            for (std::size_t i = 0; i < options; ++i) type_hands(h, i, 1307 + 11 * i);
            check_projector(h, live, numbers, where + " voting");
            CHECK(h.log.contains(status_voting(total)));
            if (decisions == 0) {  // a prompt shown while voting is on the projector, the others are not
                h.tap(sf::Keyboard::P);
                check_projector(h, live, numbers, where + " voting, a prompt shown");
                if (!live.audience().prompts.empty()) {
                    const Node& node = live.scenario().nodes[static_cast<std::size_t>(live.audience().node)];
                    CHECK(h.log.contains(node.discussion[live.audience().prompts.front()].get(live.language())));
                }
            }
            h.tap(sf::Keyboard::PageDown);
            REQUIRE(live.phase() == ClassPhase::Revealed);
            check_projector(h, live, numbers, where + " revealed");
            for (const std::string& number : numbers) CHECK_MESSAGE(h.log.contains(number), where << ": the revealed tally lacks " << number);
            h.tap(sf::Keyboard::PageDown);
            REQUIRE(live.phase() == ClassPhase::Consequence);
            CHECK(live.audience().chosen == options - 1);
            check_projector(h, live, numbers, where + " consequence");
            h.tap(sf::Keyboard::PageDown);
            REQUIRE(live.audience().feedback_choice.has_value());
            check_projector(h, live, numbers, where + " feedback");
            if (const auto verdict = live.audience().verdict) CHECK(h.log.has_exact(ui(verdict_key(*verdict), live.language())));
            h.tap(sf::Keyboard::PageDown);
        }
        CHECK(live.phase() == ClassPhase::Finished);
        CHECK(decisions >= 2);
        check_projector(h, live, {}, std::string(id) + " ending");
    }
}

TEST_CASE("the trainer's private panel appears only after T, and goes with T") {
    AppHarness h(AppHarness::bundled());
    start_class(h, "cannot_pay", false);
    Classroom& live = *h.app->classroom();
    const Node& node = live.scenario().nodes[static_cast<std::size_t>(live.audience().node)];
    const std::string notes = node.trainer_notes.get(live.language());
    REQUIRE_FALSE(notes.empty());
    h.tap(sf::Keyboard::PageDown);
    type_hands(h, 0, 4);
    CHECK_FALSE(h.log.contains(ui("class.trainer_heading", "en")));
    CHECK_FALSE(h.log.contains(notes));
    h.tap(sf::Keyboard::T);
    CHECK(live.panel());
    CHECK(h.log.contains(ui("class.trainer_heading", "en")));
    CHECK(h.log.contains(notes));
    CHECK(h.log.contains(ui("class.trainer_best", "en")));
    char counts[128];
    std::snprintf(counts, sizeof counts, ui("class.trainer_counts", "en"), std::size_t{4}, std::size_t{0}, std::size_t{4});
    CHECK(h.log.contains(counts));  // the live tally, before the room sees it
    h.tap(sf::Keyboard::T);
    CHECK_FALSE(h.log.contains(ui("class.trainer_heading", "en")));
    CHECK_FALSE(h.log.contains(notes));
    // With the trainer's own window active the panel never comes over the projector.
    h.app->set_trainer_window_active(true);
    h.tap(sf::Keyboard::T);
    CHECK_FALSE(h.log.contains(notes));
    // B blanks the projector: nothing of the exchange is drawn; B again shows it.
    h.app->set_trainer_window_active(false);
    h.tap(sf::Keyboard::B);
    CHECK(live.blank());
    CHECK_FALSE(h.log.contains(node.text.get(live.language())));
    h.tap(sf::Keyboard::B);
    CHECK(h.log.contains(node.text.get(live.language())));
    // Esc asks first; N keeps the class going, Esc then Y ends it.
    h.tap(sf::Keyboard::Escape);
    CHECK(h.app->class_screen().end_asked);
    h.tap(sf::Keyboard::N);
    CHECK(h.app->class_screen().stage == ClassStage::Running);
    h.tap(sf::Keyboard::Escape);
    h.tap(sf::Keyboard::Y);
    CHECK(h.app->class_screen().stage == ClassStage::Report);
}

namespace {

constexpr float kSlack = 1.0f;

std::string describe(const DrawLog::Box& box) {
    std::ostringstream out;
    out << "'" << box.label.substr(0, 50) << "' [" << box.min.x << "," << box.min.y << " - " << box.max.x << ","
        << box.max.y << "] in " << box.window_name.substr(box.window_name.rfind('/') + 1);
    return out.str();
}

// As tests/gui/test_layout.cpp checks the other screens, and stricter: the projector never
// scrolls, so every text and the QR code must lie wholly inside the window and inside its panel.
std::vector<std::string> projector_problems(const DrawLog& log, ImVec2 window) {
    std::vector<std::string> problems;
    std::vector<const DrawLog::Box*> shown;
    for (const auto& box : log.boxes) {
        if (box.overlay || box.label.empty()) continue;
        if (box.window_name.find("projector") == std::string::npos) continue;
        shown.push_back(&box);
        if (box.scrolls) problems.push_back("in a panel that scrolls: " + describe(box));
        if (box.min.x < box.panel_min.x - kSlack || box.max.x > box.panel_max.x + kSlack ||
            box.min.y < box.panel_min.y - kSlack || box.max.y > box.panel_max.y + kSlack)
            problems.push_back("outside its panel: " + describe(box));
        if (box.min.x < -kSlack || box.min.y < -kSlack || box.max.x > window.x + kSlack || box.max.y > window.y + kSlack)
            problems.push_back("outside the window (would need scrolling): " + describe(box));
    }
    for (std::size_t i = 0; i < shown.size(); ++i)
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            const auto& a = *shown[i];
            const auto& b = *shown[j];
            const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
            const float hgt = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
            if (w > kSlack && hgt > kSlack) problems.push_back("overlap: " + describe(a) + " and " + describe(b));
        }
    return problems;
}

void check_projector_layout(AppHarness& h, const std::string& where) {
    h.frames(2);
    const auto problems = projector_problems(h.log, ImVec2(static_cast<float>(h.size().x), static_cast<float>(h.size().y)));
    std::string message;
    for (std::size_t i = 0; i < problems.size() && i < 8; ++i) message += "\n  " + problems[i];
    CHECK_MESSAGE(problems.empty(), where << ": " << problems.size() << " layout problems" << message);
    std::size_t drawn = 0;
    for (const auto& box : h.log.boxes) drawn += box.window_name.find("projector") != std::string::npos;
    CHECK_MESSAGE(drawn >= 2, where << ": the projector drew almost nothing");
}

// Plays the started class to its end (the majority of typed hands each time), checking the
// projector while voting (join code and QR code), revealed with a prompt, with the consequence and
// feedback, and at the ending.
void check_class_to_its_end(AppHarness& h, const std::string& config) {
    Classroom& live = *h.app->classroom();
    for (int guard = 0, decision = 1; guard < 60 && live.phase() != ClassPhase::Finished; ++guard, ++decision) {
        const std::string where = config + " decision " + std::to_string(decision);
        h.tap(sf::Keyboard::PageDown);
        for (std::size_t i = 0; i < live.audience().options.size(); ++i) type_hands(h, i, 10 + i);
        check_projector_layout(h, where + " voting (with the join code and QR code)");
        h.tap(sf::Keyboard::P);
        h.tap(sf::Keyboard::PageDown);
        check_projector_layout(h, where + " revealed with a prompt");
        h.tap(sf::Keyboard::PageDown);
        h.tap(sf::Keyboard::PageDown);
        check_projector_layout(h, where + " consequence with feedback");
        h.tap(sf::Keyboard::PageDown);
    }
    CHECK_MESSAGE(live.phase() == ClassPhase::Finished, config << ": the class did not reach an ending");
    check_projector_layout(h, config + " ending");
}

}  // namespace

TEST_CASE("the projector fits the whole exchange without scrolling at 1280x720 and 1920x1080, 100-200 % text, both languages") {
    for (const sf::Vector2u size : {sf::Vector2u{1280, 720}, sf::Vector2u{1920, 1080}}) {
        for (const float text : {1.0f, 1.5f, 2.0f}) {
            for (const char* language : {"en", "nl"}) {
                Settings settings;
                settings.language = language;
                settings.font_scale = text;
                AppHarness h(AppHarness::bundled(), settings, size);
                h.set_text_size(text);
                const std::string config = std::to_string(size.x) + "x" + std::to_string(size.y) + " text " +
                                           std::to_string(static_cast<int>(text * 100)) + "% " + language;
                CAPTURE(config);
                start_class(h, "cannot_pay", true, language);
                check_class_to_its_end(h, config);
            }
        }
    }
}

TEST_CASE("a tie leaves the choice to the trainer, Page Up shows the previous prompt, F1 lists the classroom keys") {
    AppHarness h(AppHarness::bundled());
    start_class(h, "cannot_pay", false);
    Classroom& live = *h.app->classroom();
    const Node& node = live.scenario().nodes[static_cast<std::size_t>(live.audience().node)];
    h.tap(sf::Keyboard::PageDown);
    type_hands(h, 0, 6);
    type_hands(h, 2, 9);
    type_hands(h, 2, 6);  // typed again: replaced, so options 1 and 3 tie
    CHECK(live.trainer().live_tally.hands[2] == 6);
    // Backspace erases a digit, then the option picked.
    h.tap(sf::Keyboard::Num2);
    h.tap(sf::Keyboard::Num7);
    CHECK(live.hands_digits() == "7");
    h.tap(sf::Keyboard::Backspace);
    h.tap(sf::Keyboard::Backspace);
    CHECK_FALSE(live.hands_option().has_value());
    h.tap(sf::Keyboard::PageDown);
    REQUIRE(live.phase() == ClassPhase::Revealed);
    CHECK_FALSE(live.trainer().majority.has_value());
    h.tap(sf::Keyboard::PageDown);  // no majority: nothing happens, the trainer is told why
    CHECK(live.phase() == ClassPhase::Revealed);
    CHECK(live.note() == "class.note_tie");
    h.tap(sf::Keyboard::T);
    CHECK(h.log.contains(ui("class.trainer_tie", "en")));
    CHECK(h.log.contains(ui("class.note_tie", "en")));
    h.tap(sf::Keyboard::T);
    h.tap(sf::Keyboard::O);
    h.tap(sf::Keyboard::Num3);
    REQUIRE(live.phase() == ClassPhase::Consequence);
    CHECK(live.audience().chosen == std::size_t{2});
    // Prompts: P shows the next one; Page Up goes back to the one shown before.
    if (node.discussion.size() >= 2) {
        h.tap(sf::Keyboard::P);
        h.tap(sf::Keyboard::P);
        CHECK(live.prompt_on_screen() == std::size_t{1});
        CHECK(h.log.contains(node.discussion[1].get("en")));
        h.tap(sf::Keyboard::PageUp);
        CHECK(live.prompt_on_screen() == std::size_t{0});
        CHECK(h.log.contains(node.discussion[0].get("en")));
        CHECK_FALSE(h.log.contains(node.discussion[1].get("en")));
    } else {
        h.tap(sf::Keyboard::PageUp);
        CHECK(live.note() == "class.note_no_back");
    }
    CHECK(live.phase() == ClassPhase::Consequence);  // nothing was undone
    h.tap(sf::Keyboard::F1);
    CHECK(h.log.contains("legend:classroom"));
    CHECK(h.log.contains(ui("keys.class_hands_action", "en")));
    CHECK(h.log.contains(ui("keys.class_o_action", "en")));
}

TEST_CASE("every bundled scenario fits the projector without scrolling at 1280x720 and 200 % text, both languages") {
    const sf::Vector2u size{1280, 720};
    std::vector<std::string> ids;
    for (const CatalogueEntry& entry : AppHarness::bundled().entries)
        if (entry.ok()) ids.push_back(entry.file_name);
    std::sort(ids.begin(), ids.end());
    REQUIRE(ids.size() >= 17);
    for (const char* language : {"en", "nl"}) {
        Settings settings;
        settings.language = language;
        settings.font_scale = 2.0f;
        for (const std::string& id : ids) {
            AppHarness h(AppHarness::bundled(), settings, size);
            h.set_text_size(2.0f);
            const std::string config = id + " 1280x720 text 200% " + language;
            CAPTURE(config);
            start_class(h, id, true, language);
            check_class_to_its_end(h, config);
        }
    }
}
