#include "views/class_view.hpp"

#include "views/draw_log.hpp"
#include "views/format.hpp"
#include "views/review_view.hpp"
#include "views/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace salesdojo::gui {
namespace {

using namespace salesdojo::classroom;

// One paragraph of the exchange: measured first (at a trial scale), then drawn.
struct Block {
    ImFont* font = nullptr;
    ImVec4 colour;
    std::string text;
    float gap = 0.0f;  // extra space before it, in lines of its font
};

float block_height(const Block& b, float scale, float wrap) {
    return b.font->CalcTextSizeA(b.font->FontSize * scale, FLT_MAX, wrap, b.text.c_str()).y +
           b.gap * b.font->FontSize * scale;
}

float blocks_height(const std::vector<Block>& blocks, float scale, float wrap) {
    float h = 0.0f;
    for (const Block& b : blocks) h += block_height(b, scale, wrap) + ImGui::GetStyle().ItemSpacing.y;
    return h;
}

std::string speaker_of(const Scenario& s, const Node& node, const std::string& lang) {
    if (!node.speaker) return {};
    return s.cast[static_cast<std::size_t>(*node.speaker)].name.get(lang);
}

// A node's spoken line (and narration), as paragraphs.
void add_line(std::vector<Block>& out, const ViewContext& ctx, const Scenario& s, int index, const std::string& lang,
              ImFont* font, float gap) {
    const Node& node = s.nodes[static_cast<std::size_t>(index)];
    if (!node.narration.empty() && !node.narration.get(lang).empty())
        out.push_back({ctx.fonts ? ctx.fonts->regular : ImGui::GetFont(), ctx.colours->narration, node.narration.get(lang), gap}), gap = 0.0f;
    const std::string text = node.text.get(lang);
    if (text.empty()) return;
    const std::string who = speaker_of(s, node, lang);
    out.push_back({font, who.empty() ? ctx.colours->narration : ctx.colours->text, who.empty() ? text : who + ":  " + text, gap});
}

// How much the exchange gives up to fit: 0 everything in large type; 1 once the group's option is
// confirmed, only that option of the list (the room saw the others and their votes at the reveal);
// 2 also the line, options, prompt and what followed in smaller fonts.
constexpr int kMostCompact = 2;

std::vector<Block> exchange(const ViewContext& ctx, const AudienceView& room, const ProjectorInfo& info, int compact) {
    const Scenario& s = *info.scenario;
    const std::string& lang = info.language;
    ImFont* regular = ctx.fonts && ctx.fonts->regular ? ctx.fonts->regular : ImGui::GetFont();
    ImFont* bold = ctx.bold();
    ImFont* large = ctx.title();
    const Palette& c = *ctx.colours;
    std::vector<Block> out;
    if (room.phase == ClassPhase::Finished) {
        out.push_back({bold, c.text_dim, ctx.t("class.finished_heading")});
        if (room.ending_node) {
            const Node& end = s.nodes[static_cast<std::size_t>(*room.ending_node)];
            if (!end.ending.title.empty()) out.push_back({large, c.accent, end.ending.title.get(lang), 0.3f});
            add_line(out, ctx, s, *room.ending_node, lang, large, 0.3f);
        }
        return out;
    }
    std::string status;
    switch (room.phase) {
    case ClassPhase::Showing: status = ctx.t("class.status_showing"); break;
    case ClassPhase::Voting: status = printf_string(ctx.t("class.status_voting"), room.votes_received); break;
    case ClassPhase::Revealed: status = printf_string(ctx.t("class.status_revealed"), room.votes_received); break;
    case ClassPhase::Consequence: status = printf_string(ctx.t("class.status_chosen"), *room.chosen + 1); break;
    case ClassPhase::Finished: break;
    }
    out.push_back({bold, room.phase == ClassPhase::Voting ? c.accent : c.text_dim,
                   printf_string(ctx.t("class.decision"), room.decision + 1) + "   " + status});
    // The line, options and prompt share one size once the fonts step down (compact 2).
    ImFont* main_font = compact >= 2 ? bold : large;
    add_line(out, ctx, s, room.node, lang, main_font, 0.2f);
    const Node& node = s.nodes[static_cast<std::size_t>(room.node)];
    ImFont* option_font = main_font;
    for (std::size_t i = 0; i < room.options.size(); ++i) {
        const Choice& choice = node.choices[static_cast<std::size_t>(room.options[i])];
        const bool chosen = room.chosen == i;
        const bool other = room.chosen && !chosen;
        if (other && compact >= 1) continue;
        std::string line = (chosen ? "\u00bb " : "") + std::to_string(i + 1) + "   " + choice.text.get(lang);
        out.push_back({option_font, chosen ? c.good : other ? c.text_dim : c.text, std::move(line), i == 0 || chosen ? 0.4f : 0.1f});
        if (room.tally)
            out.push_back({bold, other ? c.text_dim : c.accent,
                           printf_string(ctx.t("class.option_votes"), room.tally->votes(i), room.tally->hands.at(i),
                                         room.tally->phones.at(i))});
    }
    if (room.tally && room.phase == ClassPhase::Revealed && room.tally->total() == 0)
        out.push_back({bold, c.text_dim, ctx.t("class.no_votes")});
    if (info.prompt_on_screen && *info.prompt_on_screen < room.prompts.size()) {
        const std::size_t prompt = room.prompts[*info.prompt_on_screen];
        if (prompt < node.discussion.size())
            out.push_back({main_font, c.accent, std::string(ctx.t("class.prompt")) + "  " + node.discussion[prompt].get(lang), 0.4f});
    }
    bool first = true;
    for (int n : room.consequence) {
        const std::size_t before = out.size();
        add_line(out, ctx, s, n, lang, compact >= 2 ? regular : bold, first ? 0.4f : 0.0f);
        if (out.size() > before) first = false;
    }
    if (room.feedback_choice) {
        const Choice& choice = node.choices[static_cast<std::size_t>(*room.feedback_choice)];
        if (room.verdict)
            out.push_back({large, verdict_colour(*room.verdict, c), ctx.t(verdict_key(*room.verdict)), 0.4f});
        if (!choice.feedback.empty()) out.push_back({regular, c.text, choice.feedback.get(lang), room.verdict ? 0.0f : 0.4f});
    }
    return out;
}

// The join code, QR code and address, in a column of `width`.
void draw_join(const ViewContext& ctx, const ProjectorInfo& info) {
    const float width = ImGui::GetContentRegionAvail().x;
    text_in_font(ctx.bold(), ctx.t("class.join_heading"), &ctx.colours->text);
    std::string spaced = info.join_code;
    if (spaced.size() == 6) spaced.insert(3, " ");
    text_in_font(ctx.title(), spaced, &ctx.colours->accent);
    if (info.qr && info.qr->size > 0) {
        const int modules = info.qr->size + 2 * kQrQuietZone;
        const float room_left = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 4.0f;
        const float side = std::max(0.0f, std::min(width, room_left));
        const float module = std::floor(side / static_cast<float>(modules));
        if (module >= 2.0f) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float drawn = module * static_cast<float>(modules);
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->AddRectFilled(at, ImVec2(at.x + drawn, at.y + drawn), IM_COL32(255, 255, 255, 255));  // quiet zone
            for (int y = 0; y < info.qr->size; ++y)
                for (int x = 0; x < info.qr->size; ++x)
                    if (info.qr->at(x, y)) {
                        const ImVec2 min(at.x + module * static_cast<float>(x + kQrQuietZone),
                                         at.y + module * static_cast<float>(y + kQrQuietZone));
                        draw->AddRectFilled(min, ImVec2(min.x + module, min.y + module), IM_COL32(0, 0, 0, 255));
                    }
            ImGui::Dummy(ImVec2(drawn, drawn));
            log_box("[qr]");
        }
    }
    text_coloured(ctx.colours->text_dim, ctx.t("class.join_address"));
    // The address on one line where a smaller size allows (a phone's user types it as seen).
    ImGui::PushFont(ctx.bold());
    const float url_width = ImGui::CalcTextSize(info.join_url.c_str()).x;
    ImGui::PopFont();
    if (url_width > width) ImGui::SetWindowFontScale(std::max(0.6f, width / url_width * 0.98f));
    text_in_font(ctx.bold(), info.join_url, &ctx.colours->text);
    ImGui::SetWindowFontScale(1.0f);
}

}  // namespace

