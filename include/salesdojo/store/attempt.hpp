#pragma once
// From a played Session to an AttemptRecord, and back: re-scoring a stored attempt against the
// scenario as it is now (replaying its choice ids), and the content hash that says which bytes were
// played. (No core Playthrough value existed when this was written; when one does, these are the
// place to build from it.)
#include <salesdojo/scoring.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/store/results_store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::store {

// FNV-1a, 64 bit, of the bytes; as 16 lower-case hex digits. Not cryptographic: it tells versions
// of a file apart, nothing more.
std::uint64_t fnv1a64(std::string_view bytes);
std::string content_hash_hex(std::string_view bytes);
// content_hash_hex of a file's bytes; "" when it cannot be read.
std::string content_hash_of_file(const std::string& path);

std::int64_t now_ms();  // Unix time in milliseconds

struct AttemptContext {
    std::int64_t trainee_id = 0;
    std::string content_hash;
    std::string language;
    std::string mode;  // practice | assessment | scripted
    std::int64_t started_ms = 0;
    std::int64_t ended_ms = 0;
    std::vector<std::optional<double>> seconds;  // per decision; shorter = unknown for the rest
};

// The attempt as scored now: ids, verdicts, losses, raw totals and scores from `debrief`, which must
// be make_debrief(analysis, session, ...) of this session.
AttemptRecord make_attempt_record(const Session& session, const Debrief& debrief, const AttemptContext& context);

// Replays choice ids from the start with `seed`; nullopt with `error` naming the first decision that
// no longer fits (a removed choice, or one whose condition is now false).
std::optional<Session> replay_choice_ids(std::shared_ptr<const Scenario> scenario, std::uint64_t seed,
                                         const std::vector<std::string>& choice_ids, std::string& error);

// The stored attempt scored against `scenario` as it is now (same choices, same seed); the stored
// times and seconds are kept, the numbers are new. nullopt with `error` when the choices no longer
// replay (the stored attempt itself is still shown as it was scored).
std::optional<AttemptRecord> rescore_attempt(const AttemptRecord& stored, std::shared_ptr<const Scenario> scenario,
                                             const Analysis& analysis, std::string& error);

}  // namespace salesdojo::store
