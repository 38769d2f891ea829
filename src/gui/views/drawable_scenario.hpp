#pragma once
// A scenario whose every player-visible text has been through to_drawable_text() (emoji become
// readable fallbacks, decomposed accents are composed, invisible characters dropped), made once when
// the scenario is loaded so that no view ever converts text per frame. Ids, rubric and graph are
// unchanged, so sessions and scores are identical to those of the original.
#include <salesdojo/scenario.hpp>

#include <memory>

namespace salesdojo::gui {

std::shared_ptr<const Scenario> make_drawable(const Scenario& scenario);

}  // namespace salesdojo::gui
