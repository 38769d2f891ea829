#pragma once
// The immutable content of one scenario, as loaded (see docs/scenario-format.md).
// A Scenario is built once by the loader and then shared as const; all ids are resolved to indices.
#include <salesdojo/expression.hpp>
#include <salesdojo/text.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo {

constexpr int kFormatVersion = 1;

struct Appearance {
    LocalizedText description;    // for people and for the renderer
    std::string skin = "#d8a884";   // colours as #rrggbb
    std::string hair = "#3b2a1a";
    std::string hair_style = "short";   // short | long | bun | curly | bald
    std::string clothing = "#2f4f6f";
    std::string accent = "#ffffff";     // shirt, tie or scarf
    std::string accessory = "none";     // none | glasses | beard | earrings | tie
};

struct CastMember {
    std::string id;
    LocalizedText name;
    LocalizedText role;
    Appearance appearance;
    std::vector<std::string> expressions;          // those this character may show
    std::map<std::string, std::string> portraits;  // expression -> PNG path, relative to the file
};

struct Dimension {
    std::string id;
    LocalizedText title;
    LocalizedText description;
    double weight = 1.0;
};

struct Principle {
    std::string id;
    LocalizedText title;
    LocalizedText explanation;
};

struct Variable {
    std::string id;
    ValueType type = ValueType::Int;
    std::int32_t min = 0;
    std::int32_t max = 0;
    std::int32_t initial = 0;
};

struct Fact {
    std::string id;
    LocalizedText title;
};

struct OutcomeClass {
    std::string id;
    LocalizedText title;
};

struct ScoreEffect {
    int dimension = 0;
    int amount = 0;
};

enum class VariableOp { Set, Add };
struct VariableEffect {
    int variable = 0;  // index into Scenario::variables (= its slot)
    VariableOp op = VariableOp::Set;
    std::int32_t value = 0;
};

// How good a decision is (docs/scoring.md): computed by the scoring, or declared by an author as a
// choice's "intent" (what the author means the option to be).
enum class Verdict { Best, Good, Inaccuracy, Mistake, Blunder };
const char* verdict_id(Verdict verdict);                           // "best", "good", ...
std::optional<Verdict> verdict_from_id(std::string_view id);       // nullopt for an unknown id

// Upper bounds, in points of the overall 0..100 score, of the loss each verdict allows (a loss of 0
// is best, above `mistake` a blunder). rubric.verdict_thresholds tunes them per scenario.
struct VerdictThresholds {
    double good = 5.0;
    double inaccuracy = 10.0;
    double mistake = 20.0;
};

struct Choice {
    std::string id;
    LocalizedText text;
    Expression condition;  // empty = always available
    std::vector<ScoreEffect> score;
    std::vector<VariableEffect> effects;  // "set" then "add", in file order
    std::vector<int> learns;              // fact indices
    std::vector<int> requires_facts;      // fact indices: acting without them is an assumption
    LocalizedText feedback;
    std::vector<int> principles;          // principle indices
    std::optional<Verdict> intent;        // the verdict the author means this option to get
    std::optional<int> next;              // node index (always set in a loaded scenario)
};

struct RandomOutcome {
    int weight = 1;
    std::optional<int> next;  // node index (always set in a loaded scenario)
};

struct Ending {
    int outcome = 0;  // index into Scenario::outcomes
    LocalizedText title;
    std::vector<ScoreEffect> score;  // added to the dimensions when the run arrives here
};

enum class NodeKind { Choices, Continue, Random, Ending };

struct Node {
    std::string id;
    std::optional<int> speaker;  // cast index; none = the narrator
    std::string expression = "neutral";
    LocalizedText text;
    LocalizedText narration;
    LocalizedText trainer_notes;
    std::vector<LocalizedText> discussion;
    NodeKind kind = NodeKind::Continue;
    std::vector<Choice> choices;         // Choices
    // Derived by the loader: some choice has no condition, so a decision is possible in every state
    // (the session then need not evaluate conditions to know it is not stuck). false = not known;
    // code that edits a loaded node's choices or conditions must clear it.
    bool has_unconditional_choice = false;
    std::optional<int> next;             // Continue (set for Continue nodes of a loaded scenario)
    std::vector<RandomOutcome> random;   // Random
    Ending ending;                       // Ending
};

// The four outcome classes every scenario knows; authors may declare more.
extern const char* const kBuiltinOutcomes[4];  // qualified-fit, declined-misfit, pursued-misfit, abandoned-fit

struct Scenario {
    // metadata
    std::string file;  // where it was loaded from (for messages and relative portraits)
    int format_version = kFormatVersion;
    std::string id;
    std::string version;
    LocalizedText title;
    LocalizedText summary;
    std::vector<std::string> skills;
    std::string difficulty = "medium";  // easy | medium | hard
    int estimated_minutes = 10;
    std::vector<std::string> languages;
    std::string author;
    std::string licence;

    std::vector<CastMember> cast;
    std::vector<Dimension> dimensions;
    std::vector<Principle> principles;
    std::optional<int> assumption_dimension;  // dimension charged for an unsupported assumption
    int assumption_penalty = 2;           // points taken per unsupported assumption
    std::optional<double> pass_mark;      // 0..100 on the overall score
    VerdictThresholds verdict_thresholds;
    std::string content_hash;             // FNV-1a 64 of the file's bytes, 16 lowercase hex digits
    std::vector<OutcomeClass> outcomes;   // built-ins first
    std::vector<Variable> variables;      // slots 0 .. variables.size()-1
    std::vector<Fact> facts;              // slots variables.size() .. + facts.size()-1
    std::vector<Node> nodes;
    int start = 0;

    int slot_count() const { return static_cast<int>(variables.size() + facts.size()); }
    int fact_slot(int fact) const { return static_cast<int>(variables.size()) + fact; }
    std::vector<std::int32_t> initial_values() const;

    std::optional<int> find_node(std::string_view id) const;  // nullopt when absent
    std::optional<int> find_dimension(std::string_view id) const;
    const std::string& default_language() const;
};

// Applies a choice's variable effects (clamped to bounds) and learned facts to a value array.
// Shared by the session and the analyser so that both see exactly the same next state.
// FNV-1a 64 of `bytes` as 16 lowercase hex digits: the scenario's content hash (docs/scoring.md).
std::string content_hash_of(std::string_view bytes);

void apply_choice_effects(const Scenario& scenario, const Choice& choice, std::int32_t* values);

}  // namespace salesdojo
