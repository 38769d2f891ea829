// The trainer's second window in the app (trainer_screen.hpp), headless: while it is there the
// trainer's material is drawn in its own ImGui context and never in the projector's, in every
// phase of a decision, also after T; its buttons act on the class.
#include "app_harness.hpp"
#include "trainer_screen.hpp"
#include "ui_text.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;
using salesdojo::classroom::ClassPhase;

namespace {

// A second headless ImGui context, as the trainer window has: its own fonts, its own input.
class TrainerContext {
public:
    TrainerContext() {
        ImGuiContext* const previous = ImGui::GetCurrentContext();
        m_context = ImGui::CreateContext();
        ImGui::SetCurrentContext(m_context);
        ImGui::GetIO().IniFilename = nullptr;
        ImGuiInput::install_key_map(ImGui::GetIO());
        m_fonts = load_fonts(*ImGui::GetIO().Fonts, 1.25f);
        ImGui::SetCurrentContext(previous);
    }
    ~TrainerContext() { ImGui::DestroyContext(m_context); }
    TrainerContext(const TrainerContext&) = delete;
    TrainerContext& operator=(const TrainerContext&) = delete;

    // One frame of the trainer window's content; `log` holds what it drew. The context before stays current.
    void frame(App& app, const sf::Event* click_at = nullptr) {
        ImGuiContext* const previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(m_context);
        if (click_at) {
            m_input.process_event(mouse_move(click_at->mouseButton.x, click_at->mouseButton.y), ImGui::GetIO());
            m_input.process_event(*click_at, ImGui::GetIO());
            sf::Event up = *click_at;
            up.type = sf::Event::MouseButtonReleased;
            m_input.process_event(up, ImGui::GetIO());
        }
        m_input.begin_frame(ImGui::GetIO(), {1280, 1024}, 1.0f / 60.0f);
        ImGui::NewFrame();
        log.clear();
        DrawLog* outer = set_draw_log(&log);
        draw_trainer_screen(app, m_fonts);
        set_draw_log(outer);
        ImGui::Render();
        ImGui::SetCurrentContext(previous);
    }
    // Clicks the centre of `item` (from the last frame's log), then draws the frames that act on it.
    void click(App& app, const DrawLog::Item& item) {
        const sf::Event press = mouse_button(sf::Event::MouseButtonPressed, sf::Mouse::Left,
                                             static_cast<int>((item.min.x + item.max.x) * 0.5f),
                                             static_cast<int>((item.min.y + item.max.y) * 0.5f));
        frame(app);
        frame(app, &press);
        frame(app);
    }
    DrawLog log;

private:
    ImGuiContext* m_context = nullptr;
    ImGuiInput m_input;
    Fonts m_fonts;
};

void start_class(AppHarness& h, const std::string& id) {
    h.frames(3);
    REQUIRE(h.click(ui("class.home_button", h.app->settings().language)));
    const int entry = find_entry(h.app->catalogue(), id);
    REQUIRE(entry >= 0);
    h.app->class_setup_view().select(static_cast<std::size_t>(entry));
    h.app->class_setup_view().set_phones(false);
    h.app->class_setup_view().set_language("en");
    h.frames(2);
    REQUIRE(h.click(ui("class.setup_start", h.app->settings().language)));
    REQUIRE(h.app->classroom() != nullptr);
    h.frames(2);
}

}  // namespace

TEST_CASE("trainer window: the trainer's material is in its draw log and never in the projector's") {
    AppHarness h(AppHarness::bundled());
    TrainerContext trainer;
    start_class(h, "cannot_pay");
    h.app->set_trainer_window_active(true);  // what TrainerScreen::frame says while the window is open
    Classroom& live = *h.app->classroom();
    const Node& node = live.scenario().nodes[static_cast<std::size_t>(live.audience().node)];
    const std::string notes = node.trainer_notes.get(live.language());
    REQUIRE_FALSE(notes.empty());
    const std::string heading = ui("class.trainer_heading", "en");
    const std::string best = ui("class.trainer_best", "en");
    const std::string private_note = ui("class.trainer_private", "en");
    char counts[128];
    std::snprintf(counts, sizeof counts, ui("class.trainer_counts", "en"), std::size_t{5}, std::size_t{0}, std::size_t{5});

    const auto check_split = [&](const char* phase) {
        CAPTURE(phase);
        trainer.frame(*h.app);
        CHECK(trainer.log.contains(heading));
        CHECK(trainer.log.contains(notes));
        CHECK(trainer.log.contains(best));
        CHECK_FALSE(trainer.log.contains(private_note));  // "T hides it" means nothing in its own window
        CHECK_FALSE(h.log.contains(heading));
        CHECK_FALSE(h.log.contains(notes));
        CHECK_FALSE(h.log.contains(best));
        CHECK_FALSE(h.log.contains(counts));
        // What the room sees is not drawn in the trainer's window (it is the projector's job).
        CHECK_FALSE(trainer.log.contains(node.text.get(live.language())));
    };
    check_split("showing");
    h.tap(sf::Keyboard::PageDown);  // open the vote
    REQUIRE(live.phase() == ClassPhase::Voting);
    h.tap(sf::Keyboard::Num1);  // five hands for option 1
    h.tap(sf::Keyboard::Num5);
    h.tap(sf::Keyboard::Enter);
    check_split("voting");
    CHECK(trainer.log.contains(counts));  // the live tally, before the reveal: only here
    h.tap(sf::Keyboard::T);  // T does not bring the panel over the projector while the window is there
    check_split("voting after T");
    h.tap(sf::Keyboard::PageDown);  // reveal
    REQUIRE(live.phase() == ClassPhase::Revealed);
    check_split("revealed");

    // The trainer window's own buttons act on the class: the first discussion prompt shown from there.
    REQUIRE_FALSE(node.discussion.empty());
    const std::string prompt = node.discussion.front().get(live.language());
    CHECK_FALSE(h.log.contains(prompt));
    const std::string show = ui("class.trainer_show_prompt", "en");
    const DrawLog::Item* first = nullptr;
    for (const DrawLog::Item& item : trainer.log.items)
        if (!first && item.label.find(show) != std::string::npos) first = &item;
    REQUIRE(first != nullptr);
    trainer.click(*h.app, *first);
    CHECK(live.audience().prompts == std::vector<std::size_t>{0});
    h.frames(2);
    CHECK(h.log.contains(prompt));  // shown to the room by the trainer, from the trainer's window
    CHECK_FALSE(h.log.contains(notes));

    // Without the window the panel is back to T only, as before.
    h.app->set_trainer_window_active(false);
    h.frames(2);
    CHECK_FALSE(h.log.contains(notes));
    h.tap(sf::Keyboard::T);
    CHECK(h.log.contains(notes));
}
