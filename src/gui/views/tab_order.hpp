#pragma once
// Tab and Shift+Tab for the screens built of ordinary widgets (home, history): the keyboard focus
// moves to the next / previous widget in the order they were drawn, with ImGui's visible focus
// frame, and scrolls it into view. (ImGui 1.86 moves its focus only with the arrow keys, and Tab
// only between text fields.) Enter then presses the widget in focus (platform/sfml_imgui.hpp).
//
// Use: TabOrder tabs; tabs.begin(); ...draw, calling tab_stop() after each widget...; tabs.end();
// widgets.hpp's buttons, checkboxes and radio buttons call tab_stop() themselves. Outside
// begin()/end() tab_stop() does nothing (the play screen keeps its own keys).
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

struct ImGuiWindow;

namespace salesdojo::gui {

// Where the widgets are: on the screen (Tab does nothing while a list or a question pops up over
// it), or inside a modal popup (the settings), whose own widgets Tab moves between.
enum class TabScope { Screen, Popup };

class TabOrder {
public:
    void begin(TabScope scope = TabScope::Screen);  // start collecting this frame's widgets
    void end();    // stop; on Tab, move the focus (call before ImGui::Render)

    struct Stop {
        ImGuiID id = 0;
        ImGuiWindow* window = nullptr;
        ImVec2 min, max;  // screen rectangle
        int layer = 0;
        ImGuiID focus_scope = 0;
        std::string label;  // what the widget says ("##id" removed), for traces and tests
    };
    void add(Stop stop) { m_stops.push_back(std::move(stop)); }
    // The label of the widget holding the keyboard focus after end() ("" = none or unlabelled).
    const std::string& focused_label() const { return m_focused_label; }

private:
    std::string m_focused_label;
    std::vector<Stop> m_stops;
    TabOrder* m_previous = nullptr;
    TabScope m_scope = TabScope::Screen;
};

// Registers the last widget drawn as a tab stop of the active TabOrder (none: nothing happens).
void tab_stop(std::string_view label = {});

}  // namespace salesdojo::gui
