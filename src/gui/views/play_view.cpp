#include "views/play_view.hpp"

#include "portrait.hpp"
#include "views/format.hpp"
#include "views/header_bar.hpp"
#include "views/review_view.hpp"
#include "views/draw_log.hpp"
#include "views/widgets.hpp"

#include <salesdojo/condition_reason.hpp>
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/play_words.hpp>

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>

namespace salesdojo::gui {
namespace {

bool pressed(sf::Keyboard::Key key) { return ImGui::IsKeyPressed(static_cast<int>(key), false); }

// 0-8 for keys 1-9 (top row or keypad), -1 for none.
int number_key() {
    for (int k = 0; k < 9; ++k) {
        if (pressed(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + k)) ||
            pressed(static_cast<sf::Keyboard::Key>(sf::Keyboard::Numpad1 + k)))
            return k;
    }
    return -1;
}

float chars_per_second(TextSpeed speed) {
    switch (speed) {
    case TextSpeed::Slow: return Typewriter::kCharsPerSecond * 0.5f;
    case TextSpeed::Normal: return Typewriter::kCharsPerSecond;
    case TextSpeed::Fast: return Typewriter::kCharsPerSecond * 2.0f;
    case TextSpeed::Instant: break;
    }
    return 0.0f;
}

// The option drawn at the cursor by wrapped_button: true when the mouse clicked it this frame
// (a disabled item reports no click of its own).
bool clicked_rect(const ImVec2& min, const ImVec2& max) {
    return ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(min, max) &&
           ImGui::IsMouseClicked(ImGuiMouseButton_Left);
}

}  // namespace

void PlayView::refresh(const Run& run) {
    Key key{run.serial, run.session.decision_count(), run.awaiting_continue, run.language};
    if (key == m_key) return;
    const bool new_run = key.serial != m_key.serial;
    const bool language_only = !new_run && key.decisions == m_key.decisions && key.feedback == m_key.feedback;
    const bool forward = new_run || key.decisions > m_key.decisions ||
                         (m_key.feedback && !key.feedback && key.decisions == m_key.decisions);
    const bool was_revealing = m_typewriter.revealing();
    m_key = key;
    if (new_run) m_last_speaker.reset();
    m_tried.reset();
    if (new_run) m_backlog = false;

    m_lines.clear();
    const Session& session = run.session;
    const int last = last_decision_entry(session);
    if (run.awaiting_continue && last >= 0) {
        // The question and the trainee's answer, while the feedback is shown.
        const TranscriptEntry& entry = session.transcript()[static_cast<std::size_t>(last)];
        const Node& node = session.scenario().nodes[static_cast<std::size_t>(entry.node)];
        append_node_lines(session.scenario(), node, run.language, m_lines);
        Line you;
        you.kind = LineKind::Player;
        you.text = node.choices[static_cast<std::size_t>(*entry.choice)].text.get(run.language);
        m_lines.push_back(std::move(you));
    } else {
        m_lines = lines_since_last_decision(session, run.language);
    }
    // Thousands of automatic nodes in a row: keep the trainee's own line and the most recent ones.
    m_omitted = 0;
    if (m_lines.size() > kMaxLinesShown) {
        const std::size_t keep_first = m_lines.front().kind == LineKind::Player ? 1 : 0;
        m_omitted = m_lines.size() - kMaxLinesShown;
        m_lines.erase(m_lines.begin() + static_cast<std::ptrdiff_t>(keep_first),
                      m_lines.begin() + static_cast<std::ptrdiff_t>(keep_first + m_omitted));
    }
    std::vector<std::string_view> texts;
    for (const auto& line : m_lines) texts.push_back(line.text);
    const bool instant = m_speed == TextSpeed::Instant;
    const bool animate = !instant && (language_only ? was_revealing : (forward && !run.awaiting_continue));
    if (animate) {
        const std::size_t known =
            !m_lines.empty() && m_lines.front().kind == LineKind::Player ? code_points(m_lines.front().text) : 0;
        m_typewriter.start(texts, language_only ? 0 : known, chars_per_second(m_speed));
        if (!language_only) ++m_version;
    } else {
        m_typewriter.start(texts);
        m_typewriter.complete();
        // New lines shown at once are new all the same (read-aloud).
        if (instant && !language_only && forward && !run.awaiting_continue) ++m_version;
    }
    m_scroll_to_end = kScrollToEndFrames;
}

