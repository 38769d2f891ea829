#include "read_aloud.hpp"

#include "ui_text.hpp"
#include "views/hints_used.hpp"
#include "views/play_view.hpp"
#include "views/review_view.hpp"

#include <salesdojo/condition_reason.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/play_words.hpp>

#include <SFML/Window/Keyboard.hpp>
#include <imgui.h>

namespace salesdojo::gui {
namespace {

bool pressed(sf::Keyboard::Key key) { return ImGui::IsKeyPressed(static_cast<int>(key), false); }

void add(std::string& out, const std::string& text) {
    if (text.empty()) return;
    if (!out.empty()) out += "\n";
    out += text;
}

}  // namespace

std::string spoken_lines(const std::vector<Line>& lines) {
    std::string out;
    for (const auto& line : lines) {
        if (line.kind == LineKind::Player) continue;
        add(out, line.kind == LineKind::Speech && !line.who.empty() ? line.who + ": " + line.text : line.text);
    }
    return out;
}

std::string spoken_choices(const Run& run, const std::string& words) {
    if (run.session.state() != SessionState::AwaitingChoice || run.awaiting_continue) return {};
    std::string out = ui("play.choose_prompt", words);
    const auto options = run.session.options();
    for (std::size_t k = 0; k < options.size(); ++k) {
        std::string line = std::to_string(k + 1) + ". " + options[k].choice->text.get(run.language);
        if (!options[k].available) line += " (" + std::string(ui("play.choice_unavailable", words)) + ")";
        add(out, line);
    }
    return out;
}

std::string spoken_feedback(const Run& run, const std::string& words) {
    const int last = last_decision_entry(run.session);
    if (!run.awaiting_continue || last < 0) return {};
    const TranscriptEntry& entry = run.session.transcript()[static_cast<std::size_t>(last)];
    const Choice& choice = run.scenario->nodes[static_cast<std::size_t>(entry.node)]
                               .choices[static_cast<std::size_t>(*entry.choice)];
    std::string out = ui("play.feedback", words);
    if (run.last_verdict) out += ": " + std::string(ui(verdict_key(*run.last_verdict), words));
    add(out, choice.feedback.empty() ? std::string(ui("play.no_feedback", words)) : choice.feedback.get(run.language));
    for (const std::string& charge : report::assumption_lines(*run.scenario, entry.assumed_facts, {words, run.language}))
        add(out, charge);
    return out;
}

std::string spoken_debrief(const Run& run, const std::string& words) {
    if (!run.debrief) return {};
    std::string out = report::debrief_text(*run.debrief, *run.scenario, {words, run.language});
    ViewContext ctx;
    ctx.language = words;
    add(out, hints_used_text(ctx, run));
    return out;
}

void ReadAloud::update(SpokenScreen screen, const Run* run, const PlayView& play, bool enabled,
                       const std::string& words, Speech* speech) {
    if (!speech) return;
    speech->speaking();  // reaps a child that ended, so a failure shows (notice_key)
    const auto failed = [&] {
        if (speech->failures() == m_failures) return;
        m_failures = speech->failures();
        m_failed_at = std::chrono::steady_clock::now();
    };
    failed();
    const bool keys = !ImGui::GetIO().WantCaptureKeyboard;
    if (keys && (pressed(sf::Keyboard::LControl) || pressed(sf::Keyboard::RControl))) speech->stop();
    const bool again = keys && pressed(sf::Keyboard::F5);
    // Modal windows (the settings) take the keyboard, but F5 still reads them unless text is typed.
    if (enabled && !ImGui::GetIO().WantTextInput && pressed(sf::Keyboard::F5) && (!run || screen == SpokenScreen::Other))
        m_screen_wanted = true;
    if (!enabled || !run || screen == SpokenScreen::Other) {
        m_key.clear();
        m_hint = false;
        m_tried.reset();
        return;
    }
    ViewContext ctx;
    ctx.language = words;
    // What is on screen: a new state is read in full; a hint or a tried option alone only adds itself.
    std::string key = std::to_string(static_cast<int>(screen)) + "|" + std::to_string(run->serial);
    std::string text;
    if (screen == SpokenScreen::Debrief) {
        key += "|debrief";
        text = spoken_debrief(*run, words);
    } else {
        const std::size_t decision = run->session.decision_count();
        const bool hint = run->hints.count(decision) != 0;
        key += "|" + std::to_string(decision) + "|" + std::to_string(play.lines_version()) + "|" +
               (run->awaiting_continue ? "feedback" : "lines");
        if (key == m_key && !again) {
            std::string extra;
            if (hint && !m_hint) extra = play.hint_text(ctx, *run);
            if (play.tried() && play.tried() != m_tried) {
                const Choice& c = run->session.current().choices[static_cast<std::size_t>(*play.tried())];
                const auto unmet = unmet_condition(*run->scenario, c.condition, run->session.values());
                add(extra, report::unavailable_reason(*run->scenario, unmet.value_or(UnmetCondition{}),
                                                      {words, run->language}));
            }
            m_hint = hint;
            m_tried = play.tried();
            if (extra.empty()) return;
            m_last = extra;
            speech->speak(extra, run->language);
            failed();
            return;
        }
        m_hint = hint;
        m_tried = play.tried();
        if (run->awaiting_continue) {
            text = spoken_feedback(*run, words);
        } else {
            text = spoken_lines(play.lines());
            add(text, spoken_choices(*run, words));
            if (hint) add(text, play.hint_text(ctx, *run));
        }
    }
    if (key == m_key && !again) return;
    m_key = key;
    if (text.empty()) return;
    m_last = text;
    speech->speak(text, run->language);
    failed();
}

std::string spoken_screen(const std::vector<std::string>& texts) {
    std::string out;
    const std::string* previous = nullptr;
    for (const std::string& text : texts) {
        if (text.empty() || (previous && *previous == text)) continue;
        previous = &text;
        if (!out.empty()) {
            const char last = out.back();
            out += (last == '.' || last == '?' || last == '!' || last == ':') ? " " : ". ";
        }
        out += text;
    }
    return out;
}

void ReadAloud::speak_screen(const std::vector<std::string>& texts, const std::string& words, Speech* speech) {
    m_screen_wanted = false;
    if (!speech) return;
    m_last = spoken_screen(texts);
    if (m_last.empty()) return;
    speech->speak(m_last, words);  // the screen is in the interface's language
    if (speech->failures() != m_failures) {
        m_failures = speech->failures();
        m_failed_at = std::chrono::steady_clock::now();
    }
}

const char* ReadAloud::notice_key(bool enabled, const Speech* speech) const {
    if (!enabled || !speech || !m_failed_at) return nullptr;
    const std::chrono::duration<double> since = std::chrono::steady_clock::now() - *m_failed_at;
    if (since.count() > kNoticeSeconds) return nullptr;
    if (!speech->available()) return "speech.not_installed";
    switch (speech->error()) {
    case SpeechError::None: return nullptr;
    case SpeechError::NotInstalled: return "speech.not_installed";
    case SpeechError::CannotStart: return "speech.cannot_start";
    case SpeechError::ExitedWithError: return "speech.failed";
    }
    return nullptr;
}

}  // namespace salesdojo::gui
