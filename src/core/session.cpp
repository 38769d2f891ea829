#include <salesdojo/session.hpp>
#include <salesdojo/limits.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <filesystem>
#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#endif

namespace salesdojo {
namespace {

// splitmix64: tiny, well-mixed and specified bit for bit, so draws match on every platform.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}


#if defined(__unix__) || defined(__APPLE__)
// Removes "<target>.tmp-<pid>" files left by writers that died before their rename (their process no
// longer exists); a live writer's file is left alone.
void remove_stale_temporaries(const std::filesystem::path& target) {
    namespace fs = std::filesystem;
    const std::string prefix = target.filename().string() + ".tmp-";
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string digits = name.substr(prefix.size());
        if (digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) continue;
        const pid_t pid = static_cast<pid_t>(std::stol(digits));
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
        std::error_code ignored;
        fs::remove(it->path(), ignored);
    }
}
#endif

void contract(bool condition, const char* message) {
    // Misuse of the API by our own code: fail loudly in every build type.
    if (!condition) throw std::logic_error(message);
}

// A node reference that a loaded scenario always has (the loader refuses a missing or unknown one).
int target_of(const std::optional<int>& next) {
    contract(next.has_value(), "Session needs every 'next' resolved (a scenario the loader accepted)");
    return *next;
}

}  // namespace

int draw_random_branch(const Node& node, std::uint64_t seed, std::size_t position) {
    std::uint64_t total = 0;
    for (const auto& branch : node.random) total += static_cast<std::uint64_t>(branch.weight);
    if (total == 0) return 0;
    std::uint64_t ticket = mix(seed ^ mix(static_cast<std::uint64_t>(position))) % total;
    for (std::size_t i = 0; i < node.random.size(); ++i) {
        auto weight = static_cast<std::uint64_t>(node.random[i].weight);
        if (ticket < weight) return static_cast<int>(i);
        ticket -= weight;
    }
    return static_cast<int>(node.random.size()) - 1;
}

Session::Session(std::shared_ptr<const Scenario> scenario, std::uint64_t seed)
    : m_scenario(std::move(scenario)), m_seed(seed) {
    contract(m_scenario != nullptr, "Session needs a loaded scenario");
    m_start = scenario_start(*m_scenario);
    reset();
}

Session::Session(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, StartPoint start)
    : m_scenario(std::move(scenario)), m_seed(seed), m_start(std::move(start)), m_playtest(true) {
    contract(m_scenario != nullptr, "Session needs a loaded scenario");
    contract(m_start.node >= 0 && static_cast<std::size_t>(m_start.node) < m_scenario->nodes.size(),
             "Session playtest start names a node outside the scenario");
    contract(m_start.values.size() == static_cast<std::size_t>(m_scenario->slot_count()),
             "Session playtest start needs one value per variable and fact");
    reset();
}

void Session::restart() { reset(); }

void Session::reset() {
    m_values.assign(m_start.values.begin(), m_start.values.end());
    m_tallies.assign(m_scenario->dimensions.size(), 0);
    m_transcript.clear();
    m_decisions.clear();
    m_undo.clear();
    m_transcript.push_back({m_start.node, std::nullopt, std::nullopt, {}});
    m_state = SessionState::AwaitingChoice;
    advance();
}

const Node& Session::current() const {
    return m_scenario->nodes[static_cast<std::size_t>(current_node_index())];
}

std::vector<ChoiceOption> Session::options() const {
    std::vector<ChoiceOption> result;
    options(result);
    return result;
}

void Session::options(std::vector<ChoiceOption>& out) const {
    if (m_state == SessionState::Finished) {
        out.clear();
        return;
    }
    const Node& node = current();
    // resize, not clear + push_back: the elements (and their unsupported_facts buffers) are reused.
    out.resize(node.choices.size());
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
        const Choice& c = node.choices[i];
        ChoiceOption& option = out[i];
        option.index = static_cast<int>(i);
        option.choice = &c;
        option.available = c.condition.empty() || c.condition.evaluate(m_values.data());
        option.unsupported_facts.clear();
        for (int fact : c.requires_facts)
            if (!knows(fact)) option.unsupported_facts.push_back(fact);
    }
}

std::size_t Session::available_choices(int* out, std::size_t capacity) const {
    if (m_state != SessionState::AwaitingChoice) return 0;
    const Node& node = current();
    const std::int32_t* values = m_values.data();
    std::size_t count = 0;
    for (std::size_t i = 0; i < node.choices.size(); ++i) {
        const Expression& condition = node.choices[i].condition;
        if (!condition.empty() && !condition.evaluate(values)) continue;
        if (count < capacity) out[count] = static_cast<int>(i);
        ++count;
    }
    return std::min(count, capacity);
}

