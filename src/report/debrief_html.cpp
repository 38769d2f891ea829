// The debrief as one self-contained HTML page: inline CSS, no scripts, no external files, every
// text escaped. One function per section.
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>

#include <algorithm>

namespace salesdojo::report {
namespace {

using Words = std::string_view;

const char* kStyle =
    R"(body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#1d2330;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccd;padding-bottom:.2em}
.score{font-size:2.4em;font-weight:bold}.dim{color:#5a6270}.chip{display:inline-block;padding:.05em .6em;border-radius:1em;border:1px solid #889;background:#eef1f6;font-size:.9em}
table{border-collapse:collapse;width:100%}td{padding:.3em .4em;vertical-align:top}
.track{background:#e3e6ec;border-radius:.3em;height:1em;min-width:8em}.fill{height:1em;border-radius:.3em}
.good{color:#17702a}.warn{color:#8a6300}.bad{color:#a3221a}.narration{color:#4a5a78;border-left:3px solid #9ab;padding-left:.6em}
li{margin-bottom:.6em}
)";

std::string e(std::string_view text) {
    return html_escape(text);
}
std::string t(const char* key, Words w) {
    return html_escape(word(key, w));
}

const char* fill_colour(double score) {
    if (score < 40.0) return "#d9534f";
    if (score < 70.0) return "#e0a800";
    return "#2e9e48";
}

const char* verdict_class(Verdict v) {
    switch (v) {
        case Verdict::Best:
        case Verdict::Good:
            return "good";
        case Verdict::Inaccuracy:
            return "warn";
        default:
            return "bad";
    }
}

std::string verdict_span(const DecisionLine& d, Words w) {
    std::string inner = e(verdict_name(d.verdict, w));
    if (d.loss > 1e-9) inner += ", " + e(loss_text(d.loss, w));
    return "<span class=\"" + std::string(verdict_class(d.verdict)) + "\">(" + inner + ")</span>";
}

void html_head(std::string& out, const DebriefPage& p, const PageFacts& facts, Words w) {
    const std::string title = t("debrief.heading", w) + ": " + e(p.summary.scenario_title);
    out += "<!DOCTYPE html>\n<html lang=\"" + e(p.languages.words) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>" + title + "</title>\n<style>\n" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    out += "<h1>" + title + "</h1>\n";
    if (!facts.lines.empty()) {
        out += "<table class=\"dim\">\n";
        for (const auto& [label, value] : facts.lines)
            out += "<tr><td>" + e(label) + "</td><td>" + e(value) + "</td></tr>\n";
        out += "</table>\n";
    }
    if (!facts.note.empty()) out += "<p class=\"warn\">" + e(facts.note) + "</p>\n";
}

void html_summary(std::string& out, const DebriefPage& p, Words w) {
    const SummarySection& s = p.summary;
    if (!s.playtest.empty()) out += "<p class=\"warn\">" + e(s.playtest) + "</p>\n";
    out += "<p>" + t("debrief.overall", w) + "<br><span class=\"score\" style=\"color:" + fill_colour(s.overall) +
           "\">" + e(score_text(s.overall, w)) + "</span></p>\n";
    if (!s.chance.empty()) out += "<p class=\"dim\">" + e(s.chance) + "</p>\n";
    if (!p.hints.empty()) out += "<p class=\"warn\">" + e(hints_sentence(p.hints, w)) + "</p>\n";
    out += "<p>" + e(accuracy_text(s.accuracy, w));
    if (s.passed)
        out += "<br><span class=\"" + std::string(*s.passed ? "good" : "bad") + "\">" +
               t(*s.passed ? "debrief.passed" : "debrief.not_passed", w) + " (" + e(pass_mark_text(s.pass_mark, w)) +
               ")</span>";
    out += "</p>\n";
    if (s.finished)
        out += "<p>" + t("debrief.ending", w) + ": <strong>" + e(s.ending_title) + "</strong> <span class=\"chip\">" +
               e(s.outcome) + "</span></p>\n";
    else
        out += "<p class=\"warn\">" + t("debrief.not_finished", w) + "</p>\n";
}

void html_dimensions(std::string& out, const DebriefPage& p, Words w) {
    out += "<h2>" + t("debrief.dimensions", w) + "</h2>\n<table>\n";
    for (const auto& dim : p.dimensions) {
        const double width = std::clamp(dim.score, 0.0, 100.0);
        out += "<tr><td>" + e(dim.name) +
               "</td><td style=\"width:45%\"><div class=\"track\"><div class=\"fill\" style=\"width:" +
               number(width, 0, "en") + "%;background:" + fill_colour(dim.score) + "\"></div></div></td><td>" +
               e(score_text(dim.score, w)) + "</td></tr>\n";
        if (!dim.sentence.empty())
            out += "<tr><td></td><td colspan=\"2\" class=\"dim\">" + e(dim.sentence) + "</td></tr>\n";
    }
    out += "</table>\n";
}

void html_costliest(std::string& out, const DebriefPage& p, Words w) {
    out += "<h2>" + t("debrief.costliest", w) + "</h2>\n";
    if (p.costliest.empty()) {
        out += "<p>" + t("debrief.no_costly", w) + "</p>\n";
        return;
    }
    // The note explains the costs shown; a page without them (an attempt shown as stored) has none.
    const bool costs_shown = std::any_of(p.costliest.begin(), p.costliest.end(),
                                         [&](std::size_t i) { return p.decisions[i].loss > 1e-9; });
    if (costs_shown) out += "<p class=\"dim\">" + t("debrief.loss_note", w) + "</p>\n";
    out += "<ol>\n";
    for (std::size_t index : p.costliest) {
        const DecisionLine& d = p.decisions[index];
        out += "<li>";
        if (!d.line.empty())
            out += "<div class=\"narration\">" + (d.speaker.empty() ? std::string() : e(d.speaker) + ": ") + "“" +
                   e(d.line) + "”</div>\n";
        out += "<div><strong>" + t("debrief.you_chose", w) + "</strong> " + e(d.chosen) + " " + verdict_span(d, w) +
               "</div>\n";
        if (!d.better.empty())
            out +=
                "<div class=\"good\"><strong>" + t("debrief.better_was", w) + "</strong> " + e(d.better) + "</div>\n";
        for (const auto& principle : d.principles)
            out += "<div><strong>" + t("debrief.principle", w) + ": " + e(principle.title) + "</strong>" +
                   (principle.explanation.empty() ? std::string() : " — " + e(principle.explanation)) + "</div>\n";
        if (!d.feedback.empty())
            out += "<div><strong>" + t("debrief.feedback", w) + ":</strong> " + e(d.feedback) + "</div>\n";
        out += "</li>\n";
    }
    out += "</ol>\n";
}

void html_decisions(std::string& out, const DebriefPage& p, Words w) {
    out += "<h2>" + t("debrief.decisions", w) + "</h2>\n<ol>\n";
    for (const auto& d : p.decisions) {
        out += "<li>" + e(d.chosen) + " " + verdict_span(d, w);
        for (const auto& fact : d.assumptions)
            out += "<br><span class=\"warn\">" + t("debrief.assumption", w) + ": " + e(fact) + "</span>";
        out += "</li>\n";
    }
    out += "</ol>\n";
}

void html_what_if(std::string& out, const DebriefPage& p, const PageFacts& facts, Words w) {
    out += "<h2>" + t("debrief.what_if", w) + "</h2>\n";
    if (!facts.unavailable.empty()) {
        out += "<p class=\"dim\">" + e(facts.unavailable) + "</p>\n";
        return;
    }
    out += "<ol>\n";
    for (const auto& d : p.decisions) {
        out += "<li>";
        bool first = true;
        for (const auto& alt : d.alternatives) {
            out += (first ? "" : "; ") + std::string(alt.chosen ? "<strong>" : "") + "“" + e(alt.text) + "” " +
                   number(alt.what_if, 0, w);
            if (alt.chosen) out += " (" + t("debrief.your_choice", w) + ")</strong>";
            first = false;
        }
        out += "</li>\n";
    }
    out += "</ol>\n";
}

void html_best_line(std::string& out, const DebriefPage& p, const PageFacts& facts, Words w) {
    out += "<h2>" + t("debrief.best_line", w) + "</h2>\n";
    if (!facts.unavailable.empty()) {
        out += "<p class=\"dim\">" + e(facts.unavailable) + "</p>\n";
        return;
    }
    out += "<p class=\"dim\">" + t("debrief.best_line_note", w) + "</p>\n<ol>\n";
    for (const auto& step : p.best_line) {
        switch (step.kind) {
            case StepKind::Choice:
                out += "<li>" + e(step.text) + "</li>\n";
                break;
            case StepKind::Chance:
                out += "<li class=\"narration\">" + e(step.text) + "</li>\n";
                break;
            case StepKind::Ending:
                out += "<li><strong>" + t("debrief.ending", w) + ": " + e(step.text) +
                       "</strong> <span class=\"chip\">" + e(step.outcome) + "</span></li>\n";
                break;
        }
    }
    out += "</ol>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string debrief_html(const Debrief& debrief, const Scenario& scenario, const Languages& languages,
                         const DebriefExtras& extras) {
    DebriefPage page = debrief_page(debrief, scenario, languages);
    page.hints = extras.hints;
    return debrief_html(page, PageFacts{});
}

std::string debrief_html(const DebriefPage& page, const PageFacts& facts) {
    const Words w = page.languages.words;
    std::string out;
    html_head(out, page, facts, w);
    html_summary(out, page, w);
    html_dimensions(out, page, w);
    html_costliest(out, page, w);
    html_decisions(out, page, w);
    html_what_if(out, page, facts, w);
    html_best_line(out, page, facts, w);
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace salesdojo::report