int PlayView::portrait_speaker() const {
    const std::size_t current = m_typewriter.current();
    for (std::size_t i = std::min(current + 1, m_lines.size()); i-- > 0;)
        if (m_lines[i].kind == LineKind::Speech) return static_cast<int>(i);
    for (std::size_t i = current + 1; i < m_lines.size(); ++i)
        if (m_lines[i].kind == LineKind::Speech) return static_cast<int>(i);
    return -1;
}

Intent PlayView::Draw(const ViewContext& ctx, const Run& run) {
    refresh(run);
    m_typewriter.advance(ImGui::GetIO().DeltaTime);
    const Scenario& scenario = *run.scenario;
    Intent result = header_bar(ctx, scenario.title.get(run.language), HomeButton::Shown);
    // Little height for the text size (large text, small windows): the progress row keeps only the
    // count and the buttons, and the options come without the prompt line above them.
    m_compact = ImGui::GetContentRegionAvail().y < ImGui::GetFontSize() * kCompactHeightEm;

    // Progress: decisions taken against the length of the best line.
    {
        const int taken = static_cast<int>(run.session.decision_count());
        const int typical = std::max(run.typical_decisions, 1);
        // The decision at hand (1-based); at the end, the number taken.
        const int shown_decision = run.session.state() == SessionState::AwaitingChoice && !run.awaiting_continue
                                       ? taken + 1
                                       : std::max(taken, 1);
        const float fraction = run.session.finished() ? 1.0f
                                                      : std::min(1.0f, static_cast<float>(taken) / typical);
        ImGui::AlignTextToFramePadding();
        text(printf_string(ctx.t("play.progress"), shown_decision, typical));
        if (!m_compact) {
            ImGui::SameLine();
            ImGui::ProgressBar(fraction,
                               ImVec2(ImGui::GetContentRegionAvail().x * 0.3f, ImGui::GetFrameHeight() * 0.5f), "");
            ImGui::SameLine();
            chip(ctx.t(run.mode == Mode::Practice ? "mode.practice" : "mode.assessment"), ctx.colours->accent);
        }
        // On this line when it fits (with room for Undo), else on the next: large text never runs
        // a button off the window.
        const bool undo_shown = run.mode == Mode::Practice && run.session.can_undo() && !run.awaiting_continue;
        const float undo_room = undo_shown ? button_width(ctx.t("play.undo")) : 0.0f;
        const auto next_to = [&](const char* label) {
            ImGui::SameLine();
            if (ImGui::GetContentRegionAvail().x < button_width(label) + undo_room + ImGui::GetStyle().ItemSpacing.x)
                ImGui::NewLine();
        };
        const char* backlog = ctx.t(m_backlog ? "play.backlog_close" : "play.backlog_open");
        next_to(backlog);
        if (button(backlog)) toggle_backlog();
        if (run.mode == Mode::Practice && run.session.state() == SessionState::AwaitingChoice &&
            !run.awaiting_continue && !run.hints.count(run.session.decision_count())) {
            next_to(ctx.t("play.hint_button"));
            if (button(ctx.t("play.hint_button"))) merge(result, intent::ShowHint{});
        }
        if (run.mode == Mode::Practice && run.session.can_undo() && !run.awaiting_continue) {
            const char* undo = ctx.t("play.undo");
            if (same_line_if_fits(button_width(undo))) align_right(button_width(undo));
            if (button(undo)) merge(result, intent::Undo{});
        }
    }

    // The conversation on top (beside the speaker's portrait when there is room), the options under
    // it across the whole width. The options get what they need, the conversation the rest, but
    // never less than the line being answered: at large text and in small windows both stay in view
    // without scrolling (tests/gui/test_layout.cpp), the portrait giving way first.
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float em = ImGui::GetFontSize();
    const bool room_beside = avail.x >= em * kPortraitMinWidthEm;
    const float column = room_beside ? std::clamp(avail.x * 0.24f, em * 7.0f, em * 20.0f) : 0.0f;
    const float lines_width = room_beside ? avail.x - column - style.ItemSpacing.x : avail.x;
    const float bottom = bottom_height(ctx, run, avail.x, avail.y, tail_height(ctx, lines_width));
    const float top = std::max(ImGui::GetFrameHeight() * 2.0f, avail.y - bottom - style.ItemSpacing.y);
    const bool portrait = room_beside && top >= em * kPortraitMinHeightEm;
    if (portrait) {
        draw_portrait_column(ctx, run, column, top);
        ImGui::SameLine();
    }
    ImGui::BeginChild("##lines", ImVec2(0, top), true);
    if (m_backlog) draw_backlog(ctx, run);
    else draw_lines(ctx);
    apply_scroll();
    if (m_typewriter.revealing() && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        m_typewriter.complete();
    ImGui::EndChild();
    ImGui::BeginChild("##bottom", ImVec2(avail.x, 0), false, ImGuiWindowFlags_NoBackground);
    merge(result, draw_bottom(ctx, run, ImGui::GetContentRegionAvail().x));
    ImGui::EndChild();

    merge(result, keys(run));
    return result;
}

void PlayView::draw_backlog(const ViewContext& ctx, const Run& run) {
    const Palette& colours = *ctx.colours;
    text_in_font(ctx.bold(), ctx.t("play.backlog_heading"), &colours.accent);
    text_coloured(colours.text_dim, ctx.t("play.backlog_keys"));
    ImGui::Separator();
    // Made again only when the run moves on; the most recent kMaxBacklogLines are kept.
    const std::string key = std::to_string(run.serial) + "|" + std::to_string(run.session.decision_count()) + "|" +
                            std::to_string(run.session.transcript().size()) + "|" + run.language;
    if (key != m_backlog_key) {
        m_backlog_key = key;
        m_backlog_lines = conversation_lines(run.session, run.language);
        m_backlog_omitted = 0;
        if (m_backlog_lines.size() > kMaxBacklogLines) {
            m_backlog_omitted = m_backlog_lines.size() - kMaxBacklogLines;
            m_backlog_lines.erase(m_backlog_lines.begin(),
                                  m_backlog_lines.begin() + static_cast<std::ptrdiff_t>(m_backlog_omitted));
        }
    }
    if (m_backlog_omitted > 0) text_coloured(colours.text_dim, printf_string(ctx.t("play.lines_omitted"), m_backlog_omitted));
    const std::vector<Line>& all = m_backlog_lines;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Line& line = all[i];
        ImGui::Spacing();
        switch (line.kind) {
        case LineKind::Narration: text_coloured(colours.narration, line.text); break;
        case LineKind::Speech:
            text_in_font(ctx.bold(), line.who, &colours.speaker);
            text_wrapped(line.text);
            break;
        case LineKind::Player:
            text_in_font(ctx.bold(), ctx.t("play.you"), &colours.player);
            text_coloured(colours.player, line.text);
            break;
        case LineKind::Ending: text_in_font(ctx.bold(), line.text, &colours.accent); break;
        }
    }
}