void Session::apply(const Choice& choice, TranscriptEntry& entry) {
    const Scenario& s = *m_scenario;
    for (int fact : choice.requires_facts) {
        if (knows(fact)) continue;
        entry.assumed_facts.push_back(fact);
        if (s.assumption_dimension)
            m_tallies[static_cast<std::size_t>(*s.assumption_dimension)] -= s.assumption_penalty;
    }
    for (const auto& effect : choice.score) m_tallies[static_cast<std::size_t>(effect.dimension)] += effect.amount;
    apply_choice_effects(s, choice, m_values.data());
}

void Session::choose(int choice_index) {
    contract(m_state == SessionState::AwaitingChoice, "Session::choose called when no decision is awaited");
    const Node& node = current();
    contract(choice_index >= 0 && static_cast<std::size_t>(choice_index) < node.choices.size(),
             "Session::choose called with a choice index outside the current node");
    const Choice& choice = node.choices[static_cast<std::size_t>(choice_index)];
    contract(choice.condition.empty() || choice.condition.evaluate(m_values.data()),
             "Session::choose called with an unavailable choice");
    TranscriptEntry& entry = m_transcript.back();
    entry.choice = choice_index;
    // What undo needs to put back: the values and tallies this choice may change.
    UndoRecord record;
    record.entry = m_transcript.size() - 1;
    for (const auto& effect : choice.effects)
        record.values.emplace_back(effect.variable, m_values[static_cast<std::size_t>(effect.variable)]);
    for (int fact : choice.learns) {
        const int slot = m_scenario->fact_slot(fact);
        record.values.emplace_back(slot, m_values[static_cast<std::size_t>(slot)]);
    }
    if (m_scenario->assumption_dimension) {
        const auto d = static_cast<std::size_t>(*m_scenario->assumption_dimension);
        record.tallies.emplace_back(d, m_tallies[d]);
    }
    for (const auto& effect : choice.score) {
        const auto d = static_cast<std::size_t>(effect.dimension);
        record.tallies.emplace_back(d, m_tallies[d]);
    }
    m_undo.push_back(std::move(record));
    apply(choice, entry);
    m_decisions.push_back(choice_index);
    m_transcript.push_back({target_of(choice.next), std::nullopt, std::nullopt, {}});
    advance();
}

void Session::advance() {
    for (std::size_t steps = 0;; ++steps) {
        const Node& node = current();
        switch (node.kind) {
            case NodeKind::Ending:
                for (const auto& effect : node.ending.score) m_tallies[static_cast<std::size_t>(effect.dimension)] += effect.amount;
                m_state = SessionState::Finished;
                return;
            case NodeKind::Choices: {
                bool any = node.has_unconditional_choice ||
                           std::any_of(node.choices.begin(), node.choices.end(), [&](const Choice& c) {
                               return c.condition.empty() || c.condition.evaluate(m_values.data());
                           });
                m_state = any ? SessionState::AwaitingChoice : SessionState::Stuck;
                return;
            }
            case NodeKind::Continue:
                m_transcript.push_back({target_of(node.next), std::nullopt, std::nullopt, {}});
                break;
            case NodeKind::Random: {
                int branch = draw_random_branch(node, m_seed, m_transcript.size() - 1);
                m_transcript.back().random_branch = branch;
                m_transcript.push_back({target_of(node.random[static_cast<std::size_t>(branch)].next), std::nullopt, std::nullopt, {}});
                break;
            }
        }
        // A longer chain is treated as stuck rather than looping for ever (lint refuses one: SD2019).
        if (steps >= kMaxAutomaticSteps) {
            m_state = SessionState::Stuck;
            return;
        }
    }
}

std::optional<int> Session::find_choice(std::string_view id_or_number) const {
    if (m_state != SessionState::AwaitingChoice) return std::nullopt;
    const Node& node = current();
    for (std::size_t i = 0; i < node.choices.size(); ++i)
        if (node.choices[i].id == id_or_number) return static_cast<int>(i);
    if (!id_or_number.empty() && id_or_number.size() <= 3 &&
        std::all_of(id_or_number.begin(), id_or_number.end(), [](unsigned char c) { return std::isdigit(c); })) {
        int number = std::stoi(std::string(id_or_number));
        if (number >= 1 && static_cast<std::size_t>(number) <= node.choices.size()) return number - 1;
    }
    return std::nullopt;
}

