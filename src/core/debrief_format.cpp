// The debrief as text (terminal), Markdown (a document to keep) and JSON (tools), in nl or en.
#include <salesdojo/scoring.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace salesdojo {
namespace {

using Text = const char*;
struct Words {
    Text debrief, ending, not_finished, overall, accuracy, pass_mark, passed, failed, dimensions,
        decisions, costliest, you_chose, better_was, principle, feedback, what_if, best_line, chosen,
        assumed, range, chance;
};

const Words& words(std::string_view language) {
    static const Words en{"Debrief", "Ending", "Not finished", "Overall", "Accuracy", "pass mark", "passed",
                          "not passed", "Per dimension", "Decisions", "Costliest decisions", "You chose",
                          "Better", "Principle", "Feedback", "What if", "Best line", "your choice",
                          "unsupported assumption", "range", "chance"};
    static const Words nl{"Nabespreking", "Einde", "Niet afgemaakt", "Totaal", "Nauwkeurigheid", "norm",
                          "gehaald", "niet gehaald", "Per dimensie", "Beslissingen", "Duurste beslissingen",
                          "Je koos", "Beter", "Principe", "Feedback", "Wat als", "Beste lijn", "jouw keuze",
                          "onbewezen aanname", "bereik", "toeval"};
    return language == "nl" ? nl : en;
}

std::string number(double value, int decimals = 0) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return std::string(buffer) == "-0" ? "0" : buffer;
}

std::string signed_total(double value) {
    std::string text = number(value, std::fabs(value - std::round(value)) < 1e-9 ? 0 : 2);
    return value > 0 ? "+" + text : text;
}

const Choice& choice_of(const Scenario& s, int node, int choice) {
    return s.nodes[static_cast<std::size_t>(node)].choices[static_cast<std::size_t>(choice)];
}

std::string principle_line(const Scenario& s, const Choice& c, std::string_view language) {
    std::string out;
    for (int p : c.principles) {
        const Principle& principle = s.principles[static_cast<std::size_t>(p)];
        if (!out.empty()) out += "; ";
        out += principle.title.get(language);
        if (!principle.explanation.empty()) out += " — " + principle.explanation.get(language);
    }
    return out;
}

std::string ending_line(const Debrief& d, const Scenario& s) {
    const Words& w = words(d.language);
    if (!d.finished) return w.not_finished;
    const Node& end = s.nodes[static_cast<std::size_t>(d.ending_node)];
    const OutcomeClass& outcome = s.outcomes[static_cast<std::size_t>(end.ending.outcome)];
    return (end.ending.title.empty() ? end.id : end.ending.title.get(d.language)) + " [" + outcome.id + "]";
}