void PlayView::toggle_backlog() {
    m_backlog = !m_backlog;
    m_scroll = Scroll::Bottom;  // the latest lines first, in either view
}

void PlayView::scroll_keys() {
    const auto key = [](sf::Keyboard::Key k) { return ImGui::IsKeyPressed(static_cast<int>(k), true); };
    if (key(sf::Keyboard::PageUp)) m_scroll = Scroll::PageUp;
    else if (key(sf::Keyboard::PageDown)) m_scroll = Scroll::PageDown;
    else if (key(sf::Keyboard::Up)) m_scroll = Scroll::Up;
    else if (key(sf::Keyboard::Down)) m_scroll = Scroll::Down;
    else if (key(sf::Keyboard::Home)) m_scroll = Scroll::Top;
    else if (key(sf::Keyboard::End)) m_scroll = Scroll::Bottom;
}

void PlayView::apply_scroll() {
    // Inside the lines panel, after its contents: the keys of the previous frame move it.
    const float line = ImGui::GetTextLineHeightWithSpacing() * 3.0f;
    const float page = ImGui::GetWindowHeight() * 0.85f;
    switch (m_scroll) {
    case Scroll::None: return;
    case Scroll::Up: ImGui::SetScrollY(ImGui::GetScrollY() - line); break;
    case Scroll::Down: ImGui::SetScrollY(ImGui::GetScrollY() + line); break;
    case Scroll::PageUp: ImGui::SetScrollY(ImGui::GetScrollY() - page); break;
    case Scroll::PageDown: ImGui::SetScrollY(ImGui::GetScrollY() + page); break;
    case Scroll::Top: ImGui::SetScrollY(0.0f); break;
    case Scroll::Bottom: ImGui::SetScrollHereY(1.0f); break;  // this frame's end, not last frame's
    }
    m_scroll = Scroll::None;
    m_scroll_to_end = 0;
}