// Undo puts back what the last decision changed (its UndoRecord) instead of replaying every
// decision before it from the start: replaying made taking back n decisions one by one cost n^2/2
// choices (20,000 undos: 16 s). The result is the state a replay of the kept decisions gives
// (tests/test_session.cpp checks that on random play).
void Session::undo() {
    if (m_decisions.empty()) return;
    const UndoRecord& record = m_undo.back();
    for (auto it = record.values.rbegin(); it != record.values.rend(); ++it)
        m_values[static_cast<std::size_t>(it->first)] = it->second;
    for (auto it = record.tallies.rbegin(); it != record.tallies.rend(); ++it) m_tallies[it->first] = it->second;
    m_transcript.resize(record.entry + 1);
    TranscriptEntry& entry = m_transcript.back();
    entry.choice.reset();
    entry.assumed_facts.clear();
    m_undo.pop_back();
    m_decisions.pop_back();
    m_state = SessionState::AwaitingChoice;  // a decision was awaited here
}

void Session::undo_to(std::size_t decisions) {
    contract(decisions <= m_decisions.size(), "Session::undo_to beyond the decisions taken");
    if (decisions == 0) {  // a restart
        reset();
        return;
    }
    while (m_decisions.size() > decisions) undo();
}

std::vector<std::string> Session::decision_ids() const {
    std::vector<std::string> ids;
    for (const auto& entry : m_transcript)
        if (entry.choice)
            ids.push_back(m_scenario->nodes[static_cast<std::size_t>(entry.node)].choices[static_cast<std::size_t>(*entry.choice)].id);
    return ids;
}

double Session::weighted_total() const {
    double total = 0.0;
    for (std::size_t i = 0; i < m_tallies.size(); ++i) total += m_scenario->dimensions[i].weight * m_tallies[i];
    return total;
}

nlohmann::json save_session(const Session& session) {
    return {
        {"save_format", kSaveFormat},
        {"scenario_id", session.scenario().id},
        {"scenario_version", session.scenario().version},
        {"seed", session.seed()},
        {"decisions", session.decision_ids()},
    };
}

std::optional<Session> restore_session(std::shared_ptr<const Scenario> scenario,
                                       const nlohmann::json& save, std::string& error) {
    if (!save.is_object()) { error = "a save must be a JSON object"; return std::nullopt; }
    auto format = save.find("save_format");
    if (format == save.end() || !format->is_number_integer() || format->get<std::int64_t>() != kSaveFormat) {
        error = "unsupported save_format (this SalesDojo reads save_format " + std::to_string(kSaveFormat) + ")";
        return std::nullopt;
    }
    auto id = save.find("scenario_id");
    if (id == save.end() || !id->is_string() || id->get<std::string>() != scenario->id) {
        error = "this save belongs to another scenario";
        return std::nullopt;
    }
    auto version = save.find("scenario_version");
    if (version == save.end() || !version->is_string() || version->get<std::string>() != scenario->version) {
        error = "this save was made with another version of the scenario";
        return std::nullopt;
    }
    auto seed = save.find("seed");
    auto decisions = save.find("decisions");
    bool seed_ok = seed != save.end() && seed->is_number_integer() && (seed->is_number_unsigned() || seed->get<std::int64_t>() >= 0);
    if (!seed_ok || decisions == save.end() || !decisions->is_array()) {
        error = "a save needs 'seed' (a non-negative integer) and 'decisions' (an array of choice ids)";
        return std::nullopt;
    }
    Session session(std::move(scenario), seed->get<std::uint64_t>());
    for (std::size_t i = 0; i < decisions->size(); ++i) {
        const auto& d = (*decisions)[i];
        std::optional<int> choice;
        if (d.is_string() && session.state() == SessionState::AwaitingChoice) {
            for (const auto& option : session.options())
                if (option.choice->id == d.get_ref<const std::string&>() && option.available) choice = option.index;
        }
        if (!choice) {
            error = "decision " + std::to_string(i + 1) + " (" + d.dump() + ") cannot be replayed at node '" +
                    session.current().id + "'";
            return std::nullopt;
        }
        session.choose(*choice);
    }
    return session;
}

Playthrough Session::playthrough() const {
    Playthrough p{m_scenario->id, m_scenario->version, m_scenario->content_hash, m_seed, decision_ids(), std::nullopt};
    if (m_playtest) p.start = m_start;
    return p;
}

