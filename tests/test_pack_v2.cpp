// Scenario pack v2 (issue 10): the pack is not a reading quiz, does not reuse the seeds' words or
// people, gives every person and firm its own name, and every scenario declares and earns its
// intents, pass mark, dimension titles, length and difficulty. docs/trainers-guide.md
// ("The pack checks") explains each check and its figures to authors.
//
// While the rework is under way the checks cover the scenarios listed in
// tests/data/pack_v2_done.txt (each author appends a scenario when it passes); without that file
// they cover every scenario in scenarios/. Every check prints its figures per scenario (run
// `build/salesdojo_tests -tc='pack v2*' -s` to see them when nothing fails).
#include "pack_words.hpp"
#include "test_support.hpp"

#include <salesdojo/analysis_report.hpp>
#include <salesdojo/scoring.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

const std::string kLanguages[] = {"nl", "en"};

struct PackScenario {
    std::string id;
    std::string file;
    nlohmann::json document;
    std::shared_ptr<const Scenario> scenario;
    std::shared_ptr<const Analysis> analysis;
};

// Every scenario in scenarios/, loaded and analysed once for all the checks below.
const std::vector<PackScenario>& pack() {
    static const std::vector<PackScenario> loaded = [] {
        std::vector<PackScenario> out;
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(source_path("scenarios")))
            if (entry.path().extension() == ".json") files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            PackScenario p;
            p.file = file;
            p.id = fs::path(file).stem().string();
            p.document = nlohmann::json::parse(read_text_file(file), nullptr, false);
            LoadResult result = load_scenario_file(file);
            if (result.ok()) {
                p.scenario = result.scenario;
                p.analysis = analyse(result.scenario).analysis;
            }
            out.push_back(std::move(p));
        }
        return out;
    }();
    return loaded;
}

// The scenarios the checks cover now; prints the ones still waiting for their rework.
std::vector<const PackScenario*> checked_scenarios() {
    std::vector<std::string> ids;
    for (const auto& p : pack()) ids.push_back(p.id);
    const std::set<std::string> checked = pack_v2_checked_ids(ids);
    std::vector<const PackScenario*> out;
    std::string waiting;
    for (const auto& p : pack()) {
        if (checked.count(p.id)) {
            out.push_back(&p);
        } else {
            waiting += (waiting.empty() ? "" : ", ") + p.id;
        }
    }
    std::string unknown;
    for (const auto& id : checked)
        if (std::count(ids.begin(), ids.end(), id) != 1) unknown += " " + id;
    CHECK_MESSAGE(unknown.empty(), "tests/data/pack_v2_done.txt names scenarios that are not in scenarios/:" << unknown);
    if (!waiting.empty()) MESSAGE("not yet reworked (not checked): " << waiting);
    return out;
}

std::string fixed(double value, int decimals = 1) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << value;
    return out.str();
}

// --- decision points ----------------------------------------------------------------------------

// A decision point is a reachable decision as a trainee sees it: the node, the options available
// there (with a way to an ending) and which of them the analysis calls better (the first with the
// highest value). Reachable states that differ only in variables the trainee cannot see count once.
struct DecisionPoint {
    int node = 0;
    std::vector<int> options;  // choice indices, file order
    int best = 0;              // choice index
};

std::vector<DecisionPoint> decision_points(const Analysis& a) {
    const Scenario& s = a.scenario();
    std::set<std::tuple<int, std::vector<int>, int>> seen;
    std::vector<DecisionPoint> out;
    for (std::uint32_t st = 0; st < a.state_count(); ++st) {
        const StateInfo& info = a.state(st);
        if (s.nodes[static_cast<std::size_t>(info.node)].kind != NodeKind::Choices) continue;
        DecisionPoint point;
        point.node = info.node;
        double best_q = -1e300;
        for (std::uint32_t k = 0; k < info.transition_count; ++k) {
            const Transition& t = a.transitions(st)[k];
            if (!a.complete(t.target)) continue;
            point.options.push_back(t.index);
            const double q = a.q_value(st, t);
            if (q > best_q + 1e-9) {
                best_q = q;
                point.best = t.index;
            }
        }
        if (point.options.size() < 2) continue;
        if (seen.insert({point.node, point.options, point.best}).second) out.push_back(point);
    }
    return out;
}

