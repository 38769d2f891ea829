#pragma once
// Every rendering of a debrief: text (terminal), Markdown (a document to keep), HTML (one
// self-contained page, every text escaped, no scripts) and JSON (tools; keeps ids). The core's
// Debrief carries numbers and ids; the words come from here (catalogue.hpp, names.hpp).
//
// All forms are written from one DebriefPage: the debrief resolved into the trainee's words, one
// struct per section. A new field of the Debrief is added once to the page and then to each
// writer's function for that section.
#include <salesdojo/report/names.hpp>
#include <salesdojo/scoring.hpp>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace salesdojo::report {

struct SummarySection {
    std::string scenario_title;
    bool finished = false;
    std::string ending_title;  // when finished
    std::string outcome;       // the outcome class's name, when finished
    double overall = 0.0;       // the decision score
    std::string chance;         // what chance did to the outcome, when it played a part; else ""
    std::string playtest;       // the note on an author's playtest (run --from); else ""
    double accuracy = 100.0;
    std::optional<bool> passed;
    double pass_mark = 0.0;
};

struct DimensionLine {
    std::string name;
    double score = 0.0;
    long long total = 0;
    double worst = 0.0, best = 0.0;
    std::string sentence;  // why the score is what it is
};

struct PrincipleLine {
    std::string title, explanation;
};

struct AlternativeLine {
    std::string text;
    double what_if = 0.0;  // overall score 0..100 had the trainee taken it, then played best
    bool chosen = false;
};

struct DecisionLine {
    std::string speaker;  // who said the line the trainee answered; "" for narration
    std::string line;     // what was said
    std::string chosen;
    Verdict verdict = Verdict::Best;
    double loss = 0.0;                      // points of the overall score of 100 (loss_points)
    std::string better;                     // "" when the chosen option was the best
    std::vector<std::string> assumptions;   // the facts acted on without knowing them
    std::vector<PrincipleLine> principles;  // cited by the chosen option, else by the better one
    std::string feedback;
    std::vector<AlternativeLine> alternatives;
};

enum class StepKind { Choice, Chance, Ending };
struct BestStep {
    StepKind kind = StepKind::Choice;
    std::string text;     // the option, or the ending's title
    std::string outcome;  // for the ending
};

struct DebriefPage {
    Languages languages;
    SummarySection summary;
    std::vector<DimensionLine> dimensions;
    std::vector<DecisionLine> decisions;
    std::vector<std::size_t> costliest;  // indices into decisions, largest loss first
    std::vector<BestStep> best_line;
    // Decisions (0-based) at which the trainee asked for a hint (the window's practice mode, H). Not
    // part of the Debrief or the Playthrough: the window passes them alongside (DebriefExtras).
    std::vector<std::size_t> hints;
};

// What a renderer may be given besides the debrief: things the window knows about the run that the
// engine does not (the Playthrough stays the same with or without them).
struct DebriefExtras {
    std::vector<std::size_t> hints;  // decisions (0-based) with a hint asked, ascending
};

DebriefPage debrief_page(const Debrief& debrief, const Scenario& scenario, const Languages& languages);

// "Hint used at decision 2" / "Hints used at decisions 1, 3" (1-based, in the catalogue language);
// "" without hints.
std::string hints_sentence(const std::vector<std::size_t>& hints, std::string_view language);

// The sentence under a dimension's score, from the decisions' losses on it; where the best line
// gives up points on the dimension (DimensionScore::traded), it says so.
std::string dimension_sentence(const Debrief& debrief, const Scenario& scenario, int dimension,
                               const Languages& languages);
// One line after the overall score when chance played a part (a finished run whose luck or outcome
// score differs from the decision score by more than 0.05, and the two read differently), else "".
std::string chance_sentence(const Debrief& debrief, std::string_view language);
// Small phrases the window shows too: "Cost: 1,5 points" (points of the overall score of 100), "Accuracy: 87%", "Pass mark: 60", "72/100".
std::string loss_text(double loss, std::string_view language);
std::string accuracy_text(double accuracy, std::string_view language);
std::string pass_mark_text(double pass_mark, std::string_view language);
std::string score_text(double score, std::string_view language);

// The catalogue keys of the text debrief's section headings (after its summary), in its order; every
// other form has the same sections (tests check the HTML against the text's headings).
const std::vector<const char*>& debrief_section_keys();

// What a page adds above the debrief (an export: who, when, in which mode) and a note when parts of
// the debrief cannot be given (an attempt shown as stored, without its scenario file).
struct PageFacts {
    std::vector<std::pair<std::string, std::string>> lines;  // label, value; in words, not escaped
    std::string note;         // shown under the facts; "" = none
    std::string unavailable;  // shown in place of what-ifs and best line when set
};

std::string debrief_text(const Debrief& debrief, const Scenario& scenario, const Languages& languages,
                         const DebriefExtras& extras = {});
std::string debrief_markdown(const Debrief& debrief, const Scenario& scenario, const Languages& languages,
                             const DebriefExtras& extras = {});
std::string debrief_html(const Debrief& debrief, const Scenario& scenario, const Languages& languages,
                         const DebriefExtras& extras = {});
std::string debrief_html(const DebriefPage& page, const PageFacts& facts);
nlohmann::json debrief_json(const Debrief& debrief, const Scenario& scenario, const Languages& languages);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace salesdojo::report
