// The debrief as plain text (terminal) and as Markdown: one function per section and form.
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>

namespace salesdojo::report {
namespace {

using Words = std::string_view;  // the catalogue language

std::string quoted(const std::string& text) {
    return "“" + text + "”";
}

std::size_t display_width(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;  // count code points, not bytes
    return n;
}

std::string padded(const std::string& text, std::size_t width) {
    const std::size_t have = display_width(text);
    return have >= width ? text : text + std::string(width - have, ' ');
}

std::string range_of(const DimensionLine& dim, Words w) {
    return signed_number(dim.worst, 2, w) + ".." + signed_number(dim.best, 2, w);
}

std::string verdict_and_loss(const DecisionLine& d, Words w, bool bold) {
    std::string verdict = verdict_name(d.verdict, w);
    if (bold) verdict = "**" + verdict + "**";
    return d.loss > 1e-9 ? verdict + ", " + loss_text(d.loss, w) : verdict;
}

bool any_loss(const DebriefPage& p) {
    for (const auto& d : p.decisions)
        if (d.loss > 1e-9) return true;
    return false;
}

std::string said(const DecisionLine& d) {
    if (d.line.empty()) return "";
    return (d.speaker.empty() ? "" : d.speaker + ": ") + quoted(d.line);
}

std::string alternatives_line(const DecisionLine& d, Words w) {
    std::string out;
    for (const auto& alt : d.alternatives) {
        if (!out.empty()) out += ", ";
        out += quoted(alt.text) + " " + number(alt.what_if, 0, w);
        if (alt.chosen) out += " (" + std::string(word("debrief.your_choice", w)) + ")";
    }
    return out;
}

std::string pass_line(const SummarySection& s, Words w) {
    return pass_mark_text(s.pass_mark, w) + ": " + word(*s.passed ? "debrief.passed" : "debrief.not_passed", w);
}

std::string ending_line(const SummarySection& s, Words w) {
    if (!s.finished) return word("debrief.not_finished", w);
    return s.ending_title + " (" + s.outcome + ")";
}

// --- text ------------------------------------------------------------------------------------------

void text_summary(std::string& out, const DebriefPage& p, Words w) {
    const SummarySection& s = p.summary;
    out += "== " + std::string(word("debrief.heading", w)) + ": " + s.scenario_title + " ==\n";
    if (!s.playtest.empty()) out += s.playtest + "\n";
    out += std::string(word("debrief.ending", w)) + ": " + ending_line(s, w) + "\n";
    out += std::string(word("debrief.overall", w)) + ": " + score_text(s.overall, w) + "   " +
           accuracy_text(s.accuracy, w);
    if (s.passed) out += "   (" + pass_line(s, w) + ")";
    out += "\n";
    if (!s.chance.empty()) out += s.chance + "\n";
    if (!p.hints.empty()) out += hints_sentence(p.hints, w) + "\n";
}

void text_heading(std::string& out, const char* key, Words w) {
    out += "\n" + std::string(word(key, w)) + ":\n";
}

void text_dimensions(std::string& out, const DebriefPage& p, Words w) {
    text_heading(out, "debrief.dimensions", w);
    std::size_t width = 0;
    for (const auto& dim : p.dimensions) width = std::max(width, display_width(dim.name));
    for (const auto& dim : p.dimensions) {
        out += "  " + padded(dim.name, width) + "  " + padded(score_text(dim.score, w), 7) + "  (" +
               signed_number(static_cast<double>(dim.total), 0, w) + "; " + word("debrief.range", w) + " " +
               range_of(dim, w) + ")  " + dim.sentence + "\n";
    }
}

void text_decisions(std::string& out, const DebriefPage& p, Words w) {
    text_heading(out, "debrief.decisions", w);
    if (any_loss(p)) out += "  " + std::string(word("debrief.loss_note", w)) + "\n";
    int n = 0;
    for (const auto& d : p.decisions) {
        out += "  " + std::to_string(++n) + ". " + quoted(d.chosen) + " — " + verdict_and_loss(d, w, false);
        for (const auto& fact : d.assumptions) out += "; " + std::string(word("debrief.assumption", w)) + ": " + fact;
        out += "\n";
    }
}

void text_costliest(std::string& out, const DebriefPage& p, Words w) {
    if (p.costliest.empty()) return;
    text_heading(out, "debrief.costliest", w);
    const std::string indent = "     ";
    int rank = 0;
    for (std::size_t index : p.costliest) {
        const DecisionLine& d = p.decisions[index];
        out += "  " + std::to_string(++rank) + ". ";
        if (!d.line.empty()) out += said(d) + "\n" + indent;
        out += std::string(word("debrief.you_chose", w)) + ": " + quoted(d.chosen) + " (" +
               verdict_and_loss(d, w, false) + ")\n";
        if (!d.better.empty()) out += indent + word("debrief.better_was", w) + ": " + quoted(d.better) + "\n";
        for (const auto& principle : d.principles) {
            out += indent + word("debrief.principle", w) + ": " + principle.title;
            if (!principle.explanation.empty()) out += " — " + principle.explanation;
            out += "\n";
        }
        if (!d.feedback.empty()) out += indent + word("debrief.feedback", w) + ": " + d.feedback + "\n";
    }
}

void text_what_if(std::string& out, const DebriefPage& p, Words w) {
    text_heading(out, "debrief.what_if", w);
    int n = 0;
    for (const auto& d : p.decisions)
        out +=
            "  " + phrase("debrief.decision_number", w, {std::to_string(++n)}) + ": " + alternatives_line(d, w) + "\n";
}

void text_best_line(std::string& out, const DebriefPage& p, Words w) {
    text_heading(out, "debrief.best_line", w);
    for (const auto& step : p.best_line) {
        switch (step.kind) {
            case StepKind::Choice:
                out += "  - " + quoted(step.text) + "\n";
                break;
            case StepKind::Chance:
                out += "  - (" + step.text + ")\n";
                break;
            case StepKind::Ending:
                out += "  - " + std::string(word("debrief.ending", w)) + ": " + step.text + " (" + step.outcome + ")\n";
                break;
        }
    }
}

// --- Markdown --------------------------------------------------------------------------------------

// Scenario text inside Markdown: no emphasis, links, table breaks or raw HTML from the author's text.
std::string md(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '\\':
            case '*':
            case '_':
            case '`':
            case '|':
            case '[':
            case ']':
            case '#':
                out += '\\';
                out += c;
                break;
            case '\n':
                out += ' ';
                break;
            default:
                out += c;
        }
    }
    return out;
}