std::string PlayView::unavailable_text(const ViewContext& ctx, const Run& run, int choice) const {
    const Choice& c = run.scenario->nodes[static_cast<std::size_t>(run.session.current_node_index())]
                          .choices[static_cast<std::size_t>(choice)];
    const auto unmet = unmet_condition(*run.scenario, c.condition, run.session.values());
    const report::Languages languages{ctx.language, run.language};
    return report::unavailable_reason(*run.scenario, unmet.value_or(UnmetCondition{}), languages);
}

std::string PlayView::hint_text(const ViewContext& ctx, const Run& run) const {
    const std::vector<int> principles = report::hint_principles(*run.analysis, run.session);
    if (principles.empty()) return ctx.t("play.hint_none");
    std::string out;
    for (int p : principles) {
        const Principle& principle = run.scenario->principles[static_cast<std::size_t>(p)];
        if (!out.empty()) out += "\n";
        out += principle.title.get(run.language);
        if (!principle.explanation.empty()) out += ": " + principle.explanation.get(run.language);
    }
    return out;
}

std::vector<std::string> PlayView::assumption_text(const ViewContext& ctx, const Run& run) const {
    const int last = last_decision_entry(run.session);
    if (last < 0) return {};
    const TranscriptEntry& entry = run.session.transcript()[static_cast<std::size_t>(last)];
    return report::assumption_lines(*run.scenario, entry.assumed_facts, {ctx.language, run.language});
}

