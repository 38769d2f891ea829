#pragma once
// Sentences the play screen (and any other player) shows while a run is under way: why an option
// cannot be chosen now, the unsupported-assumption charge as it happens, and a practice hint.
// Fact, dimension and principle names come from the scenario (names.hpp); never a raw id.
#include <salesdojo/analysis.hpp>
#include <salesdojo/condition_reason.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/report/names.hpp>

#include <string>
#include <vector>

namespace salesdojo::report {

// "A", "A and B", "A, B and C" (Dutch "en"), each item in curly quotes.
std::string quoted_list(const std::vector<std::string>& items, std::string_view language);

// One or two sentences: what to find out first, which known fact rules the option out, or that it
// depends on how the conversation went (variables have no names a trainee could read).
std::string unavailable_reason(const Scenario& scenario, const UnmetCondition& unmet, const Languages& languages);

// "Unsupported assumption: X was not established (Avoiding bias -2)", one line per fact assumed.
std::vector<std::string> assumption_lines(const Scenario& scenario, const std::vector<int>& facts,
                                          const Languages& languages);

// A practice hint: the principles at stake at the session's current decision, without naming an
// option. The principles the best option (the analysis' policy) cites; when it cites none, those
// any option here cites; empty when the node cites none or the state is not in the analysis.
std::vector<int> hint_principles(const Analysis& analysis, const Session& session);

}  // namespace salesdojo::report