std::size_t option_length(const Scenario& s, int node, int choice, const std::string& language) {
    return code_points(s.nodes[static_cast<std::size_t>(node)].choices[static_cast<std::size_t>(choice)].text.get(language));
}

struct LengthFigures {
    int points = 0;
    int best_longest = 0;   // the best option is (one of) the longest offered
    int best_shortest = 0;  // the best option is (one of) the shortest offered
};

LengthFigures length_figures(const Analysis& a, const std::string& language) {
    LengthFigures f;
    const Scenario& s = a.scenario();
    for (const auto& point : decision_points(a)) {
        std::size_t longest = 0, shortest = SIZE_MAX;
        for (int c : point.options) {
            longest = std::max(longest, option_length(s, point.node, c, language));
            shortest = std::min(shortest, option_length(s, point.node, c, language));
        }
        const std::size_t best = option_length(s, point.node, point.best, language);
        ++f.points;
        if (best == longest) ++f.best_longest;
        if (best == shortest) ++f.best_shortest;
    }
    return f;
}

// --- blind strategies ---------------------------------------------------------------------------

enum class Strategy { Longest, Shortest, Agreeable };

std::string strategy_name(Strategy strategy) {
    switch (strategy) {
    case Strategy::Longest: return "always the longest";
    case Strategy::Shortest: return "always the shortest";
    case Strategy::Agreeable: return "always the most agreeable";
    }
    return "";
}

int own_effect(const Choice& choice, int dimension) {
    int total = 0;
    for (const auto& effect : choice.score)
        if (effect.dimension == dimension) total += effect.amount;
    return total;
}

// The option a blind strategy takes among the available ones. "Most agreeable to the other person"
// is computable from the file: the highest own `relationship` effect (what pleases the other person
// now), on a tie the lowest own `decline` effect (the one that says no least), then file order.
int pick(const Scenario& s, const std::vector<ChoiceOption>& options, Strategy strategy, const std::string& language) {
    const std::optional<int> relationship = s.find_dimension("relationship");
    const std::optional<int> decline = s.find_dimension("decline");
    int picked = -1;
    long long picked_key1 = 0, picked_key2 = 0;
    for (const auto& option : options) {
        if (!option.available) continue;
        long long key1 = 0, key2 = 0;  // larger is preferred
        const auto length = static_cast<long long>(code_points(option.choice->text.get(language)));
        switch (strategy) {
        case Strategy::Longest: key1 = length; break;
        case Strategy::Shortest: key1 = -length; break;
        case Strategy::Agreeable:
            key1 = relationship ? own_effect(*option.choice, *relationship) : 0;
            key2 = decline ? -own_effect(*option.choice, *decline) : 0;
            break;
        }
        if (picked < 0 || key1 > picked_key1 || (key1 == picked_key1 && key2 > picked_key2)) {
            picked = option.index;
            picked_key1 = key1;
            picked_key2 = key2;
        }
    }
    return picked;
}

struct StrategyResult {
    double best_score = 0.0;  // the highest overall score over the seeds tried (every random branch)
    bool any_passed = false;
    std::string choices;      // the run that scored best_score
};

StrategyResult play_strategy(const PackScenario& p, Strategy strategy, const std::string& language) {
    StrategyResult result;
    for (std::uint64_t seed = 0; seed < 32; ++seed) {
        Session session(p.scenario, seed);
        for (int step = 0; step < 300 && session.state() == SessionState::AwaitingChoice; ++step) {
            const int choice = pick(*p.scenario, session.options(), strategy, language);
            if (choice < 0) break;
            session.choose(choice);
        }
        Debrief debrief = make_debrief(*p.analysis, session);
        if (seed == 0 || debrief.overall_score > result.best_score) {
            result.best_score = debrief.overall_score;
            result.choices.clear();
            for (const auto& id : session.decision_ids()) result.choices += (result.choices.empty() ? "" : ",") + id;
        }
        result.any_passed = result.any_passed || debrief.passed.value_or(false);
    }
    return result;
}

