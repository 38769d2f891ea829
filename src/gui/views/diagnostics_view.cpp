#include "views/diagnostics_view.hpp"

#include "views/format.hpp"
#include "views/header_bar.hpp"
#include "views/widgets.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <filesystem>

namespace salesdojo::gui {

std::string diagnostic_location(const Diagnostic& d) {
    std::string out = d.file.empty() ? std::string("?") : std::filesystem::path(d.file).filename().string();
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
        if (d.column > 0) out += ":" + std::to_string(d.column);
    }
    return out;
}

void DiagnosticsView::draw_row(const ViewContext& ctx, const Diagnostic& d) {
    const bool error = d.severity == Severity::Error;
    const ImVec4 colour = error ? ctx.colours->bad : ctx.colours->warn;
    chip(std::string(ctx.t(error ? "diagnostics.error" : "diagnostics.warning")) + " " + d.code, colour);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(ctx.bold());
    text(diagnostic_location(d));
    ImGui::PopFont();
    ImGui::Indent(ImGui::GetFontSize() * 1.0f);
    text_wrapped(d.message);
    if (!d.pointer.empty()) text_coloured(ctx.colours->text_dim, d.pointer);
    ImGui::Unindent(ImGui::GetFontSize() * 1.0f);
    ImGui::Separator();
}

float DiagnosticsView::estimate_row(const Diagnostic& d, float width) const {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = std::max(1.0f, width - ImGui::GetFontSize());
    float h = ImGui::GetFrameHeight() + style.ItemSpacing.y;
    h += ImGui::CalcTextSize(d.message.data(), d.message.data() + d.message.size(), false, wrap).y + style.ItemSpacing.y;
    if (!d.pointer.empty())
        h += ImGui::CalcTextSize(d.pointer.data(), d.pointer.data() + d.pointer.size(), false, wrap).y + style.ItemSpacing.y;
    return h + style.ItemSpacing.y;  // the separator
}

void DiagnosticsView::draw_list(const ViewContext& ctx, const Diagnostics& diagnostics, ImVec2 size) {
    ImGui::BeginChild("##diagnostics", size, true);
    if (diagnostics.empty()) text_wrapped(ctx.t("diagnostics.none"));
    const float width = ImGui::GetContentRegionAvail().x;
    // Another list (or the same one refilled) is estimated again; the font size is part of the width.
    const std::size_t key = diagnostics.size() ^ static_cast<std::size_t>(ImGui::GetFontSize() * 64.0f);
    if (m_shown != diagnostics.data() || m_rows.needs(diagnostics.size(), width, key)) {
        m_shown = diagnostics.data();
        m_rows.reset(diagnostics.size(), width, [&](std::size_t i) { return estimate_row(diagnostics[i], width); }, key);
    }
    for (auto [i, last] = m_rows.begin(); i < last; ++i) {
        const float top = ImGui::GetCursorPosY();
        ImGui::PushID(static_cast<int>(i));
        draw_row(ctx, diagnostics[i]);
        ImGui::PopID();
        m_rows.drawn(i, ImGui::GetCursorPosY() - top);
    }
    m_rows.end();
    ImGui::EndChild();
}

Intent DiagnosticsView::Draw(const ViewContext& ctx, const std::string& file, const Diagnostics& diagnostics) {
    Intent result = header_bar(ctx, ctx.t("diagnostics.title"), HomeButton::Shown);
    text_in_font(ctx.title(), std::filesystem::path(file).filename().string());
    text_coloured(ctx.colours->text_dim, file);
    text_wrapped(ctx.t("diagnostics.explanation"));
    ImGui::Spacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    draw_list(ctx, diagnostics, ImVec2(0, -footer));
    if (button(ctx.t("diagnostics.back"))) merge(result, intent::GoHome{});
    ImGui::SameLine();
    if (button(ctx.t("diagnostics.copy"))) {
        std::string all;
        for (const auto& d : diagnostics) all += format_diagnostic(d) + "\n";
        ImGui::SetClipboardText(all.c_str());
    }
    if (!ImGui::GetIO().WantCaptureKeyboard && ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
        merge(result, intent::GoHome{});
    return result;
}

}  // namespace salesdojo::gui