void PlayView::draw_portrait_column(const ViewContext& ctx, const Run& run, float width, float height) {
    const int line = portrait_speaker();
    std::optional<int> speaker = m_last_speaker;
    std::string expression = "neutral";
    if (line >= 0) {
        speaker = m_lines[static_cast<std::size_t>(line)].speaker;
        expression = m_lines[static_cast<std::size_t>(line)].expression;
        m_last_speaker = speaker;
    }
    const CastMember* who = speaker && *speaker >= 0 && *speaker < static_cast<int>(run.scenario->cast.size())
                                ? &run.scenario->cast[static_cast<std::size_t>(*speaker)]
                                : nullptr;
    // The portrait as large as the column allows with the name and role under it, and the panel only
    // as tall as that: no empty column under a portrait.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float inner = width - style.WindowPadding.x * 2;
    const std::string name = who ? who->name.get(run.language) : std::string();
    const std::string role = who && !who->role.empty() ? who->role.get(run.language) : std::string();
    ImGui::PushFont(ctx.bold());
    float words = ImGui::CalcTextSize(name.c_str(), nullptr, false, inner).y;
    ImGui::PopFont();
    if (!role.empty()) words += ImGui::CalcTextSize(role.c_str(), nullptr, false, inner).y + style.ItemSpacing.y;
    const float chrome = style.WindowPadding.y * 2 + words + style.ItemSpacing.y * 3;
    const float size = std::max(0.0f, std::min(inner, height - chrome));
    ImGui::BeginChild("##portrait", ImVec2(width, who ? std::min(height, size + chrome) : height), true,
                      ImGuiWindowFlags_NoScrollbar);
    if (who) {
        const ImVec2 top_left = ImGui::GetCursorScreenPos();
        if (const PortraitImage* image = run.portrait(*speaker, expression); image && image->texture) {
            const float aspect = image->height > 0 ? image->width / image->height : 1.0f;
            const ImVec2 fit = aspect >= 1.0f ? ImVec2(size, size / aspect) : ImVec2(size * aspect, size);
            ImGui::Image(image->texture, fit);
            if (fit.y < size) ImGui::Dummy(ImVec2(size, size - fit.y));
        } else {
            draw_portrait(ImGui::GetWindowDrawList(), top_left, size, who->appearance, expression);
            ImGui::Dummy(ImVec2(size, size));
        }
        log_drawn("portrait:" + who->id + ":" + expression);
        ImGui::Spacing();
        text_in_font(ctx.bold(), name, &ctx.colours->speaker);
        if (!role.empty()) text_coloured(ctx.colours->text_dim, role);
    }
    if (m_typewriter.revealing() && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        m_typewriter.complete();
    ImGui::EndChild();
}

void PlayView::draw_lines(const ViewContext& ctx) {
    const Palette& colours = *ctx.colours;
    const float indent = em_indent();
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const Line& line = m_lines[i];
        const std::string_view visible = m_typewriter.visible(i, line.text);
        if (visible.empty() && !line.text.empty()) break;
        if (i > 0) ImGui::Spacing();
        if (m_omitted > 0 && i == (m_lines.front().kind == LineKind::Player ? 1u : 0u)) {
            text_coloured(colours.text_dim, printf_string(ctx.t("play.lines_omitted"), m_omitted));
            ImGui::Spacing();
        }
        switch (line.kind) {
        case LineKind::Narration: {
            ImGui::Indent(indent);
            const ImVec2 top = ImGui::GetCursorScreenPos();
            text_coloured(colours.narration, visible);
            const float bottom = ImGui::GetItemRectMax().y;
            if (ImGui::IsRectVisible(ImVec2(top.x - indent, top.y), ImVec2(top.x, bottom)))
                ImGui::GetWindowDrawList()->AddLine(ImVec2(top.x - indent * 0.45f, top.y),
                                                ImVec2(top.x - indent * 0.45f, bottom),
                                                ImGui::GetColorU32(colours.narration), 2.0f);
            ImGui::Unindent(indent);
            break;
        }
        case LineKind::Speech:
            text_in_font(ctx.bold(), line.who, &colours.speaker);
            text_wrapped(visible);
            break;
        case LineKind::Player:
            text_in_font(ctx.bold(), ctx.t("play.you"), &colours.player);
            text_coloured(colours.player, visible);
            break;
        case LineKind::Ending:
            ImGui::Spacing();
            text_in_font(ctx.title(), visible, &colours.accent);
            break;
        }
    }
    if (m_typewriter.revealing() || m_scroll_to_end > 0) {
        ImGui::SetScrollHereY(1.0f);
        if (m_typewriter.revealing()) m_scroll_to_end = kScrollToEndFrames;
        else --m_scroll_to_end;
    }
}