void md_summary(std::string& out, const DebriefPage& p, Words w) {
    const SummarySection& s = p.summary;
    out += "# " + std::string(word("debrief.heading", w)) + ": " + md(s.scenario_title) + "\n\n";
    if (!s.playtest.empty()) out += "> " + md(s.playtest) + "\n\n";
    out +=
        "- **" + std::string(word("debrief.ending", w)) + ":** " +
        (s.finished ? md(s.ending_title) + " (" + md(s.outcome) + ")" : std::string(word("debrief.not_finished", w))) +
        "\n";
    out += "- **" + std::string(word("debrief.overall", w)) + ":** " + score_text(s.overall, w) + "\n";
    if (!s.chance.empty()) out += "- " + md(s.chance) + "\n";
    if (!p.hints.empty()) out += "- " + hints_sentence(p.hints, w) + "\n";
    out += "- **" + std::string(word("debrief.accuracy", w)) + ":** " + number(s.accuracy, 0, w) + "%\n";
    if (s.passed)
        out += "- **" + pass_mark_text(s.pass_mark, w) + ":** " +
               word(*s.passed ? "debrief.passed" : "debrief.not_passed", w) + "\n";
}

void md_heading(std::string& out, const char* key, Words w) {
    out += "\n## " + std::string(word(key, w)) + "\n\n";
}

void md_dimensions(std::string& out, const DebriefPage& p, Words w) {
    md_heading(out, "debrief.dimensions", w);
    out += "| " + std::string(word("debrief.dimension", w)) + " | " + word("debrief.score", w) + " | " +
           word("debrief.points", w) + " | " + word("debrief.range", w) + " | " + word("debrief.explanation", w) +
           " |\n|---|---|---|---|---|\n";
    for (const auto& dim : p.dimensions)
        out += "| " + md(dim.name) + " | " + score_text(dim.score, w) + " | " +
               signed_number(static_cast<double>(dim.total), 0, w) + " | " + range_of(dim, w) + " | " +
               md(dim.sentence) + " |\n";
}

