#include "views/graph_view.hpp"

#include "views/draw_log.hpp"
#include "views/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace salesdojo::gui {
namespace {

// Pixels per layout point at which the node ids are comfortably readable.
constexpr float kReadableZoom = 0.8f;
// Well below 65,536: a node or an edge added after this check stays within the limit.
constexpr int kVertexBudget = 60000;

ImU32 u32(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

ImVec4 outcome_colour(const Scenario& s, int outcome, const Palette& p) {
    const std::string& id = s.outcomes[static_cast<std::size_t>(outcome)].id;
    if (id == "qualified-fit" || id == "declined-misfit") return p.good;
    if (id == "pursued-misfit") return p.bad;
    if (id == "abandoned-fit") return p.warn;
    return p.accent;
}

std::string first_words(const std::string& text, std::size_t most) {
    if (text.size() <= most) return text;
    std::size_t cut = text.rfind(' ', most);
    if (cut == std::string::npos || cut < most / 2) cut = most;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
    return text.substr(0, cut) + "...";
}

}  // namespace

std::optional<int> pointer_node(const std::string& pointer) {
    static const std::string prefix = "/nodes/";
    if (pointer.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    const char* digits = pointer.c_str() + prefix.size();
    if (*digits < '0' || *digits > '9') return std::nullopt;
    char* end = nullptr;
    const long n = std::strtol(digits, &end, 10);
    if ((*end != '\0' && *end != '/') || n < 0 || n > 100'000'000) return std::nullopt;
    return static_cast<int>(n);
}

void GraphView::relayout(const ViewContext& ctx, const authoring::ScenarioVersion& version) {
    const bool first = m_laid_out == nullptr;
    m_laid_out = version.scenario.get();
    m_language = ctx.language;
    const std::string language =
        std::find(version.scenario->languages.begin(), version.scenario->languages.end(), ctx.language) !=
                version.scenario->languages.end()
            ? ctx.language
            : version.scenario->default_language();
    m_layout = layered_layout(*version.scenario);  // at once; Graphviz's replaces it when ready
    m_job.reset();
    if (version.scenario->nodes.size() <= kMaxGraphvizNodes) m_job.emplace(version.scenario, version.facts, language);
    else m_layout.error = "too many nodes for Graphviz";
    if (first) m_fit = m_first_view = true;  // a reload keeps the author's pan and zoom
}

Intent GraphView::Draw(const ViewContext& ctx, const authoring::ScenarioVersion& version, std::optional<int> current,
                       ImVec2 size) {
    Intent result;
    if (m_laid_out != version.scenario.get() || m_language != ctx.language) relayout(ctx, version);
    if (m_job) {
        if (std::optional<GraphLayout> ready = m_job->take()) {
            const bool refit = m_first_view || m_fitted_layered;
            m_layout = std::move(*ready);
            m_job.reset();
            if (refit) m_fit = m_first_view = true;  // the author has not moved yet: fit the real layout
        }
    }
    const Scenario& s = *version.scenario;
    const Palette& p = *ctx.colours;

    // The tool row: fit, zoom out, zoom in, and how the graph was laid out.
    if (button(ctx.t("author.graph_fit"))) m_fit = true;
    ImGui::SameLine();
    const bool zoom_out = button("-##zoom");
    ImGui::SameLine();
    const bool zoom_in = button("+##zoom");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_coloured(p.text_dim, m_job                  ? ctx.t("author.graph_busy")
                              : m_layout.by_graphviz ? ctx.t("author.graph_hint")
                                                     : ctx.t("author.graph_plain"));

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 canvas = ImGui::GetContentRegionAvail();
    if (size.x > 0) canvas.x = size.x;
    if (size.y > 0) canvas.y = size.y;
    canvas.x = std::max(canvas.x, 50.0f);
    canvas.y = std::max(canvas.y, 50.0f);
    ImGui::InvisibleButton("##graph_canvas", canvas, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    ImGuiIO& io = ImGui::GetIO();

    if (m_fit && m_layout.width > 0 && m_layout.height > 0) {
        m_zoom = std::clamp(std::min(canvas.x / (m_layout.width + 40.0f), canvas.y / (m_layout.height + 40.0f)), 0.05f, 2.0f);
        m_pan = ImVec2(m_layout.width * 0.5f - canvas.x * 0.5f / m_zoom, m_layout.height * 0.5f - canvas.y * 0.5f / m_zoom);
        // A first view too small to read starts readable instead, at the playtest's node or the start
        // ("Fit" still shows everything).
        if (m_first_view && m_zoom < kReadableZoom * 0.6f) {
            m_zoom = kReadableZoom;
            m_focus = current.value_or(s.start);
        }
        m_fit = false;
        m_fitted_layered = m_first_view && m_job.has_value();
        m_first_view = false;
    }
    const auto zoom_about = [&](float factor, ImVec2 screen) {
        const ImVec2 at(m_pan.x + (screen.x - origin.x) / m_zoom, m_pan.y + (screen.y - origin.y) / m_zoom);
        m_zoom = std::clamp(m_zoom * factor, 0.05f, 4.0f);
        m_pan = ImVec2(at.x - (screen.x - origin.x) / m_zoom, at.y - (screen.y - origin.y) / m_zoom);
    };
    const ImVec2 middle(origin.x + canvas.x * 0.5f, origin.y + canvas.y * 0.5f);
    if (zoom_in) zoom_about(1.25f, middle);
    if (zoom_out) zoom_about(0.8f, middle);
    if (hovered && io.MouseWheel != 0.0f) zoom_about(std::pow(1.15f, io.MouseWheel), io.MousePos);
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        m_pan.x -= io.MouseDelta.x / m_zoom;
        m_pan.y -= io.MouseDelta.y / m_zoom;
    }
    if (m_focus) {
        if (const GraphLayout::Box* b = m_layout.box_of(*m_focus)) {
            m_zoom = std::max(m_zoom, kReadableZoom);
            m_pan = ImVec2(b->centre.x - canvas.x * 0.5f / m_zoom, b->centre.y - canvas.y * 0.5f / m_zoom);
        }
        m_focus.reset();
    }
    const auto to_screen = [&](GraphPoint g) {
        return ImVec2(origin.x + (g.x - m_pan.x) * m_zoom, origin.y + (g.y - m_pan.y) * m_zoom);
    };

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clip_max(origin.x + canvas.x, origin.y + canvas.y);
    dl->PushClipRect(origin, clip_max, true);
    dl->AddRectFilled(origin, clip_max, u32(p.panel));
    dl->AddRect(origin, clip_max, u32(p.panel_border));
    m_truncated = false;
    const auto visible = [&](ImVec2 a, ImVec2 b) {
        return std::max(a.x, b.x) >= origin.x && std::min(a.x, b.x) <= clip_max.x && std::max(a.y, b.y) >= origin.y &&
               std::min(a.y, b.y) <= clip_max.y;
    };

    // Edges first, under the boxes.
    const float thickness = std::clamp(1.5f * m_zoom, 1.0f, 3.0f);
    std::vector<ImVec2> points;
    for (const GraphLayout::Edge& e : m_layout.edges) {
        ImVec2 lo(1e30f, 1e30f), hi(-1e30f, -1e30f);
        points.clear();
        for (GraphPoint g : e.path) {
            const ImVec2 q = to_screen(g);
            lo = ImVec2(std::min(lo.x, q.x), std::min(lo.y, q.y));
            hi = ImVec2(std::max(hi.x, q.x), std::max(hi.y, q.y));
            points.push_back(q);
        }
        if (!visible(lo, hi)) continue;
        if (dl->VtxBuffer.Size > kVertexBudget) {
            m_truncated = true;
            break;
        }
        const bool unreachable = !version.facts.reachable[static_cast<std::size_t>(e.from)];
        const ImU32 colour = u32(p.text_dim, unreachable ? 0.4f : 0.9f);
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, thickness);
        // The arrow head along the last segment.
        const ImVec2 tip = points.back(), from = points[points.size() - 2];
        const float dx = tip.x - from.x, dy = tip.y - from.y, len = std::sqrt(dx * dx + dy * dy);
        if (len > 0.01f) {
            const float ux = dx / len, uy = dy / len, head = std::max(4.0f, 8.0f * m_zoom);
            dl->AddTriangleFilled(tip, ImVec2(tip.x - ux * head - uy * head * 0.5f, tip.y - uy * head + ux * head * 0.5f),
                                  ImVec2(tip.x - ux * head + uy * head * 0.5f, tip.y - uy * head - ux * head * 0.5f), colour);
        }
    }

    // Boxes: kind by shape and colour, marks by border, the current node by a thick accent frame.
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize() * std::min(m_zoom, 1.5f);
    const bool labels = font_size >= 7.0f;
    std::optional<int> hovered_node;
    DrawLog* log = draw_log();
    for (const GraphLayout::Box& b : m_layout.boxes) {
        const ImVec2 lo = to_screen({b.centre.x - b.width * 0.5f, b.centre.y - b.height * 0.5f});
        const ImVec2 hi = to_screen({b.centre.x + b.width * 0.5f, b.centre.y + b.height * 0.5f});
        if (!visible(lo, hi)) continue;
        if (dl->VtxBuffer.Size > kVertexBudget) {
            m_truncated = true;
            break;
        }
        const Node& node = s.nodes[static_cast<std::size_t>(b.node)];
        const std::size_t i = static_cast<std::size_t>(b.node);
        ImVec4 fill = p.background, border = p.text_dim;
        switch (node.kind) {
        case NodeKind::Choices: border = p.accent; break;
        case NodeKind::Continue: border = p.text_dim; break;
        case NodeKind::Random: border = p.speaker; break;
        case NodeKind::Ending: fill = outcome_colour(s, node.ending.outcome, p), border = fill; break;
        }
        const bool unreachable = !version.facts.reachable[i];
        const bool stuck = version.facts.dead_end[i] || version.facts.endless_loop[i];
        if (stuck) border = p.bad;
        const float alpha = unreachable ? 0.45f : 1.0f;
        const float rounding = node.kind == NodeKind::Continue ? (hi.y - lo.y) * 0.5f : 4.0f * m_zoom;
        dl->AddRectFilled(lo, hi, u32(fill, node.kind == NodeKind::Ending ? 0.35f * alpha : alpha), rounding);
        dl->AddRect(lo, hi, u32(border, alpha), rounding, ImDrawFlags_None, stuck ? 3.0f : 1.5f);
        if (node.kind == NodeKind::Random) {  // a diamond inside: chance
            const ImVec2 c((lo.x + hi.x) * 0.5f, lo.y + 6.0f * m_zoom);
            const float r = 4.0f * m_zoom;
            dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), u32(border));
        }
        if (current && *current == b.node) {
            const float pad = 4.0f;
            dl->AddRect(ImVec2(lo.x - pad, lo.y - pad), ImVec2(hi.x + pad, hi.y + pad), u32(p.accent), rounding + pad,
                        ImDrawFlags_None, 4.0f);
        }
        if (labels) {
            const ImVec2 id_size = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, node.id.c_str());
            const ImVec2 at((lo.x + hi.x - id_size.x) * 0.5f, (lo.y + hi.y) * 0.5f - font_size * 0.5f);
            dl->AddText(font, font_size, at, u32(p.text, alpha), node.id.c_str());
        }
        if (log) {
            log->texts.push_back(node.id);
            DrawLog::Item item;
            item.label = "node:" + node.id;
            item.min = lo;
            item.max = hi;
            log->items.push_back(std::move(item));
        }
        if (hovered && io.MousePos.x >= lo.x && io.MousePos.x <= hi.x && io.MousePos.y >= lo.y && io.MousePos.y <= hi.y)
            hovered_node = b.node;
    }
    if (current && log) log->texts.push_back("current:" + s.nodes[static_cast<std::size_t>(*current)].id);
    dl->PopClipRect();
    if (m_truncated) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + 8.0f, origin.y + 8.0f));
        text_coloured(p.warn, ctx.t("author.graph_dense"));
    }

    if (hovered_node) {
        const Node& node = s.nodes[static_cast<std::size_t>(*hovered_node)];
        const std::string language =
            std::find(s.languages.begin(), s.languages.end(), ctx.language) != s.languages.end() ? ctx.language
                                                                                                 : s.default_language();
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
        ImGui::PushFont(ctx.bold());
        text(node.id);
        ImGui::PopFont();
        if (!node.text.empty()) text_wrapped(first_words(node.text.get(language), 300));
        text_coloured(p.text_dim, ctx.t("author.graph_click"));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        // A click (pressed and released without dragging) starts a playtest there.
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16.0f)
            result = intent::PlaytestFrom{node.id};
    }
    return result;
}

}  // namespace salesdojo::gui
