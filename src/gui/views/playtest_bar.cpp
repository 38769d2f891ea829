#include "views/playtest_bar.hpp"

#include "views/author_view.hpp"
#include "views/widgets.hpp"

#include <cstdio>

namespace salesdojo::gui {

Intent draw_playtest_bar(const ViewContext& ctx, const Run& run, const Authoring& authoring) {
    Intent result;
    const Scenario& s = *run.scenario;
    const int start = run.session.start_point().node;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, ctx.t("author.playtest_banner"), s.nodes[static_cast<std::size_t>(start)].id.c_str());
    const char* back = ctx.t("author.back_to_file");
    ImGui::AlignTextToFramePadding();
    chip(ctx.t("author.playtest_chip"), ctx.colours->warn);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text(buffer);
    const std::string note = reload_note_text(ctx, authoring.note(), authoring);
    if (authoring.note().kind != ReloadNote::Kind::Opened && !note.empty()) {
        ImGui::SameLine();
        const bool bad = authoring.note().kind != ReloadNote::Kind::Reloaded;
        text_coloured(bad ? ctx.colours->warn : ctx.colours->good, note);
    }
    ImGui::SameLine();
    align_right(button_width(back));
    if (button(back)) result = intent::ShowAuthoring{};
    return result;
}

}  // namespace salesdojo::gui
