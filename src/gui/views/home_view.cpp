#include "views/home_view.hpp"

#include "results.hpp"
#include "views/format.hpp"
#include "views/header_bar.hpp"
#include "views/history_view.hpp"
#include "views/scroll_keys.hpp"
#include "views/tab_order.hpp"
#include "views/run.hpp"
#include "views/draw_log.hpp"
#include "views/widgets.hpp"

#include <algorithm>
#include <cctype>

#include <imgui_stdlib.h>

namespace salesdojo::gui {
namespace {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string skill_label(const ViewContext& ctx, const std::string& skill) {
    return ctx.t_or("skill." + skill, skill);
}

std::string language_label(const ViewContext& ctx, const std::string& code) {
    return ctx.t_or("language." + code, upper(code));
}

// The first problems of a file that did not load, as "SD2002 12:5 message" lines for its card.
std::vector<std::string> problem_lines(const CatalogueEntry& entry, std::size_t most) {
    std::vector<std::string> lines;
    for (const auto& d : entry.diagnostics) {
        if (d.severity != Severity::Error) continue;
        if (lines.size() == most) break;
        std::string line = d.code;
        if (d.line > 0) line += "  " + std::to_string(d.line) + ":" + std::to_string(d.column);
        lines.push_back(line + "  " + d.message);
    }
    return lines;
}

std::string meta_line(const ViewContext& ctx, const CardInfo& s) {
    std::string languages;
    for (const auto& l : s.languages) languages += (languages.empty() ? "" : " ") + upper(l);
    return ctx.t_or("difficulty." + s.difficulty, s.difficulty) + "  ·  " +
           printf_string(ctx.t("home.minutes"), s.estimated_minutes) + "  ·  " + languages;
}

bool combo(const char* id, const std::string& preview, const std::vector<std::string>& labels, int& selected,
           const char* all_label, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const bool open = begin_combo(id, preview, preview);
    tab_stop();
    if (open) {
        if (ImGui::Selectable(all_label, selected == -1)) selected = -1, changed = true;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (ImGui::Selectable(labels[i].c_str(), selected == static_cast<int>(i)))
                selected = static_cast<int>(i), changed = true;
        }
        ImGui::EndCombo();
    }
    return changed;
}

PlayedInfo played_info(const Results& results) {
    PlayedInfo played;
    for (const auto& attempt : results.history()) {  // newest first
        played.latest_score.emplace(attempt.scenario_id, attempt.overall);
        played.last_played_ms.emplace(attempt.scenario_id, attempt.ended_ms);
    }
    return played;
}

std::string filter_key(const CardFilter& f) {
    return f.skill.value_or("*") + "|" + f.language.value_or("*") + "|" + f.difficulty.value_or("*") + "|" +
           (f.length ? std::to_string(static_cast<int>(*f.length)) : "*") + "|" +
           (f.not_played_only ? "1" : "0") + "|" + std::to_string(static_cast<int>(f.sort)) + "|" + f.search;
}

// Keeps the next group of widgets (`width` wide) on this line when it fits, else starts a new one.
void flow(bool first, float width) {
    if (first) return;
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

// A labelled combo over `labels` whose -1 is "all"; true when the choice changed.
bool labelled_combo(const char* label, const char* id, const std::vector<std::string>& labels, int& selected,
                    const char* all, float combo_width, bool first) {
    const float label_width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x;
    flow(first, label_width + combo_width);
    ImGui::AlignTextToFramePadding();
    text(label);
    // Beside its label when it fits, else under it; never wider than the screen (large text, narrow
    // windows: the checker in tests/gui/test_layout.cpp sees combo boxes).
    same_line_if_fits(combo_width);
    const float width = std::min(combo_width, ImGui::GetContentRegionAvail().x);
    return combo(id, selected >= 0 ? labels[static_cast<std::size_t>(selected)] : all, labels, selected, all, width);
}

template <class T>
int index_of(const std::vector<T>& values, const std::optional<T>& value) {
    if (!value) return -1;
    const auto it = std::find(values.begin(), values.end(), *value);
    return it == values.end() ? -1 : static_cast<int>(it - values.begin());
}

}  // namespace

void HomeView::set_filters(const Catalogue& catalogue, int skill, int language) {
    m_filter.skill.reset();
    m_filter.language.reset();
    if (skill >= 0 && skill < static_cast<int>(catalogue.skills.size()))
        m_filter.skill = catalogue.skills[static_cast<std::size_t>(skill)];
    if (language >= 0 && language < static_cast<int>(catalogue.languages.size()))
        m_filter.language = catalogue.languages[static_cast<std::size_t>(language)];
}

void HomeView::set_trainee_problem(const std::string& key) {
    m_trainee_problem = key;
    if (key.empty()) {
        m_adding_trainee = false;
        m_new_name.clear();
    }
}

Intent HomeView::Draw(const ViewContext& ctx, const Catalogue& catalogue, const Results& results, Mode mode) {
    Intent result = header_bar(ctx, "", HomeButton::Hidden, AuthorButton::Shown);
    // The heading, with the trainee on the same line at the right when there is room (else below).
    ImGui::PushFont(ctx.title());
    const float heading_width = ImGui::CalcTextSize(ctx.t("home.heading")).x;
    text(ctx.t("home.heading"));
    ImGui::PopFont();
    const float trainee_width = trainee_row_width(ctx, results);
    const bool beside = heading_width + ImGui::GetFontSize() * 2.0f + trainee_width <= ImGui::GetContentRegionAvail().x;
    if (beside) {
        ImGui::SameLine();
        align_right(trainee_width);
        merge(result, draw_trainee(ctx, results));
    }
    text_coloured(ctx.colours->text_dim, ctx.t("home.subtitle"));
    ImGui::Spacing();
    if (!beside) merge(result, draw_trainee(ctx, results));
    merge(result, draw_controls(ctx, catalogue, mode));
    merge(result, draw_notices(ctx, catalogue, results));
    merge(result, draw_resume_cards(ctx, catalogue, results));
    ImGui::Spacing();

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    // Flattened: Tab and the arrows move from the controls above into the cards and back.
    // At least half the window for the cards: with large text on a small screen the controls above
    // would leave them a sliver; the home screen then scrolls as a whole (app.cpp gives it a scrollbar).
    const float cards_height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetMainViewport()->WorkSize.y * 0.5f);
    ImGui::BeginChild("##cards", ImVec2(0, cards_height), false, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleColor();
    scroll_with_keys(ScrollModifier::None, ScrollArrows::No);  // Page Down / Up; the arrows move the focus
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = std::clamp(static_cast<int>(avail / (ImGui::GetFontSize() * 24.0f)), 1, 3);
    const float width = (avail - style.ItemSpacing.x * (columns - 1)) / columns;
    // Which cards pass the filters, and the height of each row of cards: made again only when the
    // catalogue, the filters, the results, the width or the font change; only the rows in view are drawn.
    const PlayedInfo played = played_info(results);
    const std::size_t key = std::hash<std::string>{}(
        filter_key(m_filter) + "|" + std::to_string(catalogue.generation) + "|" +
        std::to_string(results.history().size()) + "|" +
        (results.history().empty() ? "" : std::to_string(results.history().front().id)) + "|" +
        std::to_string(ImGui::GetFontSize()) + "|" + std::to_string(columns) + "|" + ctx.language);
    if (key != m_shown_key || m_rows.needs((m_shown.size() + columns - 1) / columns, width, key)) {
        m_shown_key = key;
        m_shown = shown_cards(catalogue, m_filter, played, ctx.language);
        const std::size_t n = static_cast<std::size_t>(columns);
        m_rows.reset((m_shown.size() + n - 1) / n, width, [&](std::size_t row) {
            float height = 0.0f;
            for (std::size_t k = row * n; k < std::min(m_shown.size(), row * n + n); ++k)
                height = std::max(height, card_height(ctx, catalogue.entries[m_shown[k]], width));
            return height + style.ItemSpacing.y;
        }, key);
    }
    if (catalogue.entries.empty() && catalogue.loaded()) {
        text_coloured(ctx.colours->warn, printf_string(ctx.t("home.no_scenarios"), catalogue.folder.c_str()));
        if (!catalogue.error.empty()) text_coloured(ctx.colours->text_dim, catalogue.error);
    } else if (m_shown.empty() && catalogue.loaded()) {
        text_coloured(ctx.colours->text_dim, ctx.t("home.no_match"));
    }
    const std::size_t n = static_cast<std::size_t>(columns);
    for (auto [row, last] = m_rows.begin(); row < last; ++row) {
        const float top = ImGui::GetCursorPosY();
        const std::size_t first = row * n, end = std::min(m_shown.size(), first + n);
        float height = 0.0f;
        for (std::size_t k = first; k < end; ++k)
            height = std::max(height, card_height(ctx, catalogue.entries[m_shown[k]], width));
        for (std::size_t k = first; k < end; ++k) {
            if (k > first) ImGui::SameLine();
            merge(result, draw_card(ctx, m_shown[k], catalogue.entries[m_shown[k]], results, ImVec2(width, height)));
        }
        m_rows.drawn(row, ImGui::GetCursorPosY() - top);
    }
    m_rows.end();
    ImGui::EndChild();
    return result;
}

Intent HomeView::draw_notices(const ViewContext& ctx, const Catalogue& catalogue, const Results& results) {
    Intent result;
    if (!catalogue.loaded())
        text_coloured(ctx.colours->text_dim,
                      printf_string(ctx.t("home.loading"), catalogue.entries.size(), catalogue.files));
    if (catalogue.skipped > 0)
        text_coloured(ctx.colours->warn, printf_string(ctx.t("home.too_many"), catalogue.files + catalogue.skipped,
                                                       catalogue.files));
    if (!m_resume_failed.empty()) {
        const std::string title = scenario_title(ctx, catalogue, m_resume_failed);
        text_coloured(ctx.colours->warn, printf_string(ctx.t("home.resume_failed"), title.c_str()));
    }
    if (results.notice_shown()) {
        const char* key = "home.results_unavailable";
        switch (results.notice()) {
        case ResultsNotice::Damaged: key = "home.results_damaged"; break;
        case ResultsNotice::ReadOnly: key = "home.results_read_only"; break;
        case ResultsNotice::Newer: key = "home.results_newer"; break;
        case ResultsNotice::Full: key = "home.results_full"; break;
        case ResultsNotice::Unavailable:
        case ResultsNotice::None: break;
        }
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ctx.colours->panel);
        const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2;
        const std::string message = printf_string(ctx.t(key), results.database_path().c_str());
        const float h = ImGui::CalcTextSize(message.c_str(), nullptr, false, wrap).y + ImGui::GetFrameHeightWithSpacing() +
                        ImGui::GetStyle().WindowPadding.y * 2 + ImGui::GetStyle().ItemSpacing.y;
        ImGui::BeginChild("##results_notice", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
        text_coloured(ctx.colours->warn, message);
        if (button(ctx.t("home.dismiss"))) result = intent::DismissNotice{};
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    return result;
}

float HomeView::trainee_row_width(const ViewContext& ctx, const Results& results) const {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float label = ImGui::CalcTextSize((std::string(ctx.t("home.trainee")) + ":").c_str()).x + spacing;
    if (!results.available() || !results.trainee()) return label + ImGui::CalcTextSize(ctx.t("home.results_off")).x;
    const float field = ImGui::GetFontSize() * 12.0f + spacing;
    const float middle = m_adding_trainee ? field + button_width(ctx.t("home.add_trainee")) + spacing +
                                                button_width(ctx.t("common.cancel")) + spacing
                                          : button_width(ctx.t("home.new_trainee")) + spacing;
    return label + field + middle + button_width(ctx.t("home.history"));
}

Intent HomeView::draw_trainee(const ViewContext& ctx, const Results& results) {
    Intent result;
    ImGui::AlignTextToFramePadding();
    text(std::string(ctx.t("home.trainee")) + ":");
    ImGui::SameLine();
    if (!results.available() || !results.trainee()) {
        ImGui::AlignTextToFramePadding();
        text_coloured(ctx.colours->warn, ctx.t("home.results_off"));
        return result;
    }
    // The trainee picked, visible at all times; the list opens with Enter or a click.
    const std::string& current = results.trainee()->name;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
    const bool open = begin_combo("##trainee", current, "trainee:" + current);
    tab_stop();
    if (open) {
        for (const auto& t : results.trainees()) {
            ImGui::PushID(static_cast<int>(t.id));
            log_drawn(t.name);
            if (ImGui::Selectable(t.name.c_str(), t.id == results.trainee()->id)) result = intent::SelectTrainee{t.id};
            if (t.id == results.trainee()->id) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (!m_adding_trainee) {
        same_line_if_fits(button_width(ctx.t("home.new_trainee")));
        if (button(ctx.t("home.new_trainee"))) {
            m_adding_trainee = true;
            m_focus_name = true;
            m_trainee_problem.clear();
        }
    } else {
        same_line_if_fits(ImGui::GetFontSize() * 12.0f);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
        if (m_focus_name) {
            ImGui::SetKeyboardFocusHere();
            m_focus_name = false;
        }
        const bool entered = ImGui::InputTextWithHint("##new_trainee", ctx.t("home.trainee_name"), &m_new_name,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
        tab_stop();
        log_item("new_trainee_name");
        same_line_if_fits(button_width(ctx.t("home.add_trainee")));
        if (button(ctx.t("home.add_trainee")) || entered) result = intent::CreateTrainee{m_new_name};
        same_line_if_fits(button_width(ctx.t("common.cancel")));
        if (button(ctx.t("common.cancel"))) set_trainee_problem({});
    }
    same_line_if_fits(button_width(ctx.t("home.history")));
    if (button(ctx.t("home.history"))) result = intent::ShowHistory{};
    if (!m_trainee_problem.empty()) text_coloured(ctx.colours->warn, ctx.t(m_trainee_problem));
    return result;
}

Intent HomeView::draw_resume_cards(const ViewContext& ctx, const Catalogue& catalogue, const Results& results) {
    Intent result;
    std::size_t shown = 0, more = 0;
    for (const store::SavedRun& run : results.saved_runs()) {
        const int entry = find_entry(catalogue, run.scenario_id);
        if (entry < 0 || !catalogue.entries[static_cast<std::size_t>(entry)].ok()) continue;  // not offered here
        if (shown == kMaxResumeCards) {
            ++more;
            continue;
        }
        ++shown;
        const std::string title = scenario_title(ctx, catalogue, run.scenario_id);
        const std::string detail = printf_string(ctx.t("home.resume_detail"), run.choice_ids.size(),
                                                 mode_name(ctx, run.mode).c_str(), date_time(run.updated_ms, ctx.language).c_str());
        const ImGuiStyle& style = ImGui::GetStyle();
        const float height = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetFrameHeightWithSpacing() +
                             style.WindowPadding.y * 2 + style.ItemSpacing.y;
        ImGui::PushID(run.scenario_id.c_str());
        ImGui::PushStyleColor(ImGuiCol_Border, ctx.colours->accent);
        ImGui::BeginChild("##resume", ImVec2(0, height), true,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
        ImGui::PopStyleColor();
        chip(ctx.t("home.resume_heading"), ctx.colours->accent);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        text_in_font(ctx.bold(), title, &ctx.colours->accent);
        ImGui::AlignTextToFramePadding();
        text(detail);
        ImGui::SameLine();
        const char* resume = ctx.t("home.resume");
        const char* discard = ctx.t("home.discard");
        align_right(button_width(resume) + button_width(discard) + style.ItemSpacing.x);
        ImGui::PushFont(ctx.bold());
        if (button(resume)) result = intent::ResumeRun{run.scenario_id};
        ImGui::PopFont();
        ImGui::SameLine();
        if (button(discard)) result = intent::DiscardRun{run.scenario_id};
        ImGui::EndChild();
        ImGui::PopID();
    }
    if (more > 0) text_coloured(ctx.colours->text_dim, printf_string(ctx.t("home.resume_more"), more));
    return result;
}

Intent HomeView::draw_controls(const ViewContext& ctx, const Catalogue& catalogue, Mode mode) {
    Intent result;
    ImGui::AlignTextToFramePadding();
    text(std::string(ctx.t("home.mode")) + ":");
    ImGui::SameLine();
    if (radio(ctx.t("mode.practice"), mode == Mode::Practice) && mode != Mode::Practice)
        result = intent::SetMode{Mode::Practice};
    ImGui::SameLine();
    if (radio(ctx.t("mode.assessment"), mode == Mode::Assessment) && mode != Mode::Assessment)
        result = intent::SetMode{Mode::Assessment};
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_coloured(ctx.colours->text_dim,
                  ctx.t(mode == Mode::Practice ? "mode.practice_note" : "mode.assessment_note"));

    const float em = ImGui::GetFontSize();
    const char* all = ctx.t("home.all");
    // Search, sort and "not played yet" on one line (wrapping when narrow) ...
    const char* search = ctx.t("home.search");
    ImGui::AlignTextToFramePadding();
    text(search);
    ImGui::SameLine();
    // Wide enough for its hint ("words in the title or summary") when the line has room: a cut-off
    // hint reads as a different one.
    const char* search_hint = ctx.t("home.search_hint");
    const float hint_width = ImGui::CalcTextSize(search_hint).x + ImGui::GetStyle().FramePadding.x * 2.0f + em * 0.5f;
    ImGui::SetNextItemWidth(std::min(std::max(em * 13.0f, hint_width), ImGui::GetContentRegionAvail().x));
    log_drawn("search:" + m_filter.search);
    // In our tab order (tab_order.hpp), not ImGui's own Tab cycling between text fields, which would
    // make the field take Tab and keep the focus; Enter on it starts typing.
    ImGui::PushAllowKeyboardFocus(false);
    ImGui::InputTextWithHint("##search", search_hint, &m_filter.search);
    ImGui::PopAllowKeyboardFocus();
    tab_stop();
    log_item("search");

    const std::vector<std::pair<CardSort, const char*>> sorts = {
        {CardSort::Catalogue, "home.sort_suggested"}, {CardSort::Title, "home.sort_title"},
        {CardSort::Difficulty, "home.sort_difficulty"}, {CardSort::Length, "home.sort_length"},
        {CardSort::LastPlayed, "home.sort_last_played"}, {CardSort::Score, "home.sort_score"}};
    std::vector<std::string> sort_labels;
    int sort_index = 0;
    for (std::size_t k = 0; k < sorts.size(); ++k) {
        sort_labels.push_back(ctx.t(sorts[k].second));
        if (sorts[k].first == m_filter.sort) sort_index = static_cast<int>(k);
    }
    // The sort has no "all": its first entry is the catalogue's own order.
    std::vector<std::string> sort_rest(sort_labels.begin() + 1, sort_labels.end());
    int sort_selected = sort_index - 1;
    if (labelled_combo(ctx.t("home.sort"), "##sort", sort_rest, sort_selected, sort_labels[0].c_str(), em * 13.0f,
                       false))
        m_filter.sort = sorts[static_cast<std::size_t>(sort_selected + 1)].first;
    const char* unplayed = ctx.t("home.not_played_only");
    flow(false, ImGui::CalcTextSize(unplayed).x + ImGui::GetFrameHeight() * 1.5f);
    checkbox(unplayed, &m_filter.not_played_only);

    // ... then the filters by what the scenario is.
    std::vector<std::string> skills, languages;
    for (const auto& s : catalogue.skills) skills.push_back(skill_label(ctx, s));
    for (const auto& l : catalogue.languages) languages.push_back(language_label(ctx, l));
    const std::vector<std::string> difficulty_ids = {"easy", "medium", "hard"};
    std::vector<std::string> difficulties;
    for (const auto& d : difficulty_ids) difficulties.push_back(ctx.t("difficulty." + d));
    const std::vector<CardLength> length_values = {CardLength::Short, CardLength::Medium, CardLength::Long};
    const std::vector<std::string> lengths = {printf_string(ctx.t("home.length_short"), kShortMinutes),
                                              printf_string(ctx.t("home.length_medium"), kShortMinutes + 1, kMediumMinutes),
                                              printf_string(ctx.t("home.length_long"), kMediumMinutes)};
    const float width = em * 10.0f;
    int skill = index_of(catalogue.skills, m_filter.skill);
    if (labelled_combo(ctx.t("home.skill"), "##skill", skills, skill, all, width, true))
        m_filter.skill = skill >= 0 ? std::optional<std::string>(catalogue.skills[static_cast<std::size_t>(skill)]) : std::nullopt;
    int difficulty = index_of(difficulty_ids, m_filter.difficulty);
    if (labelled_combo(ctx.t("home.difficulty"), "##difficulty", difficulties, difficulty, all, width, false))
        m_filter.difficulty = difficulty >= 0 ? std::optional<std::string>(difficulty_ids[static_cast<std::size_t>(difficulty)])
                                              : std::nullopt;
    int length = index_of(length_values, m_filter.length);
    if (labelled_combo(ctx.t("home.length"), "##length", lengths, length, all, em * 12.0f, false))
        m_filter.length = length >= 0 ? std::optional<CardLength>(length_values[static_cast<std::size_t>(length)]) : std::nullopt;
    int language = index_of(catalogue.languages, m_filter.language);
    if (labelled_combo(ctx.t("home.language"), "##language", languages, language, all, width, false))
        m_filter.language =
            language >= 0 ? std::optional<std::string>(catalogue.languages[static_cast<std::size_t>(language)]) : std::nullopt;
    return result;
}

// Rows of skill chips in a card `inner` pixels wide, wrapped as draw_card wraps them.
static int chip_rows(const ViewContext& ctx, const CardInfo& card, float inner) {
    const ImGuiStyle& style = ImGui::GetStyle();
    int rows = card.skills.empty() ? 0 : 1;
    float x = 0.0f;
    for (std::size_t k = 0; k < card.skills.size(); ++k) {
        const float w = ImGui::CalcTextSize(skill_label(ctx, card.skills[k]).c_str()).x + style.FramePadding.x * 1.2f;
        if (k > 0) {
            if (x + style.ItemSpacing.x + w <= inner) {
                x += style.ItemSpacing.x;
            } else {
                x = 0.0f;
                ++rows;
            }
        }
        x += w;
    }
    return rows;
}

float HomeView::card_height(const ViewContext& ctx, const CatalogueEntry& entry, float width) const {
    // Exactly what draw_card puts above its bottom row (the meta line and the chips wrap in narrow
    // cards and large text: a fixed guess let the meta line run into "No score yet").
    const ImGuiStyle& style = ImGui::GetStyle();
    const float inner = width - style.WindowPadding.x * 2;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float h = style.WindowPadding.y * 2;
    if (entry.ok()) {
        const std::string lang = card_language(*entry.card, ctx.language);
        ImGui::PushFont(ctx.bold());
        h += ImGui::CalcTextSize(entry.card->title.get(lang).c_str(), nullptr, false, inner).y + style.ItemSpacing.y;
        ImGui::PopFont();
        h += ImGui::CalcTextSize(entry.card->summary.get(lang).c_str(), nullptr, false, inner).y + style.ItemSpacing.y;
        h += static_cast<float>(chip_rows(ctx, *entry.card, inner)) * ImGui::GetFrameHeightWithSpacing();
        h += ImGui::CalcTextSize(meta_line(ctx, *entry.card).c_str(), nullptr, false, inner).y + style.ItemSpacing.y;
    } else {
        h += line * 2.0f;
        for (const auto& problem : problem_lines(entry, 2))
            h += ImGui::CalcTextSize(problem.c_str(), nullptr, false, inner).y + style.ItemSpacing.y;
    }
    h += ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    return h;
}

Intent HomeView::draw_card(const ViewContext& ctx, std::size_t index, const CatalogueEntry& entry,
                           const Results& results, ImVec2 size) {
    Intent result;
    ImGui::PushID(static_cast<int>(index));
    ImGui::BeginChild("##card", size, true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened);
    if (entry.ok()) {
        const CardInfo& s = *entry.card;
        const std::string lang = card_language(s, ctx.language);
        text_in_font(ctx.bold(), s.title.get(lang), &ctx.colours->accent);
        text_wrapped(s.summary.get(lang));
        // Skills as chips, wrapping to the next line when the card is narrow.
        const float right = ImGui::GetContentRegionAvail().x;
        float x = 0.0f;
        for (std::size_t k = 0; k < s.main_skills.size(); ++k) {
            const std::string label = skill_label(ctx, s.main_skills[k]);
            const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 1.2f;
            if (k > 0) {
                if (x + ImGui::GetStyle().ItemSpacing.x + w <= right) {
                    ImGui::SameLine();
                    x += ImGui::GetStyle().ItemSpacing.x;
                } else {
                    x = 0.0f;
                }
            }
            chip(label, ctx.colours->bar_fill);
            x += w;
        }
        text_coloured(ctx.colours->text_dim, meta_line(ctx, s));
        // Bottom row: last score on the left, Start on the right.
        ImGui::SetCursorPosY(size.y - ImGui::GetStyle().WindowPadding.y - ImGui::GetFrameHeight());
        ImGui::AlignTextToFramePadding();
        const std::optional<double> score = results.latest_score(s.id);
        if (score) {
            text_coloured(score_colour(*score, *ctx.colours),
                          printf_string(ctx.t("home.last_score"), *score));
        } else {
            text_coloured(ctx.colours->text_dim, ctx.t("home.not_played"));
        }
        const char* start = ctx.t("home.start");
        ImGui::SameLine();
        ImGui::PushFont(ctx.bold());
        align_right(button_width(start));
        if (button(start)) result = intent::OpenScenario{index};
        ImGui::PopFont();
    } else {
        text_in_font(ctx.bold(), entry.file_name, &ctx.colours->bad);
        text_wrapped(ctx.t("diagnostics.heading"));
        for (const auto& problem : problem_lines(entry, 2)) text_coloured(ctx.colours->text_dim, problem);
        ImGui::SetCursorPosY(size.y - ImGui::GetStyle().WindowPadding.y - ImGui::GetFrameHeight());
        const char* show = ctx.t("home.show_problems");
        align_right(button_width(show));
        if (button(show)) result = intent::ShowDiagnostics{index};
    }
    ImGui::EndChild();
    ImGui::PopID();
    return result;
}

}  // namespace salesdojo::gui
