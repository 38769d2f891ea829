#pragma once
// A session as the trainee reads it (text, in the chosen language, no ids) and as JSON for tools
// (ids). Shared by the terminal player, `run --choices` and the golden-transcript tests.
#include <salesdojo/report/names.hpp>
#include <salesdojo/session.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace salesdojo::report {

// The lines of one node (narration, speaker with expression, text; an ending's title and outcome).
std::string node_text(const Scenario& scenario, const Node& node, const Languages& languages);
// The decision taken at a transcript entry, "  > text", and a note for each unsupported assumption.
std::string decision_text(const Scenario& scenario, const TranscriptEntry& entry, const Languages& languages);
// "Totals: Qualifying +4, Avoiding bias -2 (weighted +3)".
std::string totals_text(const Session& session, const Languages& languages);
// "** Playtest from "first words of the node..." (not stored) **" for a playtest, else "".
std::string playtest_header(const Session& session, const Languages& languages);
// The whole transcript so far (after the playtest header), a note when it is stuck, then the totals.
std::string transcript_text(const Session& session, const Languages& languages);

nlohmann::json transcript_json(const Session& session, std::string_view language);

}  // namespace salesdojo::report
