// The class report as one self-contained HTML page (inline CSS, no scripts, every text escaped) and
// as two CSV tables.
#include "export_words.hpp"

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/class_report.hpp>
#include <salesdojo/report/debrief.hpp>

#include <algorithm>

namespace salesdojo::report {
namespace {

using Words = std::string_view;

const char* kStyle =
    R"(body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1d2330;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.3em;margin-top:2em;border-bottom:1px solid #ccd;padding-bottom:.2em}h3{font-size:1.05em;margin-top:1.2em}
table{border-collapse:collapse}td,th{padding:.25em .5em;vertical-align:top;text-align:left}th{font-weight:normal;color:#5a6270}
.track{background:#e3e6ec;border-radius:.3em;height:1em;width:12em}.fill{height:1em;border-radius:.3em;background:#3b6fb6}
.dim{color:#5a6270}.best{color:#17702a;font-weight:bold}.warn{color:#8a6300}.narration{color:#4a5a78;border-left:3px solid #9ab;padding-left:.6em}
li{margin-bottom:1em}
)";

std::string e(std::string_view text) {
    return html_escape(text);
}
std::string t(const char* key, Words w) {
    return html_escape(word(key, w));
}

std::string percent(std::size_t part, std::size_t whole, Words w) {
    const double share = whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
    return number(share, 0, w) + "%";
}

std::string of(std::size_t part, std::size_t whole, Words w) {
    return phrase("class.of", w, {std::to_string(part), std::to_string(whole)});
}

std::string shown_or_id(const std::string& text, const std::string& id) {
    return text.empty() ? "<code>" + e(id) + "</code>" : e(text);
}

void html_scenario(std::string& out, const ScenarioTally& s, Words w) {
    out += "<h2>" + e(s.title) + "</h2>\n<table>\n";
    out += "<tr><th>" + t("class.attempts", w) + "</th><td>" + std::to_string(s.attempts) + "</td></tr>\n";
    out += "<tr><th>" + t("class.trainees", w) + "</th><td>" + std::to_string(s.trainees) + "</td></tr>\n";
    out += "<tr><th>" + t("class.mean_overall", w) + "</th><td>" + e(score_text(s.mean_overall, w)) + "</td></tr>\n";
    if (s.mean_accuracy)
        out += "<tr><th>" + t("class.mean_accuracy", w) + "</th><td>" + e(number(*s.mean_accuracy, 0, w)) + "%</td></tr>\n";
    if (s.with_pass_mark)
        out += "<tr><th>" + t("class.passed", w) + "</th><td>" + e(of(s.passed, s.with_pass_mark, w)) + "</td></tr>\n";
    if (s.unfinished)
        out += "<tr><th>" + t("class.not_finished", w) + "</th><td>" + std::to_string(s.unfinished) + "</td></tr>\n";
    out += "</table>\n";

    out += "<h3>" + t("class.dimensions", w) + "</h3>\n<table>\n";
    for (const auto& d : s.dimensions)
        out += "<tr><td>" + e(d.name) + "</td><td><div class=\"track\"><div class=\"fill\" style=\"width:" +
               number(std::clamp(d.mean, 0.0, 100.0), 0, "en") + "%\"></div></div></td><td>" + e(score_text(d.mean, w)) +
               "</td></tr>\n";
    out += "</table>\n";

    out += "<h3>" + t("class.outcomes", w) + "</h3>\n<ul>\n";
    for (const auto& o : s.outcomes)
        out += "<li>" + e(o.name) + ": " + e(of(o.count, s.attempts, w)) + "</li>\n";
    if (s.unfinished) out += "<li>" + t("class.not_finished", w) + ": " + e(of(s.unfinished, s.attempts, w)) + "</li>\n";
    out += "</ul>\n";

    out += "<h3>" + t("class.decisions", w) + "</h3>\n<ol>\n";
    for (const auto& d : s.decisions) {
        out += "<li>";
        if (!d.line.empty())
            out += "<div class=\"narration\">" + (d.speaker.empty() ? std::string() : e(d.speaker) + ": ") + "“" + e(d.line) +
                   "”</div>\n";
        else
            out += "<div><code>" + e(d.node_id) + "</code></div>\n";
        out += "<div>" + e(phrase("class.chose_best", w, {std::to_string(d.chose_best), std::to_string(d.decided),
                                                         percent(d.chose_best, d.decided, w)})) +
               "</div>\n<table>\n<tr><th>" + t("export.column.choice", w) + "</th><th>" + t("class.chosen", w) + "</th><th>" +
               t("class.share", w) + "</th><th>" + t("export.column.verdict", w) + "</th></tr>\n";
        for (const auto& c : d.choices) {
            const std::string verdict = detail::verdict_words(c.verdict, w);
            out += std::string("<tr") + (c.best ? " class=\"best\"" : "") + "><td>" + shown_or_id(c.text, c.choice_id) +
                   (c.best ? " (" + t("class.best_option", w) + ")" : std::string()) + "</td><td>" +
                   std::to_string(c.count) + "</td><td>" + percent(c.count, d.decided, w) + "</td><td>" + e(verdict) +
                   "</td></tr>\n";
        }
        out += "</table></li>\n";
    }
    out += "</ol>\n";
}

void csv_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    out += "\r\n";
}

std::string h(const char* key, Words w) {
    return csv_text(word(key, w));
}

}  // namespace

std::string class_report_html(const ClassReport& r, std::string_view language) {
    const Words w = language == "nl" ? "nl" : "en";
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(w) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                      t("class.heading", w) + "</title>\n<style>\n" + kStyle + "</style>\n</head>\n<body>\n<h1>" +
                      t("class.heading", w) + "</h1>\n";
    out += "<p>" + e(phrase("class.summary", w, {std::to_string(r.attempts_counted), std::to_string(r.trainees),
                                                 std::to_string(r.files)})) + "</p>\n";
    if (r.duplicates) out += "<p class=\"dim\">" + e(phrase("class.duplicates", w, {std::to_string(r.duplicates)})) + "</p>\n";
    if (!r.conflicts.empty()) {
        out += "<h2>" + t("class.conflicts", w) + "</h2>\n<ul>\n";
        for (const auto& c : r.conflicts)
            out += "<li class=\"warn\">" +
                   e(phrase("class.conflict", w, {c.trainee, c.scenario_title, readable_utc(c.started_ms), c.ignored_file,
                                                  c.counted_file})) +
                   " <code>" + e(c.uid) + "</code></li>\n";
        out += "</ul>\n";
    }
    if (r.scenarios.empty()) out += "<p>" + t("class.no_attempts", w) + "</p>\n";
    for (const auto& s : r.scenarios) html_scenario(out, s, w);
    out += "</body>\n</html>\n";
    return out;
}

CsvTables class_report_csv(const ClassReport& r, std::string_view language) {
    const Words w = language == "nl" ? "nl" : "en";
    CsvTables tables;
    // Per scenario: a column per dimension and per outcome that any scenario has.
    std::vector<std::pair<std::string, std::string>> dimensions, outcomes;  // id, name
    for (const auto& s : r.scenarios) {
        for (const auto& d : s.dimensions)
            if (std::none_of(dimensions.begin(), dimensions.end(), [&](const auto& x) { return x.first == d.id; }))
                dimensions.emplace_back(d.id, d.name);
        for (const auto& o : s.outcomes)
            if (std::none_of(outcomes.begin(), outcomes.end(), [&](const auto& x) { return x.first == o.id; }))
                outcomes.emplace_back(o.id, o.name);
    }
    std::vector<std::string> head = {h("export.column.scenario", w), h("export.column.scenario_id", w), h("class.attempts", w),
                                     h("class.trainees", w),         h("class.mean_overall", w),        h("class.mean_accuracy", w),
                                     h("class.passed", w),           h("class.not_finished", w)};
    for (const auto& d : dimensions) head.push_back(csv_text(d.second));
    for (const auto& o : outcomes) head.push_back(csv_text(o.second));
    csv_row(tables.attempts, head);
    for (const auto& s : r.scenarios) {
        std::vector<std::string> cells = {csv_text(s.title), csv_text(s.scenario_id), std::to_string(s.attempts),
                                          std::to_string(s.trainees), csv_number(s.mean_overall, 2),
                                          csv_number(s.mean_accuracy, 2),
                                          s.with_pass_mark ? std::to_string(s.passed) : std::string(),
                                          std::to_string(s.unfinished)};
        for (const auto& d : dimensions) {
            std::optional<double> mean;
            for (const auto& x : s.dimensions)
                if (x.id == d.first) mean = x.mean;
            cells.push_back(csv_number(mean, 2));
        }
        for (const auto& o : outcomes) {
            std::size_t n = 0;
            for (const auto& x : s.outcomes)
                if (x.id == o.first) n = x.count;
            cells.push_back(std::to_string(n));
        }
        csv_row(tables.attempts, cells);
    }

    csv_row(tables.decisions, {h("export.column.scenario", w), h("export.column.scenario_id", w), h("export.column.node_id", w),
                               h("export.column.line", w), h("class.decided", w), h("class.chose_best_count", w),
                               h("export.column.choice_id", w), h("export.column.choice", w), h("class.chosen", w),
                               h("export.column.verdict", w), h("class.best_option", w)});
    for (const auto& s : r.scenarios)
        for (const auto& d : s.decisions)
            for (const auto& c : d.choices)
                csv_row(tables.decisions,
                        {csv_text(s.title), csv_text(s.scenario_id), csv_text(d.node_id), csv_text(d.line),
                         std::to_string(d.decided), std::to_string(d.chose_best), csv_text(c.choice_id), csv_text(c.text),
                         std::to_string(c.count), csv_text(detail::verdict_words(c.verdict, w)),
                         csv_text(detail::yes_no(c.best, w))});
    return tables;
}

}  // namespace salesdojo::report
