#pragma once
// What happened in one classroom run (docs/classroom.md), as plain data: per decision the options
// offered, how the room voted (hands and phones), what the trainer revealed, showed and confirmed.
// It lives in the core, next to Playthrough, because the classroom library writes it and the report
// and store layers (which sit below the classroom) read it. No names of trainees unless the trainer
// asked for them (ClassLog::names_requested).
#include <salesdojo/session.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo {

// How the votes of a decision came in.
enum class VoteChannel { Hands, Phones };
const char* vote_channel_id(VoteChannel channel);  // "hands", "phones"

struct NamedVote {
    std::string name;  // as the trainee typed it (only when the trainer asked for names)
    std::string choice_id;
};

struct ClassDecisionLog {
    std::string node_id;
    std::vector<std::string> option_ids;   // the options the room could vote on, in order
    std::vector<std::size_t> hand_votes;   // per option, typed by the trainer
    std::vector<std::size_t> phone_votes;  // per option, the last vote of each device
    bool vote_opened = false;
    bool tally_revealed = false;
    std::optional<std::string> majority_id;  // nullopt: a tie (or no votes), resolved by the trainer
    std::string chosen_id;                   // "" when the class stopped before confirming
    bool overridden = false;                 // the trainer confirmed another option than the majority
    bool feedback_revealed = false;
    std::vector<std::size_t> prompts_shown;  // indices into the node's discussion prompts, in order shown
    std::vector<NamedVote> named_votes;      // only when names were requested

    std::size_t votes(std::size_t option) const { return hand_votes.at(option) + phone_votes.at(option); }
    std::size_t total_votes() const;
};

constexpr int kClassLogFormat = 1;

struct ClassLog {
    std::string uid;  // identity of this class run (a UUID v4 from the caller)
    std::string scenario_id, scenario_version, content_hash;
    std::uint64_t seed = 0;
    std::string language;
    std::int64_t started_ms = 0, ended_ms = 0;  // Unix milliseconds, set by the caller
    bool names_requested = false;
    std::vector<ClassDecisionLog> decisions;  // one per decision reached, in order
    bool finished = false;
    std::string ending_node;  // "" until the run ends

    // The group's run: the confirmed choices, replayable like any attempt.
    Playthrough playthrough() const;
};

nlohmann::json class_log_to_json(const ClassLog& log);
// Checks every field's type and that per-option arrays match option_ids; nullopt with `error` set.
std::optional<ClassLog> class_log_from_json(const nlohmann::json& json, std::string& error);

}  // namespace salesdojo