// --- measured difficulty ------------------------------------------------------------------------

// The overall score a trainee who guesses gets on average: every available option equally likely
// at every decision, chance by its weights, losses in points of the scenario's full range (value at
// the start down to the worst complete path). Not the debrief's scale, which leaves an outlier
// option out of its lower end (docs/scoring.md#the-scale): a guesser does fall into outliers, and
// the bands below were measured on the full range. Exact over the analysed state space (value
// iteration where there are loops).
double guessing_score(const Analysis& a) {
    const Scenario& s = a.scenario();
    const double range = a.value(a.start_state()) - a.worst(a.start_state(), a.dimensions());
    std::vector<double> expected_loss(a.state_count(), 0.0);
    for (int sweep = 0; sweep < 1000; ++sweep) {
        double change = 0.0;
        for (std::uint32_t st = static_cast<std::uint32_t>(a.state_count()); st-- > 0;) {
            const StateInfo& info = a.state(st);
            const Node& node = s.nodes[static_cast<std::size_t>(info.node)];
            double loss = 0.0;
            if (node.kind == NodeKind::Choices) {
                const auto verdicts = option_verdicts(a, st);
                for (const auto& v : verdicts)
                    loss += (range > 1e-9 ? 100.0 * v.loss / range : 0.0) + expected_loss[a.transitions(st)[v.transition].target];
                if (!verdicts.empty()) loss /= static_cast<double>(verdicts.size());
            } else if (node.kind != NodeKind::Ending) {
                double weights = 0.0;
                for (std::uint32_t k = 0; k < info.transition_count; ++k) {
                    const Transition& t = a.transitions(st)[k];
                    if (!a.complete(t.target)) continue;
                    loss += t.weight * expected_loss[t.target];
                    weights += t.weight;
                }
                if (weights > 0) loss /= weights;
            }
            change = std::max(change, std::fabs(loss - expected_loss[st]));
            expected_loss[st] = loss;
        }
        if (change < 1e-9) break;
    }
    return std::max(0.0, 100.0 - expected_loss[a.start_state()]);
}

// The share of wrong options (not the better one) at the decision points that the debrief calls a
// mistake or a blunder: how often a wrong pick really hurts.
double costly_share(const Analysis& a) {
    int wrong = 0, costly = 0;
    std::set<std::pair<int, int>> seen;  // (node, choice) counted once
    for (std::uint32_t st = 0; st < a.state_count(); ++st) {
        const auto verdicts = option_verdicts(a, st);
        if (verdicts.size() < 2) continue;
        for (const auto& v : verdicts) {
            if (v.verdict == Verdict::Best) continue;
            const Transition& t = a.transitions(st)[v.transition];
            if (!seen.insert({a.state(st).node, t.index}).second) continue;
            ++wrong;
            if (v.verdict == Verdict::Mistake || v.verdict == Verdict::Blunder) ++costly;
        }
    }
    return wrong == 0 ? 0.0 : 100.0 * costly / wrong;
}

// Difficulty from the guessing score (documented in docs/trainers-guide.md, "The pack checks"):
// a guesser keeps 35 points or more in an easy scenario, 25 to 35 in a medium one, less than 25 in
// a hard one (the pack before v2 measured 15 to 42; these bands split it roughly in thirds).
std::string measured_difficulty(double guess) {
    if (guess >= 35.0) return "easy";
    if (guess >= 25.0) return "medium";
    return "hard";
}

}  // namespace

TEST_CASE("pack v2 words: normalised words, name tokens, capitals mid-sentence") {
    CHECK(normalised_words("Dat heeft z’n tijd nodig, toch? ÉÉN keer!") ==
          std::vector<std::string>{"dat", "heeft", "zn", "tijd", "nodig", "toch", "één", "keer"});
    CHECK(name_tokens("Harm's call—Ingrid.") == std::vector<std::string>{"Harm", "s", "call", "Ingrid"});
    CHECK(capitalised_midsentence("Ingrid calls. You tell Harm and Noorderlicht Advies: Yes.") ==
          std::vector<std::string>{"Harm", "Noorderlicht", "Advies"});
    CHECK(capitalised_midsentence("“Sure,” says Ingrid") == std::vector<std::string>{"Ingrid"});
    CHECK(code_points("€5 café") == 7);
}

