#pragma once
// The mutable side of a playthrough: where we are, what is known, what was scored, what happened.
// A Session is fully determined by (scenario, seed, decisions): undo and restore replay them.
#include <salesdojo/scenario.hpp>
#include <salesdojo/start_point.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace salesdojo {

// One visited node; for a choice node, the decision taken there (if any yet).
struct TranscriptEntry {
    int node = 0;
    std::optional<int> choice;         // index into node.choices, for a decision taken here
    std::optional<int> random_branch;  // index into node.random, for a random node
    std::vector<int> assumed_facts; // facts the choice required but were not yet known
};

struct ChoiceOption {
    int index = 0;
    const Choice* choice = nullptr;
    bool available = true;              // condition holds (the view decides to hide or grey)
    std::vector<int> unsupported_facts; // required facts not known yet: choosing would be an assumption
};

// What a run is, as plain data (docs/scoring.md#playthroughs): enough to rebuild the Session and its
// debrief on any machine. `content_hash` is the scenario file's FNV-1a 64 (Scenario::content_hash).
struct Playthrough {
    std::string scenario_id;
    std::string scenario_version;
    std::string content_hash;
    std::uint64_t seed = 0;
    std::vector<std::string> choices;  // choice ids, in the order they were made
    // A playtest's start (an author's run from any node); nullopt for a real run, the only kind
    // that is ever stored as an attempt.
    std::optional<StartPoint> start;
    bool playtest() const { return start.has_value(); }
};

enum class SessionState { AwaitingChoice, Finished, Stuck };  // Stuck: no available choice (a content bug)

class Session {
public:
    explicit Session(std::shared_ptr<const Scenario> scenario, std::uint64_t seed = 0);
    // A playtest: starts at `start` (playtest_start() builds one from ids) instead of the scenario's
    // start. Contract: the node exists and there is one value per slot (asserted).
    Session(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, StartPoint start);

    const Scenario& scenario() const { return *m_scenario; }
    const std::shared_ptr<const Scenario>& scenario_ptr() const { return m_scenario; }
    std::uint64_t seed() const { return m_seed; }
    // Where this session began; restart() goes back there. A playtest is never stored as an attempt.
    const StartPoint& start_point() const { return m_start; }
    bool is_playtest() const { return m_playtest; }

    SessionState state() const { return m_state; }
    bool finished() const { return m_state == SessionState::Finished; }
    int current_node_index() const { return m_transcript.back().node; }
    const Node& current() const;
    std::vector<ChoiceOption> options() const;
    // The same options into `out`, reusing its storage (no allocation once it has grown).
    void options(std::vector<ChoiceOption>& out) const;
    // The fastest way to list what may be chosen now: writes the indices of the available choices
    // of the current node, in order, to `out` (at most `capacity`; current().choices.size() is
    // always enough) and returns how many it wrote. 0 when the session is not awaiting a choice.
    // Never allocates.
    std::size_t available_choices(int* out, std::size_t capacity) const;

    // Contract: state() == AwaitingChoice and the option is available (asserted).
    void choose(int choice_index);
    // Finds a choice of the current node by id, or by its 1-based number among all options.
    std::optional<int> find_choice(std::string_view id_or_number) const;

    std::size_t decision_count() const { return m_decisions.size(); }
    bool can_undo() const { return !m_decisions.empty(); }
    void undo();                           // takes back the last decision
    void undo_to(std::size_t decisions);   // keeps the first `decisions` decisions
    void restart();                        // back to the start, same seed (no reallocation)

    const std::vector<TranscriptEntry>& transcript() const { return m_transcript; }
    const std::vector<int>& decisions() const { return m_decisions; }  // choice index per decision
    std::vector<std::string> decision_ids() const;
    Playthrough playthrough() const;  // this run as data: scenario id, version, hash, seed, choice ids
    const std::vector<std::int32_t>& values() const { return m_values; }
    bool knows(int fact) const { return m_values[static_cast<std::size_t>(m_scenario->fact_slot(fact))] != 0; }
    // Raw total per dimension. 64-bit: effects are at most 1000 a choice, so no number of decisions
    // a session can hold overflows it (an int did after about two million).
    const std::vector<std::int64_t>& tallies() const { return m_tallies; }
    double weighted_total() const;

private:
    void reset();
    void apply(const Choice& choice, TranscriptEntry& entry);
    void advance();  // follows automatic and random nodes until a decision or an ending

    std::shared_ptr<const Scenario> m_scenario;
    std::uint64_t m_seed;
    StartPoint m_start;
    bool m_playtest = false;
    SessionState m_state = SessionState::AwaitingChoice;
    std::vector<TranscriptEntry> m_transcript;
    std::vector<int> m_decisions;
    std::vector<std::int32_t> m_values;
    std::vector<std::int64_t> m_tallies;
    struct UndoRecord {
        std::size_t entry = 0;                                       // transcript entry of the decision
        std::vector<std::pair<int, std::int32_t>> values;            // slot, value before
        std::vector<std::pair<std::size_t, std::int64_t>> tallies;   // dimension, tally before
    };
    std::vector<UndoRecord> m_undo;  // one per decision
};

// The weighted draw for a random node at a given transcript position: a pure function, so the same
// seed gives the same story on every machine (no std:: distributions, whose output varies).
int draw_random_branch(const Node& node, std::uint64_t seed, std::size_t position);

// Saves: {"save_format": 1, "scenario_id", "scenario_version", "seed", "decisions": [choice ids]}.
constexpr int kSaveFormat = 1;
nlohmann::json save_session(const Session& session);
// Replays a save; on failure returns nullopt and sets `error` (wrong scenario, unknown choice, ...).
std::optional<Session> restore_session(std::shared_ptr<const Scenario> scenario,
                                       const nlohmann::json& save, std::string& error);

// Rebuilds the Session a Playthrough describes (from its playtest start when it has one). Fails
// (nullopt, `error` set) when it belongs to another scenario, version or content hash (an empty hash is not checked), or a choice cannot be made.
std::optional<Session> replay_playthrough(std::shared_ptr<const Scenario> scenario, const Playthrough& playthrough,
                                          std::string& error);
// {"scenario_id", "scenario_version", "content_hash", "seed", "choices"} and, for a playtest,
// "start": {"node": index, "values": [...]}; from_json checks the types.
nlohmann::json playthrough_to_json(const Playthrough& playthrough);
std::optional<Playthrough> playthrough_from_json(const nlohmann::json& json, std::string& error);

// Writes through a temporary file in the same folder and renames it over the target.
bool write_file_atomically(const std::string& path, const std::string& contents, std::string& error);

}  // namespace salesdojo
