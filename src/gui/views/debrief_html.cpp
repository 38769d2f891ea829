#include "views/debrief_html.hpp"

#include "ui_text.hpp"
#include "views/format.hpp"

#include <algorithm>

namespace salesdojo::gui {
namespace {

const char* kStyle = R"(body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;color:#1d2330;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccd;padding-bottom:.2em}
.score{font-size:2.4em;font-weight:bold}.dim{color:#5a6270}.chip{display:inline-block;padding:.05em .6em;border-radius:1em;border:1px solid #889;background:#eef1f6;font-size:.9em}
table{border-collapse:collapse;width:100%}td{padding:.3em .4em;vertical-align:top}
.track{background:#e3e6ec;border-radius:.3em;height:1em;min-width:8em}.fill{height:1em;border-radius:.3em}
.good{color:#17702a}.warn{color:#8a6300}.bad{color:#a3221a}.narration{color:#4a5a78;border-left:3px solid #9ab;padding-left:.6em}
li{margin-bottom:.6em}
)";

const char* fill_colour(double score) {
    if (score < 40.0) return "#d9534f";
    if (score < 70.0) return "#e0a800";
    return "#2e9e48";
}

const char* verdict_class(Verdict v) {
    switch (v) {
    case Verdict::Best:
    case Verdict::Good: return "good";
    case Verdict::Inaccuracy: return "warn";
    default: return "bad";
    }
}

std::string verdict_label(Verdict v, std::string_view lang) {
    return ui(std::string("verdict.") + verdict_id(v), lang);
}

std::string outcome_text(const OutcomeClass& outcome, const std::string& lang, std::string_view ui_lang) {
    if (outcome.title.empty() || (outcome.title.is_plain() && outcome.title.get("") == outcome.id)) {
        const std::string key = "outcome." + outcome.id;
        const char* label = ui(key, ui_lang);
        return key == label ? outcome.id : std::string(label);
    }
    return outcome.title.get(lang);
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string debrief_html(const Debrief& d, const Scenario& s, std::string_view ui_lang) {
    const std::string& lang = d.language;
    auto t = [&](const char* key) { return html_escape(ui(key, ui_lang)); };
    auto e = [](const std::string& text) { return html_escape(text); };
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"" + e(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>" + t("debrief.title") + ": " + e(s.title.get(lang)) + "</title>\n";
    out += "<style>\n" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    out += "<h1>" + t("debrief.title") + ": " + e(s.title.get(lang)) + "</h1>\n";
    out += "<p class=\"dim\">" + e(s.id) + " " + e(s.version) + "</p>\n";

    out += "<p>" + t("debrief.overall") + "<br><span class=\"score\" style=\"color:" + fill_colour(d.overall_score) +
           "\">" + whole_number(d.overall_score) + " / 100</span></p>\n";
    out += "<p>" + html_escape(printf_string(ui("debrief.accuracy_value", ui_lang), d.accuracy));
    if (d.passed) {
        out += "<br><span class=\"" + std::string(*d.passed ? "good" : "bad") + "\">" +
               t(*d.passed ? "debrief.passed" : "debrief.not_passed") + " (" +
               html_escape(printf_string(ui("debrief.pass_mark", ui_lang), s.pass_mark.value_or(0.0))) + ")" +
               "</span>";
    }
    out += "</p>\n";
    if (d.finished && d.ending_node >= 0) {
        const Node& end = s.nodes[static_cast<std::size_t>(d.ending_node)];
        const OutcomeClass& outcome = s.outcomes[static_cast<std::size_t>(end.ending.outcome)];
        out += "<p>" + t("debrief.ending") + ": <strong>" +
               e(end.ending.title.empty() ? end.id : end.ending.title.get(lang)) + "</strong> <span class=\"chip\">" +
               e(outcome_text(outcome, lang, ui_lang)) + "</span> <span class=\"dim\">" + e(outcome.id) + "</span></p>\n";
    }

    out += "<h2>" + t("debrief.dimensions") + "</h2>\n<table>\n";
    for (const auto& dim : d.dimensions) {
        const Dimension& info = s.dimensions[static_cast<std::size_t>(dim.dimension)];
        const std::string value = whole_number(dim.score);
        const double width = std::clamp(dim.score, 0.0, 100.0);
        out += "<tr><td>" + e(info.title.get(lang)) + "</td><td style=\"width:45%\"><div class=\"track\"><div class=\"fill\" style=\"width:" +
               whole_number(width) + "%;background:" + fill_colour(dim.score) + "\"></div></div></td><td>" + value +
               "</td></tr>\n<tr><td></td><td colspan=\"2\" class=\"dim\">" + e(dim.explanation) + "</td></tr>\n";
    }
    out += "</table>\n";

    out += "<h2>" + t("debrief.costliest") + "</h2>\n";
    if (d.costliest.empty()) out += "<p>" + t("debrief.no_costly") + "</p>\n";
    else out += "<ol>\n";
    for (std::size_t index : d.costliest) {
        const DecisionReview& r = d.decisions[index];
        const Node& node = s.nodes[static_cast<std::size_t>(r.node)];
        const Choice& chosen = node.choices[static_cast<std::size_t>(r.chosen)];
        out += "<li>";
        if (!node.text.empty()) out += "<div class=\"narration\">“" + e(node.text.get(lang)) + "”</div>\n";
        out += "<div><strong>" + t("debrief.you_chose") + "</strong> " + e(chosen.text.get(lang)) + " <span class=\"" +
               verdict_class(r.verdict) + "\">(" + html_escape(verdict_label(r.verdict, ui_lang)) + ", " +
               html_escape(printf_string(ui("debrief.loss", ui_lang), r.loss)) + ")</span></div>\n";
        if (r.better >= 0 && r.better != r.chosen)
            out += "<div class=\"good\"><strong>" + t("debrief.better_was") + "</strong> " +
                   e(node.choices[static_cast<std::size_t>(r.better)].text.get(lang)) + "</div>\n";
        const Choice* source = &chosen;
        if (chosen.principles.empty() && r.better >= 0) source = &node.choices[static_cast<std::size_t>(r.better)];
        for (int p : source->principles) {
            const Principle& principle = s.principles[static_cast<std::size_t>(p)];
            out += "<div><strong>" +
                   t("debrief.principle") + ": " + e(principle.title.get(lang)) + "</strong> — " + e(principle.explanation.get(lang)) + "</div>\n";
        }
        out += "</li>\n";
    }
    if (!d.costliest.empty()) out += "</ol>\n";

    out += "<h2>" + t("debrief.decisions") + "</h2>\n<ol>\n";
    for (const auto& r : d.decisions) {
        const Node& node = s.nodes[static_cast<std::size_t>(r.node)];
        out += "<li>" + e(node.choices[static_cast<std::size_t>(r.chosen)].text.get(lang)) + " <span class=\"" +
               verdict_class(r.verdict) + "\">(" + html_escape(verdict_label(r.verdict, ui_lang)) + ")</span></li>\n";
    }
    out += "</ol>\n";

    out += "<h2>" + t("debrief.best_line_heading") + "</h2>\n<ol>\n";
    for (const auto& step : d.best_line) {
        const Node& node = s.nodes[static_cast<std::size_t>(step.node)];
        if (step.choice >= 0) out += "<li>" + e(node.choices[static_cast<std::size_t>(step.choice)].text.get(lang)) + "</li>\n";
    }
    out += "</ol>\n</body>\n</html>\n";
    return out;
}

}  // namespace salesdojo::gui