std::optional<Session> replay_playthrough(std::shared_ptr<const Scenario> scenario, const Playthrough& playthrough,
                                          std::string& error) {
    if (playthrough.scenario_id != scenario->id) { error = "this run belongs to another scenario ('" + playthrough.scenario_id + "')"; return std::nullopt; }
    if (playthrough.scenario_version != scenario->version) { error = "this run was made with version " + playthrough.scenario_version + " of the scenario"; return std::nullopt; }
    if (!playthrough.content_hash.empty() && playthrough.content_hash != scenario->content_hash) {
        error = "this run was made with other content of the scenario (hash " + playthrough.content_hash + ")";
        return std::nullopt;
    }
    if (playthrough.start) {
        const StartPoint& start = *playthrough.start;
        if (start.node < 0 || static_cast<std::size_t>(start.node) >= scenario->nodes.size() ||
            start.values.size() != static_cast<std::size_t>(scenario->slot_count())) {
            error = "this playtest's start does not fit the scenario";
            return std::nullopt;
        }
    }
    Session session = playthrough.start ? Session(std::move(scenario), playthrough.seed, *playthrough.start)
                                        : Session(std::move(scenario), playthrough.seed);
    for (std::size_t i = 0; i < playthrough.choices.size(); ++i) {
        std::optional<int> choice;
        if (session.state() == SessionState::AwaitingChoice) {
            const Node& node = session.current();
            for (std::size_t c = 0; c < node.choices.size(); ++c)
                if (node.choices[c].id == playthrough.choices[i] &&
                    (node.choices[c].condition.empty() || node.choices[c].condition.evaluate(session.values().data())))
                    choice = static_cast<int>(c);
        }
        if (!choice) {
            error = "decision " + std::to_string(i + 1) + " ('" + playthrough.choices[i] + "') cannot be made at node '" + session.current().id + "'";
            return std::nullopt;
        }
        session.choose(*choice);
    }
    return session;
}

nlohmann::json playthrough_to_json(const Playthrough& p) {
    nlohmann::json j = {{"scenario_id", p.scenario_id}, {"scenario_version", p.scenario_version},
                        {"content_hash", p.content_hash}, {"seed", p.seed}, {"choices", p.choices}};
    if (p.start) j["start"] = {{"node", p.start->node}, {"values", p.start->values}};
    return j;
}

std::optional<Playthrough> playthrough_from_json(const nlohmann::json& j, std::string& error) {
    auto text = [&](const char* key, std::string& out) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string()) { error = std::string("a playthrough needs '") + key + "' (a string)"; return false; }
        out = it->get<std::string>();
        return true;
    };
    if (!j.is_object()) { error = "a playthrough must be a JSON object"; return std::nullopt; }
    Playthrough p;
    if (!text("scenario_id", p.scenario_id) || !text("scenario_version", p.scenario_version) || !text("content_hash", p.content_hash))
        return std::nullopt;
    auto seed = j.find("seed");
    if (seed == j.end() || !seed->is_number_unsigned()) { error = "a playthrough needs 'seed' (a non-negative integer)"; return std::nullopt; }
    p.seed = seed->get<std::uint64_t>();
    auto choices = j.find("choices");
    if (choices == j.end() || !choices->is_array()) { error = "a playthrough needs 'choices' (an array of choice ids)"; return std::nullopt; }
    for (const auto& c : *choices) {
        if (!c.is_string()) { error = "every entry of 'choices' must be a choice id (a string)"; return std::nullopt; }
        p.choices.push_back(c.get<std::string>());
    }
    if (auto start = j.find("start"); start != j.end()) {
        const auto node = start->is_object() ? start->find("node") : start->end();
        const auto values = start->is_object() ? start->find("values") : start->end();
        const auto is_int32 = [](const nlohmann::json& v) {
            return v.is_number_integer() && v.get<std::int64_t>() >= INT32_MIN && v.get<std::int64_t>() <= INT32_MAX;
        };
        if (!start->is_object() || node == start->end() || !node->is_number_integer() || node->get<std::int64_t>() < 0 || node->get<std::int64_t>() > INT32_MAX ||
            values == start->end() || !values->is_array() || !std::all_of(values->begin(), values->end(), is_int32)) {
            error = "a playthrough's 'start' needs 'node' (a node index) and 'values' (an array of integers)";
            return std::nullopt;
        }
        StartPoint point{node->get<int>(), {}};
        for (const auto& v : *values) point.values.push_back(v.get<std::int32_t>());
        p.start = std::move(point);
    }
    return p;
}

bool write_file_atomically(const std::string& path, const std::string& contents, std::string& error) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path temporary = target;
    temporary += ".tmp-" + std::to_string(static_cast<long>(::getpid()));
    {
        std::FILE* file = std::fopen(temporary.string().c_str(), "wb");
        if (!file) { error = "cannot write " + temporary.string(); return false; }
        bool ok = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
        ok = std::fflush(file) == 0 && ok;
#if defined(__unix__) || defined(__APPLE__)
        ok = ::fsync(::fileno(file)) == 0 && ok;
#endif
        ok = std::fclose(file) == 0 && ok;
        if (!ok) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            error = "cannot write " + temporary.string() + " (disk full?)";
            return false;
        }
    }
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) {
        std::error_code ignored;  // the rename's error is the one to report, not the clean-up's
        fs::remove(temporary, ignored);
        error = "cannot replace " + path + ": " + ec.message();
        return false;
    }
#if defined(__unix__) || defined(__APPLE__)
    // The rename is durable only once the folder's entry is on disk too.
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    remove_stale_temporaries(target);
#endif
    return true;
}

}  // namespace salesdojo