TEST_CASE("pack v2: not a quiz, the best option is rarely the longest and often enough the shortest") {
    const auto checked = checked_scenarios();
    for (const std::string& language : kLanguages) {
        CAPTURE(language);
        LengthFigures total;
        for (const PackScenario* p : checked) {
            if (!p->analysis) {
                FAIL_CHECK(p->id << " does not load or analyse");
                continue;
            }
            const LengthFigures f = length_figures(*p->analysis, language);
            MESSAGE(p->id << " [" << language << "]: " << f.points << " decision points, best is longest in "
                          << f.best_longest << " (" << fixed(100.0 * f.best_longest / std::max(1, f.points)) << " %), shortest in "
                          << f.best_shortest << " (" << fixed(100.0 * f.best_shortest / std::max(1, f.points)) << " %)");
            total.points += f.points;
            total.best_longest += f.best_longest;
            total.best_shortest += f.best_shortest;
        }
        if (total.points == 0) continue;
        MESSAGE("pack [" << language << "]: " << total.points << " decision points, best is longest in "
                         << fixed(100.0 * total.best_longest / total.points) << " %, shortest in "
                         << fixed(100.0 * total.best_shortest / total.points) << " %");
        CHECK_MESSAGE(total.best_longest * 100 <= total.points * 35, "the best option is the longest in more than 35 % of decision points");
        CHECK_MESSAGE(total.best_shortest * 100 >= total.points * 20, "the best option is the shortest in fewer than 20 % of decision points");
    }
}

TEST_CASE("pack v2: always the longest, the shortest or the most agreeable option stays below the pass mark") {
    for (const PackScenario* p : checked_scenarios()) {
        CAPTURE(p->id);
        if (!p->analysis) {
            FAIL_CHECK(p->id << " does not load or analyse");
            continue;
        }
        if (!p->scenario->pass_mark) {
            FAIL_CHECK(p->id << " has no pass mark: the blind strategies cannot be checked");
            continue;
        }
        const double pass_mark = *p->scenario->pass_mark;
        for (const std::string& language : kLanguages) {
            for (Strategy strategy : {Strategy::Longest, Strategy::Shortest, Strategy::Agreeable}) {
                const StrategyResult r = play_strategy(*p, strategy, language);
                MESSAGE(p->id << " [" << language << "] " << strategy_name(strategy) << ": " << fixed(r.best_score)
                              << " (pass mark " << fixed(pass_mark, 0) << ") via " << r.choices);
                if (r.any_passed) {
                    FAIL_CHECK(p->id << " [" << language << "]: " << strategy_name(strategy) << " reaches the pass mark ("
                                     << fixed(r.best_score) << ") via " << r.choices);
                }
            }
        }
    }
}