void md_decisions(std::string& out, const DebriefPage& p, Words w) {
    md_heading(out, "debrief.decisions", w);
    if (any_loss(p)) out += std::string(word("debrief.loss_note", w)) + "\n\n";
    int n = 0;
    for (const auto& d : p.decisions) {
        out += std::to_string(++n) + ". " + quoted(md(d.chosen)) + " — " + verdict_and_loss(d, w, true);
        for (const auto& fact : d.assumptions)
            out += "; " + std::string(word("debrief.assumption", w)) + ": " + md(fact);
        out += "\n";
    }
}

void md_costliest(std::string& out, const DebriefPage& p, Words w) {
    if (p.costliest.empty()) return;
    md_heading(out, "debrief.costliest", w);
    int rank = 0;
    for (std::size_t index : p.costliest) {
        const DecisionLine& d = p.decisions[index];
        out += std::to_string(++rank) + ". " + (d.line.empty() ? std::string() : md(said(d))) + "\n";
        out += "   - **" + std::string(word("debrief.you_chose", w)) + ":** " + quoted(md(d.chosen)) + " (" +
               verdict_and_loss(d, w, false) + ")\n";
        if (!d.better.empty())
            out += "   - **" + std::string(word("debrief.better_was", w)) + ":** " + quoted(md(d.better)) + "\n";
        for (const auto& principle : d.principles)
            out += "   - **" + std::string(word("debrief.principle", w)) + ":** " + md(principle.title) +
                   (principle.explanation.empty() ? std::string() : " — " + md(principle.explanation)) + "\n";
        if (!d.feedback.empty())
            out += "   - **" + std::string(word("debrief.feedback", w)) + ":** " + md(d.feedback) + "\n";
    }
}

void md_what_if(std::string& out, const DebriefPage& p, Words w) {
    md_heading(out, "debrief.what_if", w);
    int n = 0;
    for (const auto& d : p.decisions) {
        std::string line;
        for (const auto& alt : d.alternatives) {
            if (!line.empty()) line += ", ";
            line += quoted(md(alt.text)) + " " + number(alt.what_if, 0, w);
            if (alt.chosen) line += " (" + std::string(word("debrief.your_choice", w)) + ")";
        }
        out += "- " + phrase("debrief.decision_number", w, {std::to_string(++n)}) + ": " + line + "\n";
    }
}

void md_best_line(std::string& out, const DebriefPage& p, Words w) {
    md_heading(out, "debrief.best_line", w);
    for (const auto& step : p.best_line) {
        switch (step.kind) {
            case StepKind::Choice:
                out += "1. " + quoted(md(step.text)) + "\n";
                break;
            case StepKind::Chance:
                out += "1. *" + md(step.text) + "*\n";
                break;
            case StepKind::Ending:
                out += "1. **" + std::string(word("debrief.ending", w)) + ":** " + md(step.text) + " (" +
                       md(step.outcome) + ")\n";
                break;
        }
    }
}

}  // namespace

const std::vector<const char*>& debrief_section_keys() {
    static const std::vector<const char*> keys = {"debrief.dimensions", "debrief.decisions", "debrief.costliest",
                                                  "debrief.what_if", "debrief.best_line"};
    return keys;
}

std::string hints_sentence(const std::vector<std::size_t>& hints, std::string_view language) {
    if (hints.empty()) return "";
    std::string numbers;
    for (std::size_t decision : hints) numbers += (numbers.empty() ? "" : ", ") + std::to_string(decision + 1);
    return phrase(hints.size() == 1 ? "debrief.hint_used" : "debrief.hints_used", language, {numbers});
}

std::string debrief_text(const Debrief& debrief, const Scenario& scenario, const Languages& languages,
                         const DebriefExtras& extras) {
    DebriefPage page = debrief_page(debrief, scenario, languages);
    page.hints = extras.hints;
    const Words w = languages.words;
    std::string out;
    text_summary(out, page, w);
    text_dimensions(out, page, w);
    text_decisions(out, page, w);
    text_costliest(out, page, w);
    text_what_if(out, page, w);
    text_best_line(out, page, w);
    return out;
}

std::string debrief_markdown(const Debrief& debrief, const Scenario& scenario, const Languages& languages,
                             const DebriefExtras& extras) {
    DebriefPage page = debrief_page(debrief, scenario, languages);
    page.hints = extras.hints;
    const Words w = languages.words;
    std::string out;
    md_summary(out, page, w);
    md_dimensions(out, page, w);
    md_decisions(out, page, w);
    md_costliest(out, page, w);
    md_what_if(out, page, w);
    md_best_line(out, page, w);
    return out;
}

}  // namespace salesdojo::report
