#pragma once
// Presenting a session as text or JSON: shared by the command line and the golden-transcript tests.
#include <salesdojo/session.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace salesdojo {

// The lines of one node as a reader sees them (speaker, narration, text), without the decision.
std::string format_node(const Scenario& scenario, const Node& node, std::string_view language);
// The decision taken at a transcript entry, "  > [id] text", plus a note for each assumed fact.
std::string format_decision(const Scenario& scenario, const TranscriptEntry& entry, std::string_view language);
// The whole transcript so far, then the totals.
std::string format_transcript(const Session& session, std::string_view language);
// "Totals: qualify +4, decline 0, bias -2, relationship +1 (weighted +3)".
std::string format_totals(const Session& session);

nlohmann::json transcript_to_json(const Session& session, std::string_view language);

}  // namespace salesdojo