TEST_CASE("pack v2: no run of six words from the seed texts, no person from the seeds by name") {
    const auto names = read_list_file(source_path("tests/data/seed_names.txt"));
    REQUIRE_MESSAGE(names, "tests/data/seed_names.txt is missing");
    REQUIRE(names->size() >= 10);

    // The six-word runs are kept as fingerprints (FNV-1a of the normalised run) in
    // tests/data/seed_runs.txt, so the check runs on a clean clone without the seed texts (whose README
    // forbids copying their sentences). When the seeds are at hand the list is checked against them.
    const auto fingerprint_file = source_path("tests/data/seed_runs.txt");
    const auto listed = read_list_file(fingerprint_file);
    REQUIRE_MESSAGE(listed, "tests/data/seed_runs.txt is missing");
    std::set<std::string> seed_runs(listed->begin(), listed->end());

    const auto seeds = seeds_directory();
    if (!seeds) {
        MESSAGE("seed texts not found (../shared/seeds next to the source tree, or $SALESDOJO_SEEDS_DIR): "
                "checking against the " << seed_runs.size() << " committed fingerprints only");
    } else {
        std::set<std::string> from_seeds;
        std::vector<std::string> seed_tokens;
        int seed_files = 0;
        for (const auto& entry : fs::directory_iterator(*seeds)) {
            if (entry.path().extension() != ".txt") continue;
            ++seed_files;
            const std::string text = read_text_file(entry.path().string());
            const auto words = normalised_words(text);
            for (std::size_t i = 0; i + 6 <= words.size(); ++i) from_seeds.insert(six_word_fingerprint(words, i));
            const auto tokens = name_tokens(text);
            seed_tokens.insert(seed_tokens.end(), tokens.begin(), tokens.end());
        }
        MESSAGE("seed texts: " << seed_files << " files in " << *seeds << ", " << from_seeds.size() << " six-word runs");
        CHECK(seed_files >= 5);
        if (std::getenv("SALESDOJO_UPDATE_SEED_RUNS")) {
            std::ofstream out(fingerprint_file);
            out << "# FNV-1a fingerprints of every six-word run of the seed texts (lower-cased, punctuation removed).\n"
                   "# Regenerate: SALESDOJO_UPDATE_SEED_RUNS=1 build/salesdojo_tests -tc='pack v2: no run*'\n";
            for (const auto& run : from_seeds) out << run << "\n";
            seed_runs = from_seeds;
        }
        CHECK_MESSAGE(seed_runs == from_seeds,
                      "tests/data/seed_runs.txt is out of date with the seed texts; regenerate it (see its header)");
        // Every listed name occurs in the seeds: the list is derived from them, not invented.
        for (const auto& name : *names) {
            const auto parts = name_tokens(name);
            bool found = false;
            for (std::size_t i = 0; !found && i + parts.size() <= seed_tokens.size(); ++i)
                found = std::equal(parts.begin(), parts.end(), seed_tokens.begin() + static_cast<std::ptrdiff_t>(i));
            CHECK_MESSAGE(found, "tests/data/seed_names.txt lists '" << name << "', which no seed text names");
        }
    }

    for (const PackScenario* p : checked_scenarios()) {
        CAPTURE(p->id);
        REQUIRE_MESSAGE(!p->document.is_discarded(), p->file << " is not JSON");
        int copied = 0, named = 0;
        std::size_t strings = 0;
        for (const auto& s : all_strings(p->document)) {
            ++strings;
            const auto words = normalised_words(s.text);
            for (std::size_t i = 0; i + 6 <= words.size(); ++i) {
                if (seed_runs.count(six_word_fingerprint(words, i))) {
                    ++copied;
                    std::string run;
                    for (std::size_t k = i; k < i + 6; ++k) run += words[k] + " ";
                    FAIL_CHECK(p->id << s.pointer << " repeats six words of a seed text: \"" << run << "\"");
                    break;
                }
            }
            const auto tokens = name_tokens(s.text);
            for (const auto& name : *names) {
                const auto parts = name_tokens(name);
                for (std::size_t i = 0; i + parts.size() <= tokens.size(); ++i)
                    if (std::equal(parts.begin(), parts.end(), tokens.begin() + static_cast<std::ptrdiff_t>(i))) {
                        ++named;
                        FAIL_CHECK(p->id << s.pointer << " names '" << name << "' from the seed stories");
                        break;
                    }
            }
        }
        MESSAGE(p->id << ": " << strings << " strings, " << copied << " with a seed run, " << named << " seed names");
    }
}

