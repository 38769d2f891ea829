#pragma once
// A scenario whose every player-visible text has been through to_drawable_text() (emoji become
// readable fallbacks, decomposed accents are composed, invisible characters dropped), made once when
// the scenario is loaded so that no view ever converts text per frame. Ids, rubric and graph are
// unchanged, so sessions and scores are identical to those of the original.
#include <salesdojo/scenario.hpp>
#include <salesdojo/scoring.hpp>

#include <memory>

namespace salesdojo::gui {

std::shared_ptr<const Scenario> make_drawable(const Scenario& scenario);

// The same for the sentences the core writes into a debrief (they may use U+2212 and other
// characters our fonts lack). Call once when the debrief is made.
Debrief make_drawable(Debrief debrief);

}  // namespace salesdojo::gui