float draw_class_view(const ViewContext& ctx, const AudienceView& room, const ProjectorInfo& info) {
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    if (!ImGui::BeginChild("##projector", avail, false, fixed)) {
        ImGui::EndChild();
        return 1.0f;
    }
    if (info.blank || !info.scenario) {
        ImGui::EndChild();
        return 1.0f;
    }
    avail = ImGui::GetContentRegionAvail();
    const bool join = !info.join_url.empty() && room.phase != ClassPhase::Finished;
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2.0f;
    const float join_width = join ? std::min(avail.x * 0.3f, avail.y * 0.6f) : 0.0f;
    const float main_width = avail.x - (join ? join_width + spacing : 0.0f);

    float scale = 1.0f;
    if (ImGui::BeginChild("##exchange", ImVec2(main_width, avail.y), false, fixed)) {
        const float wrap = ImGui::GetContentRegionAvail().x;
        const float height = ImGui::GetContentRegionAvail().y;
        // Large type while it fits; then only the group's option of the list; then smaller fonts for
        // the options and what followed; the type shrinks in steps before each gives way.
        std::vector<Block> blocks;
        for (int compact = 0; compact <= kMostCompact; ++compact) {
            blocks = exchange(ctx, room, info, compact);
            const float smallest = compact < kMostCompact ? kProjectorCompactScale : kProjectorMinScale;
            scale = 1.0f;
            while (scale > smallest + 0.001f && blocks_height(blocks, scale, wrap) > height) scale -= 0.025f;
            scale = std::max(scale, smallest);
            if (blocks_height(blocks, scale, wrap) <= height) break;
        }
        ImGui::SetWindowFontScale(scale);
        for (const Block& b : blocks) {
            if (b.gap > 0.0f) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + b.gap * b.font->FontSize * scale);
            text_in_font(b.font, b.text, &b.colour);
        }
    }
    ImGui::EndChild();
    if (join) {
        ImGui::SameLine(0.0f, spacing);
        if (ImGui::BeginChild("##join", ImVec2(join_width, avail.y), false, fixed)) draw_join(ctx, info);
        ImGui::EndChild();
    }
    ImGui::EndChild();
    return scale;
}

}  // namespace salesdojo::gui