// Shared body of the text and Markdown forms; `md` switches headings and emphasis.
std::string render(const Debrief& d, const Scenario& s, bool md) {
    const Words& w = words(d.language);
    const std::string& lang = d.language;
    std::string out;
    auto heading = [&](const std::string& title) { out += md ? "\n## " + title + "\n\n" : "\n" + title + ":\n"; };
    out += md ? "# " + std::string(w.debrief) + ": " + s.title.get(lang) + "\n\n" : "== " + std::string(w.debrief) + ": " + s.title.get(lang) + " ==\n";
    out += std::string(md ? "- **" : "") + w.ending + (md ? ":** " : ": ") + ending_line(d, s) + "\n";
    out += std::string(md ? "- **" : "") + w.overall + (md ? ":** " : ": ") + number(d.overall_score) + "/100";
    out += md ? "\n- **" + std::string(w.accuracy) + ":** " : "   " + std::string(w.accuracy) + ": ";
    out += number(d.accuracy) + "%";
    if (d.passed) out += std::string(md ? "\n- " : "   (") + w.pass_mark + " " + number(*s.pass_mark) + ": " + (*d.passed ? w.passed : w.failed) + (md ? "" : ")");
    out += "\n";

    heading(w.dimensions);
    if (md) out += "| | score | total | " + std::string(w.range) + " | |\n|---|---|---|---|---|\n";
    for (const auto& dim : d.dimensions) {
        const Dimension& info = s.dimensions[static_cast<std::size_t>(dim.dimension)];
        std::string title = info.title.get(lang);
        std::string range = signed_total(dim.worst) + ".." + signed_total(dim.best);
        if (md) {
            out += "| " + title + " | " + number(dim.score) + "/100 | " + signed_total(static_cast<double>(dim.total)) + " | " + range + " | " + dim.explanation + " |\n";
        } else {
            char line[256];
            std::snprintf(line, sizeof line, "  %-14s %3s/100  (%s, %s %s)  ", title.c_str(), number(dim.score).c_str(),
                          signed_total(static_cast<double>(dim.total)).c_str(), w.range, range.c_str());
            out += line + dim.explanation + "\n";
        }
    }

    heading(w.decisions);
    int number_in_list = 0;
    for (const auto& review : d.decisions) {
        const Node& node = s.nodes[static_cast<std::size_t>(review.node)];
        const Choice& chosen = node.choices[static_cast<std::size_t>(review.chosen)];
        out += (md ? std::to_string(++number_in_list) + ". " : "  " + std::to_string(++number_in_list) + ". ");
        out += "“" + chosen.text.get(lang) + "” — " + (md ? "**" : "") + verdict_id(review.verdict) + (md ? "**" : "");
        if (review.loss > 1e-9) out += " (−" + number(review.loss, 1) + ")";
        for (int f : review.assumed_facts)
            out += ", " + std::string(w.assumed) + ": " + s.facts[static_cast<std::size_t>(f)].title.get(lang);
        out += "\n";
    }

    if (!d.costliest.empty()) {
        heading(w.costliest);
        int rank = 0;
        for (std::size_t index : d.costliest) {
            const DecisionReview& review = d.decisions[index];
            const Node& node = s.nodes[static_cast<std::size_t>(review.node)];
            const Choice& chosen = node.choices[static_cast<std::size_t>(review.chosen)];
            std::string indent = md ? "   " : "     ";
            out += (md ? std::to_string(++rank) + ". " : "  " + std::to_string(++rank) + ". ");
            if (!node.text.empty()) out += "“" + node.text.get(lang) + "”\n" + indent;
            out += std::string(w.you_chose) + ": “" + chosen.text.get(lang) + "” (" + verdict_id(review.verdict) + ", −" + number(review.loss, 1) + ")\n";
            if (review.better >= 0 && review.better != review.chosen)
                out += indent + w.better_was + ": “" + node.choices[static_cast<std::size_t>(review.better)].text.get(lang) + "”\n";
            std::string principles = principle_line(s, chosen, lang);
            if (principles.empty() && review.better >= 0) principles = principle_line(s, node.choices[static_cast<std::size_t>(review.better)], lang);
            if (!principles.empty()) out += indent + w.principle + ": " + principles + "\n";
            if (!chosen.feedback.empty()) out += indent + w.feedback + ": " + chosen.feedback.get(lang) + "\n";
        }
    }

    heading(w.what_if);
    for (const auto& review : d.decisions) {
        const Node& node = s.nodes[static_cast<std::size_t>(review.node)];
        out += md ? "- " : "  ";
        out += node.id + ": ";
        bool first = true;
        for (const auto& alt : review.alternatives) {
            out += (first ? "" : ", ") + std::string("“") + choice_of(s, review.node, alt.choice).text.get(lang) + "” " + number(alt.what_if);
            if (alt.choice == review.chosen) out += " (" + std::string(w.chosen) + ")";
            first = false;
        }
        out += "\n";
    }

    heading(w.best_line);
    for (const auto& step : d.best_line) {
        const Node& node = s.nodes[static_cast<std::size_t>(step.node)];
        if (step.choice >= 0) out += (md ? "1. " : "  - ") + node.id + ": “" + node.choices[static_cast<std::size_t>(step.choice)].text.get(lang) + "”\n";
        else if (step.random_branch >= 0) out += (md ? "1. " : "  - ") + node.id + ": (" + w.chance + ")\n";
        else if (node.kind == NodeKind::Ending) out += (md ? "1. " : "  - ") + std::string(w.ending) + ": " + (node.ending.title.empty() ? node.id : node.ending.title.get(lang)) + " [" + s.outcomes[static_cast<std::size_t>(node.ending.outcome)].id + "]\n";
    }
    return out;
}

}  // namespace