TEST_CASE("pack v2: every person and firm has a name of its own across the pack") {
    // A scenario's names: the capitalised tokens of its cast names, and every word that is written
    // with a capital mid-sentence in English and also appears capitalised in the Dutch texts (so a
    // person, firm or place mentioned in the story, not an English weekday). Words that may recur
    // (places, products, abbreviations) are listed in tests/data/pack_common_names.txt.
    const auto common_list = read_list_file(source_path("tests/data/pack_common_names.txt"));
    REQUIRE_MESSAGE(common_list, "tests/data/pack_common_names.txt is missing");
    const std::set<std::string> common(common_list->begin(), common_list->end());
    std::map<std::string, std::set<std::string>> scenarios_by_name;
    std::map<std::string, std::set<std::string>> names_by_scenario;
    for (const auto& p : pack()) {
        if (!p.scenario) continue;
        std::set<std::string> names;
        for (const auto& member : p.scenario->cast)
            for (const auto& token : name_tokens(member.name.get("en")))
                if (!token.empty() && std::isupper(static_cast<unsigned char>(token[0]))) names.insert(token);
        std::set<std::string> english, dutch;
        for (const auto& s : all_strings(p.document)) {
            const bool en = s.pointer.size() >= 3 && s.pointer.compare(s.pointer.size() - 3, 3, "/en") == 0;
            const bool nl = s.pointer.size() >= 3 && s.pointer.compare(s.pointer.size() - 3, 3, "/nl") == 0;
            if (en)
                for (const auto& token : capitalised_midsentence(s.text)) english.insert(token);
            if (nl)
                for (const auto& token : name_tokens(s.text))
                    if (std::isupper(static_cast<unsigned char>(token[0]))) dutch.insert(token);
        }
        for (const auto& token : english)
            if (code_points(token) >= 2 && (dutch.count(token) || dutch.count(token + "s"))) names.insert(token);
        for (const auto& name : names)
            if (!common.count(name)) scenarios_by_name[name].insert(p.id);
        names_by_scenario[p.id] = names;
    }
    for (const PackScenario* p : checked_scenarios()) {
        CAPTURE(p->id);
        std::string listed, repeated;
        for (const auto& name : names_by_scenario[p->id]) {
            if (common.count(name)) continue;
            listed += (listed.empty() ? "" : " ") + name;
            const auto& where = scenarios_by_name[name];
            if (where.size() < 2) continue;
            std::string others;
            for (const auto& other : where)
                if (other != p->id) others += (others.empty() ? "" : ", ") + other;
            repeated += "'" + name + "' (also in " + others + ") ";
        }
        MESSAGE(p->id << " names: " << listed);
        if (!repeated.empty()) {
            FAIL_CHECK(p->id << " shares names with other scenarios: " << repeated);
        }
    }
}

TEST_CASE("pack v2: intents declared and confirmed, pass mark, dimension titles, length and difficulty") {
    for (const PackScenario* p : checked_scenarios()) {
        CAPTURE(p->id);
        if (!p->analysis) {
            FAIL_CHECK(p->id << " does not load or analyse");
            continue;
        }
        const Scenario& s = *p->scenario;
        const Analysis& a = *p->analysis;

        int choices = 0, without_intent = 0;
        for (const auto& node : s.nodes)
            for (const auto& choice : node.choices) {
                ++choices;
                if (!choice.intent) {
                    ++without_intent;
                    FAIL_CHECK(p->id << ": " << node.id << "/" << choice.id << " declares no intent");
                }
            }

        // No warning of any kind: this includes intent mismatches (SD3107) and repair detours (SD3108).
        const Diagnostics warnings = rubric_warnings(a);
        for (const auto& w : warnings) {
            FAIL_CHECK(format_diagnostic(w));
        }

        CHECK_MESSAGE(s.pass_mark.has_value(), p->id << " has no pass mark");
        for (const auto& dimension : s.dimensions) {
            for (const std::string& language : kLanguages) {
                CHECK_MESSAGE((dimension.title.by_language.count(language) && !dimension.title.get(language).empty()),
                              p->id << ": dimension '" << dimension.id << "' has no " << language << " title");
            }
        }
        CHECK(s.estimated_minutes >= 5);
        CHECK(s.estimated_minutes <= 20);

        const double guess = guessing_score(a);
        const double costly = costly_share(a);
        const std::string measured = measured_difficulty(guess);
        MESSAGE(p->id << ": " << choices << " choices (" << without_intent << " without intent), " << warnings.size()
                      << " warnings, pass mark " << (s.pass_mark ? fixed(*s.pass_mark, 0) : std::string("none")) << ", "
                      << s.estimated_minutes << " min, labelled " << s.difficulty << ", guessing score " << fixed(guess)
                      << " -> " << measured << "; wrong options that are mistakes or blunders: " << fixed(costly) << " %");
        if (s.difficulty != measured) {
            FAIL_CHECK(p->id << " is labelled " << s.difficulty << " but measures " << measured << " (guessing score "
                             << fixed(guess) << ")");
        }
    }
}