float PlayView::tail_height(const ViewContext& ctx, float width) const {
    // As draw_lines draws them, from the last speech line (the one being answered) to the end.
    if (m_lines.empty()) return 0.0f;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float inner = width - style.WindowPadding.x * 2 - style.ScrollbarSize;
    std::size_t first = m_lines.size() - 1;
    for (std::size_t i = m_lines.size(); i-- > 0;)
        if (m_lines[i].kind == LineKind::Speech) {
            first = i;
            break;
        }
    const auto height = [](ImFont* font, const std::string& text, float wrap) {
        ImGui::PushFont(font);
        const float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, std::max(1.0f, wrap)).y;
        ImGui::PopFont();
        return h;
    };
    float h = style.WindowPadding.y * 2;
    for (std::size_t i = first; i < m_lines.size(); ++i) {
        const Line& line = m_lines[i];
        h += style.ItemSpacing.y * 2;  // Spacing() and the item before it
        switch (line.kind) {
        case LineKind::Narration: h += height(ImGui::GetFont(), line.text, inner - em_indent()); break;
        case LineKind::Speech:
            h += height(ctx.bold(), line.who, inner) + style.ItemSpacing.y + height(ImGui::GetFont(), line.text, inner);
            break;
        case LineKind::Player:
            h += height(ctx.bold(), ctx.t("play.you"), inner) + style.ItemSpacing.y + height(ImGui::GetFont(), line.text, inner);
            break;
        case LineKind::Ending: h += style.ItemSpacing.y * 2 + height(ctx.title(), line.text, inner); break;
        }
    }
    return h;
}

float PlayView::em_indent() { return ImGui::GetFontSize() * 1.5f; }

float PlayView::bottom_height(const ViewContext& ctx, const Run& run, float width, float body, float tail) const {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float buttons = ImGui::GetFrameHeightWithSpacing();
    const float inner = width - style.ScrollbarSize - style.WindowPadding.x;
    // The prompt line (none when compact), or the feedback's heading row (as tall as its chip).
    float needed = run.awaiting_continue ? buttons : m_compact ? 0.0f : line;
    float least = 0.0f;  // what must be seen without scrolling: the first option, the feedback
    if (run.awaiting_continue) {
        const int last = last_decision_entry(run.session);
        std::string_view feedback = ctx.t("play.no_feedback");
        if (last >= 0) {
            const auto& entry = run.session.transcript()[static_cast<std::size_t>(last)];
            const auto& choice = run.scenario->nodes[static_cast<std::size_t>(entry.node)]
                                     .choices[static_cast<std::size_t>(*entry.choice)];
            if (!choice.feedback.empty()) feedback = choice.feedback.get(run.language);
        }
        // The heading row holds the buttons when they fit beside it (draw_feedback), else a row of their own.
        if (!feedback_buttons_fit(ctx, run, width)) needed += buttons;
        needed += ImGui::CalcTextSize(feedback.data(), feedback.data() + feedback.size(), false,
                                      inner - style.WindowPadding.x * 2).y +
                  style.WindowPadding.y * 2 + style.ItemSpacing.y * 4;
        for (const std::string& charge : assumption_text(ctx, run))
            needed += ImGui::CalcTextSize(charge.c_str(), nullptr, false, inner).y + style.ItemSpacing.y;
        least = needed;
    } else if (run.session.state() == SessionState::AwaitingChoice) {
        if (run.hints.count(run.session.decision_count())) {
            const std::string hint = hint_text(ctx, run);
            needed += line + ImGui::CalcTextSize(hint.c_str(), nullptr, false, inner - style.WindowPadding.x * 2).y +
                      style.WindowPadding.y * 2 + style.ItemSpacing.y * 2;
        }
        if (m_tried) {
            const std::string reason = unavailable_text(ctx, run, *m_tried);
            needed += ImGui::CalcTextSize(reason.c_str(), nullptr, false, inner).y + style.ItemSpacing.y;
        }
        const auto options = run.session.options();
        for (std::size_t k = 0; k < options.size(); ++k) {
            const std::string number = std::to_string(k + 1) + ".";
            needed += wrapped_button_height(number, options[k].choice->text.get(run.language), inner) +
                      style.ItemSpacing.y;
            if (k == 0) least = needed;
            if (needed > body) break;  // clamped below anyway
        }
    } else {
        needed += buttons * 1.6f + style.ItemSpacing.y;
        least = needed;
    }
    needed += style.ItemSpacing.y;
    least += style.ItemSpacing.y;
    // Everything when it fits beside the line being answered; else that line keeps its room and the
    // options scroll, but the first always shows; the conversation keeps at least two rows.
    const float most = std::max(buttons * 2.0f, body - ImGui::GetFrameHeight() * 2.0f - style.ItemSpacing.y);
    const float bottom = needed + tail + style.ItemSpacing.y <= body ? needed : std::max(least, body - tail - style.ItemSpacing.y);
    return std::clamp(bottom, std::min(buttons * 2.0f, most), most);
}