std::string debrief_text(const Debrief& d, const Scenario& s) { return render(d, s, false); }
std::string debrief_markdown(const Debrief& d, const Scenario& s) { return render(d, s, true); }

nlohmann::json debrief_json(const Debrief& d, const Scenario& s) {
    using nlohmann::json;
    json dims = json::array();
    for (const auto& dim : d.dimensions)
        dims.push_back({{"dimension", s.dimensions[static_cast<std::size_t>(dim.dimension)].id}, {"score", dim.score},
                        {"total", dim.total}, {"best", dim.best}, {"worst", dim.worst}, {"line", dim.line},
                        {"decided", dim.decided}, {"traded", dim.traded}, {"traded_points", dim.traded_points},
                        {"explanation", dim.explanation}});
    json decisions = json::array();
    for (const auto& r : d.decisions) {
        const Node& node = s.nodes[static_cast<std::size_t>(r.node)];
        json alternatives = json::array();
        for (const auto& alt : r.alternatives)
            alternatives.push_back({{"choice", node.choices[static_cast<std::size_t>(alt.choice)].id}, {"value", alt.q}, {"what_if_score", alt.what_if},
                                    {"loss_points", alt.loss_points}, {"verdict", verdict_id(alt.verdict)}});
        json assumed = json::array();
        for (int f : r.assumed_facts) assumed.push_back(s.facts[static_cast<std::size_t>(f)].id);
        json entry = {{"node", node.id}, {"chosen", node.choices[static_cast<std::size_t>(r.chosen)].id},
                      {"verdict", verdict_id(r.verdict)}, {"loss", r.loss}, {"loss_points", r.loss_points}, {"spread", r.spread}, {"counted", r.counted},
                      {"assumed_facts", assumed}, {"alternatives", alternatives}};
        entry["better"] = r.better >= 0 ? json(node.choices[static_cast<std::size_t>(r.better)].id) : json(nullptr);
        if (r.intent) entry["intent"] = verdict_id(*r.intent);
        decisions.push_back(std::move(entry));
    }
    json costliest = json::array();
    for (std::size_t i : d.costliest) costliest.push_back(i);
    json best_line = json::array();
    for (const auto& step : d.best_line) {
        const Node& node = s.nodes[static_cast<std::size_t>(step.node)];
        json entry = {{"node", node.id}};
        if (step.choice >= 0) entry["choice"] = node.choices[static_cast<std::size_t>(step.choice)].id;
        if (step.random_branch >= 0) entry["random_branch"] = step.random_branch;
        best_line.push_back(std::move(entry));
    }
    json result = {{"scenario", s.id}, {"version", s.version}, {"language", d.language}, {"finished", d.finished},
                   {"overall_score", d.overall_score}, {"weighted_total", d.weighted_total}, {"decision_total", d.decision_total},
                   {"outcome_score", d.outcome_score}, {"luck", d.luck}, {"accuracy", d.accuracy},
                   {"playthrough", playthrough_to_json(d.playthrough)},
                   {"dimensions", dims}, {"decisions", decisions}, {"costliest", costliest}, {"best_line", best_line}};
    if (d.finished) {
        const Node& end = s.nodes[static_cast<std::size_t>(d.ending_node)];
        result["ending"] = {{"node", end.id}, {"outcome", s.outcomes[static_cast<std::size_t>(end.ending.outcome)].id},
                            {"title", end.ending.title.get(d.language)}};
    }
    if (d.passed) result["passed"] = *d.passed;
    return result;
}

}  // namespace salesdojo
