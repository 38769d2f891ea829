// The report of one class run: built from the class log and the debrief of the group's run.
#include <salesdojo/report/classroom_report.hpp>

#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/names.hpp>
#include <salesdojo/report/results_export.hpp>

#include <algorithm>

namespace salesdojo::report {

std::optional<ClassroomReport> make_classroom_report(const Analysis& analysis, const ClassLog& log,
                                                     std::string_view language, std::string& error) {
    const Scenario& s = analysis.scenario();
    const auto debrief = make_debrief(analysis, log.playthrough(), error);
    if (!debrief) return std::nullopt;
    const Languages lang = languages_for(s, language);
    ClassroomReport r;
    r.language = lang.words;
    r.title = s.title.get(lang.content);
    r.scenario_id = s.id;
    r.scenario_version = s.version;
    r.started_ms = log.started_ms;
    r.ended_ms = log.ended_ms;
    r.finished = debrief->finished;
    if (debrief->finished && debrief->ending_node) {
        r.ending = ending_title(s, *debrief->ending_node, lang);
        r.outcome = outcome_name(s, s.nodes[static_cast<std::size_t>(*debrief->ending_node)].ending.outcome, lang);
    }
    r.overall = debrief->overall_score;
    r.accuracy = debrief->accuracy;
    // A class ended before the conversation did has no verdict on the pass mark (the score stands).
    if (debrief->finished) r.passed = debrief->passed;
    for (const DimensionScore& d : debrief->dimensions) r.dimensions.emplace_back(dimension_name(s, d.dimension, lang), d.score);

    std::size_t review = 0;  // the debrief reviews the confirmed decisions, in order
    for (std::size_t i = 0; i < log.decisions.size(); ++i) {
        const ClassDecisionLog& d = log.decisions[i];
        const auto node_index = s.find_node(d.node_id);
        if (!node_index) {
            error = "class log: decision " + std::to_string(i + 1) + " names node '" + d.node_id + "', which the scenario lacks";
            return std::nullopt;
        }
        const Node& node = s.nodes[static_cast<std::size_t>(*node_index)];
        ClassroomDecision out;
        out.number = i + 1;
        out.node_id = d.node_id;
        out.speaker = node.speaker ? s.cast[static_cast<std::size_t>(*node.speaker)].name.get(lang.content) : std::string();
        out.line = node.text.get(lang.content);
        out.votes = d.total_votes();
        out.tally_revealed = d.tally_revealed;
        out.tie = d.vote_opened && d.tally_revealed && !d.majority_id;
        out.overridden = d.overridden;
        out.confirmed = !d.chosen_id.empty();
        const DecisionReview* reviewed = nullptr;
        if (out.confirmed && review < debrief->decisions.size() && debrief->decisions[review].node == *node_index) {
            reviewed = &debrief->decisions[review];
            ++review;
        }
        for (std::size_t k = 0; k < d.option_ids.size(); ++k) {
            ClassroomOption option;
            option.choice_id = d.option_ids[k];
            const auto choice = std::find_if(node.choices.begin(), node.choices.end(), [&](const Choice& c) { return c.id == option.choice_id; });
            if (choice == node.choices.end()) {
                error = "class log: decision " + std::to_string(i + 1) + " names option '" + option.choice_id + "', which node '" +
                        d.node_id + "' lacks";
                return std::nullopt;
            }
            const int choice_index = static_cast<int>(choice - node.choices.begin());
            option.text = choice->text.get(lang.content);
            option.hands = d.hand_votes[k];
            option.phones = d.phone_votes[k];
            option.majority = d.majority_id && *d.majority_id == option.choice_id;
            option.chosen = d.chosen_id == option.choice_id;
            if (reviewed) {
                option.best = reviewed->better == choice_index;
                for (const AlternativeReview& a : reviewed->alternatives)
                    if (a.choice == choice_index) option.verdict = a.verdict;
                if (option.chosen) out.group_verdict = reviewed->verdict;
            }
            if (option.best) out.votes_for_best += option.hands + option.phones;
            out.options.push_back(std::move(option));
        }
        for (std::size_t p : d.prompts_shown)
            if (p < node.discussion.size()) out.prompts.push_back(node.discussion[p].get(lang.content));
        r.decisions.push_back(std::move(out));
    }
    return r;
}

namespace {

std::string e(std::string_view text) { return html_escape(text); }
std::string t(const char* key, std::string_view w) { return html_escape(word(key, w)); }

const char* kStyle =
    R"(body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1d2330;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccd;padding-bottom:.2em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .6em;vertical-align:top;text-align:left;border-bottom:1px solid #e3e6ec}
th{font-weight:normal;color:#5a6270}.num{text-align:right}.best{color:#17702a;font-weight:bold}.chosen{background:#eef3fa}
.dim{color:#5a6270}.line{border-left:3px solid #9ab;padding-left:.6em}
)";

std::string share(std::size_t part, std::size_t whole, std::string_view w) {
    return number(whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0, 0, w) + "%";
}

}  // namespace

std::string classroom_report_html(const ClassroomReport& r) {
    const std::string_view w = r.language;
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(w) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                      e(phrase("classroom.report.title", w, {r.title})) + "</title>\n<style>\n" + kStyle +
                      "</style>\n</head>\n<body>\n<h1>" + e(phrase("classroom.report.title", w, {r.title})) + "</h1>\n";
    if (r.started_ms) out += "<p class=\"dim\">" + e(readable_utc(r.started_ms)) + "</p>\n";
    out += "<h2>" + t("classroom.report.result", w) + "</h2>\n<table>\n";
    out += "<tr><th>" + t("classroom.report.ending", w) + "</th><td>" +
           (r.finished ? e(r.ending) + " <span class=\"dim\">(" + e(r.outcome) + ")</span>" : t("classroom.report.unfinished", w)) +
           "</td></tr>\n";
    out += "<tr><th>" + t("classroom.report.overall", w) + "</th><td>" + e(number(r.overall, 0, w)) + "/100</td></tr>\n";
    out += "<tr><th>" + t("classroom.report.accuracy", w) + "</th><td>" + e(number(r.accuracy, 0, w)) + "%</td></tr>\n";
    for (const auto& [name, score] : r.dimensions)
        out += "<tr><th>" + e(name) + "</th><td>" + e(number(score, 0, w)) + "/100</td></tr>\n";
    if (r.passed) out += "<tr><th>" + t("classroom.report.passed", w) + "</th><td>" + t(*r.passed ? "export.yes" : "export.no", w) + "</td></tr>\n";
    out += "</table>\n";
    for (const ClassroomDecision& d : r.decisions) {
        out += "<h2>" + e(phrase("classroom.report.decision", w, {std::to_string(d.number)})) + "</h2>\n<p class=\"line\">" +
               (d.speaker.empty() ? "" : "<b>" + e(d.speaker) + ":</b> ") + e(d.line) + "</p>\n";
        out += "<p>" + e(phrase("classroom.report.votes_for_best", w, {std::to_string(d.votes_for_best), std::to_string(d.votes),
                                                                        share(d.votes_for_best, d.votes, w)})) + "</p>\n";
        out += "<table>\n<tr><th>" + t("classroom.report.option", w) + "</th><th class=\"num\">" + t("classroom.report.hands", w) +
               "</th><th class=\"num\">" + t("classroom.report.phones", w) + "</th><th>" + t("classroom.report.verdict", w) +
               "</th><th></th></tr>\n";
        for (const ClassroomOption& o : d.options) {
            std::string marks;
            if (o.best) marks += "<span class=\"best\">" + t("classroom.report.best", w) + "</span> ";
            if (o.chosen) marks += "<b>" + t(d.overridden ? "classroom.report.chosen_by_trainer" : "classroom.report.chosen", w) + "</b>";
            out += std::string("<tr") + (o.chosen ? " class=\"chosen\"" : "") + "><td>" + e(o.text) + "</td><td class=\"num\">" +
                   std::to_string(o.hands) + "</td><td class=\"num\">" + std::to_string(o.phones) + "</td><td>" +
                   (o.verdict ? e(verdict_name(*o.verdict, w)) : "") + "</td><td>" + marks + "</td></tr>\n";
        }
        out += "</table>\n";
        if (d.tie) out += "<p class=\"dim\">" + t("classroom.report.tie", w) + "</p>\n";
        if (d.confirmed && d.group_verdict)
            out += "<p>" + e(phrase("classroom.report.group_verdict", w, {verdict_name(*d.group_verdict, w)})) + "</p>\n";
        if (!d.prompts.empty()) {
            out += "<p>" + t("classroom.report.prompts", w) + "</p>\n<ul>\n";
            for (const std::string& p : d.prompts) out += "<li>" + e(p) + "</li>\n";
            out += "</ul>\n";
        }
    }
    out += "</body>\n</html>\n";
    return out;
}

CsvTables classroom_report_csv(const ClassroomReport& r) {
    const std::string_view w = r.language;
    CsvTables tables;
    auto row = [](std::string& out, const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_text(cells[i]);
        out += "\r\n";
    };
    // The group's run: one row.
    std::vector<std::string> heads = {word("classroom.report.scenario", w), word("classroom.report.ending", w),
                                      word("classroom.report.outcome", w), word("classroom.report.overall", w),
                                      word("classroom.report.accuracy", w)};
    std::vector<std::string> cells = {r.title, r.finished ? r.ending : word("classroom.report.unfinished", w), r.outcome,
                                      number(r.overall, 1, w), number(r.accuracy, 1, w)};
    for (const auto& [name, score] : r.dimensions) {
        heads.push_back(name);
        cells.push_back(number(score, 1, w));
    }
    row(tables.attempts, heads);
    row(tables.attempts, cells);
    // Every option of every decision.
    row(tables.decisions, {word("classroom.report.decision_number", w), word("classroom.report.line", w),
                           word("classroom.report.option", w), word("classroom.report.hands", w), word("classroom.report.phones", w),
                           word("classroom.report.best", w), word("classroom.report.chosen", w), word("classroom.report.verdict", w),
                           word("classroom.report.prompts", w)});
    for (const ClassroomDecision& d : r.decisions) {
        std::string prompts;
        for (const std::string& p : d.prompts) prompts += (prompts.empty() ? "" : " | ") + p;
        for (const ClassroomOption& o : d.options)
            row(tables.decisions, {std::to_string(d.number), d.line, o.text, std::to_string(o.hands), std::to_string(o.phones),
                                   word(o.best ? "export.yes" : "export.no", w), word(o.chosen ? "export.yes" : "export.no", w),
                                   o.verdict ? verdict_name(*o.verdict, w) : "", prompts});
    }
    return tables;
}

}  // namespace salesdojo::report