Intent PlayView::draw_bottom(const ViewContext& ctx, const Run& run, float width) {
    if (m_typewriter.revealing()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", ctx.t("play.reveal_hint"));
        log_drawn(ctx.t("play.reveal_hint"));
        same_line_if_fits(button_width(ctx.t("play.show_all")));
        if (button(ctx.t("play.show_all"))) m_typewriter.complete();
        return {};
    }
    if (run.awaiting_continue) return draw_feedback(ctx, run);
    switch (run.session.state()) {
    case SessionState::AwaitingChoice: return draw_choices(ctx, run, width);
    case SessionState::Finished: {
        text_coloured(ctx.colours->text_dim, ctx.t("play.finished"));
        const std::string label = std::string(ctx.t("play.to_debrief")) + "  (Enter)";
        ImGui::PushFont(ctx.bold());
        const bool go = button(label, ImVec2(std::min(width, button_width(label) * 1.3f), ImGui::GetFrameHeight() * 1.5f));
        ImGui::PopFont();
        return go ? Intent(intent::ShowDebrief{}) : Intent();
    }
    case SessionState::Stuck:
        text_coloured(ctx.colours->bad, ctx.t("play.stuck"));
        return button(ctx.t("common.home")) ? Intent(intent::GoHome{}) : Intent();
    }
    return {};
}

Intent PlayView::draw_choices(const ViewContext& ctx, const Run& run, float width) {
    Intent result;
    if (!m_compact) {
        ImGui::PushFont(ctx.bold());
        text(ctx.t("play.choose_prompt"));
        ImGui::PopFont();
        // The keys on the same line when they fit; else left out (F1 lists them) for the options.
        const char* keys_hint = ctx.t(run.mode == Mode::Practice ? "play.choose_hint_practice" : "play.choose_hint");
        if (same_line_if_fits(ImGui::CalcTextSize(keys_hint).x)) text_coloured(ctx.colours->text_dim, keys_hint);
    }
    if (run.hints.count(run.session.decision_count())) {
        const std::string hint = hint_text(ctx, run);
        text_in_font(ctx.bold(), ctx.t("play.hint_heading"), &ctx.colours->accent);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ctx.colours->panel);
        const float wrap = width - ImGui::GetStyle().WindowPadding.x * 2;
        const float h = ImGui::CalcTextSize(hint.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().WindowPadding.y * 2;
        ImGui::BeginChild("##hint", ImVec2(width, h), true, ImGuiWindowFlags_NoScrollbar);
        text_wrapped(hint);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    const auto options = run.session.options();
    for (std::size_t k = 0; k < options.size(); ++k) {
        const ChoiceOption& option = options[k];
        const std::string number = std::to_string(k + 1) + ".";
        const std::string id = "choice" + std::to_string(option.index);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const std::string label = option.choice->text.get(run.language);
        if (wrapped_button(id, number, label, width, option.available, ctx.colours->accent))
            merge(result, intent::Choose{option.index});
        if (option.available) continue;
        log_drawn("unavailable:" + std::to_string(k + 1));
        const ImVec2 bottom(top.x + width, top.y + wrapped_button_height(number, label, width));
        if (clicked_rect(top, bottom)) m_tried = option.index;
        if (m_tried == option.index) {
            text_coloured(ctx.colours->warn, unavailable_text(ctx, run, option.index));
        } else if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(top, bottom)) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
            text_wrapped(unavailable_text(ctx, run, option.index));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    return result;
}

Intent PlayView::draw_feedback(const ViewContext& ctx, const Run& run) {
    Intent result;
    const int last = last_decision_entry(run.session);
    std::string feedback = ctx.t("play.no_feedback");
    if (last >= 0) {
        const auto& entry = run.session.transcript()[static_cast<std::size_t>(last)];
        const auto& choice = run.scenario->nodes[static_cast<std::size_t>(entry.node)]
                                 .choices[static_cast<std::size_t>(*entry.choice)];
        if (!choice.feedback.empty()) feedback = choice.feedback.get(run.language);
    }
    ImGui::PushFont(ctx.bold());
    ImGui::AlignTextToFramePadding();
    text(ctx.t("play.feedback"));
    ImGui::PopFont();
    if (run.last_verdict) {
        ImGui::SameLine();
        chip(ctx.t(verdict_key(*run.last_verdict)), verdict_colour(*run.last_verdict, *ctx.colours));
    }
    // Continue and Undo first, on the heading's row when they fit: in view however long the feedback.
    const bool beside = feedback_buttons_fit(ctx, run, ImGui::GetContentRegionAvail().x);
    if (beside) {
        ImGui::SameLine();
        align_right(feedback_buttons_width(ctx));
    }
    ImGui::PushFont(ctx.bold());
    if (button(ctx.t("play.continue_key"))) merge(result, intent::Continue{});
    ImGui::PopFont();
    ImGui::SameLine();
    if (button(ctx.t("play.undo"))) merge(result, intent::Undo{});
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ctx.colours->panel);
    const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2;
    const float h = ImGui::CalcTextSize(feedback.c_str(), nullptr, false, wrap).y + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::BeginChild("##feedback", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    text_wrapped(feedback);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    // The engine's charge for acting on what was not established, as it happens.
    for (const std::string& charge : assumption_text(ctx, run)) text_coloured(ctx.colours->bad, charge);
    return result;
}

float PlayView::feedback_buttons_width(const ViewContext& ctx) {
    ImGui::PushFont(ctx.bold());
    const float continue_width = button_width(ctx.t("play.continue_key"));
    ImGui::PopFont();
    return continue_width + ImGui::GetStyle().ItemSpacing.x + button_width(ctx.t("play.undo"));
}

bool PlayView::feedback_buttons_fit(const ViewContext& ctx, const Run& run, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushFont(ctx.bold());
    float heading = ImGui::CalcTextSize(ctx.t("play.feedback")).x;
    ImGui::PopFont();
    if (run.last_verdict)
        heading += style.ItemSpacing.x + ImGui::CalcTextSize(ctx.t(verdict_key(*run.last_verdict))).x +
                   style.FramePadding.x * 1.2f;
    return heading + style.ItemSpacing.x * 2 + feedback_buttons_width(ctx) <= width;
}

Intent PlayView::keys(const Run& run) {
    if (ImGui::GetIO().WantCaptureKeyboard) return {};
    scroll_keys();
    if (pressed(sf::Keyboard::B)) toggle_backlog();
    else if (m_backlog && pressed(sf::Keyboard::Escape)) m_backlog = false;
    else if (pressed(sf::Keyboard::Escape)) return intent::GoHome{};  // asks first once a choice was made
    const bool advance = pressed(sf::Keyboard::Space) || pressed(sf::Keyboard::Enter);
    const int number = number_key();
    if (m_typewriter.revealing()) {
        if (advance || number >= 0) m_typewriter.complete();
        return {};
    }
    if (run.mode == Mode::Practice && pressed(sf::Keyboard::Backspace) && run.session.can_undo())
        return intent::Undo{};
    if (run.awaiting_continue) return advance ? Intent(intent::Continue{}) : Intent();
    if (run.session.finished()) return advance ? Intent(intent::ShowDebrief{}) : Intent();
    if (run.session.state() != SessionState::AwaitingChoice) return {};
    if (run.mode == Mode::Practice && pressed(sf::Keyboard::H) && !run.hints.count(run.session.decision_count()))
        return intent::ShowHint{};
    if (number >= 0) {
        const auto options = run.session.options();
        if (static_cast<std::size_t>(number) >= options.size()) return {};
        const ChoiceOption& option = options[static_cast<std::size_t>(number)];
        if (option.available) return intent::Choose{option.index};
        m_tried = option.index;  // say why, under the option
    }
    return {};
}

}  // namespace salesdojo::gui
