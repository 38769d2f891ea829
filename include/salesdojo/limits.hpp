#pragma once
// Limits on what a scenario may contain, each enforced by lint (the loader) so that a file that
// passes lint never hits one at play time. Documented in docs/scenario-format.md ("Limits").
// File size and nesting depth are SourceLimits (source.hpp); conditions have their own (expression.hpp).
#include <cstddef>

namespace salesdojo {

// Automatic nodes (`next`, `random`) a session follows in a row before it gives up as stuck (SD2019).
constexpr std::size_t kMaxAutomaticSteps = 100000;
// Bytes of one text (one translation): a node's line, a choice, feedback, a title (SD1010).
constexpr std::size_t kMaxTextBytes = 10000;
// Choices of one node (SD1010).
constexpr std::size_t kMaxChoicesPerNode = 100;
// Characters of any id (SD1010).
constexpr std::size_t kMaxIdLength = 128;
// Scenario files in one catalogue folder: the window offers the first ones by name, `lint` of a
// larger folder says so and exits 1.
constexpr std::size_t kMaxCatalogueFiles = 10000;

}  // namespace salesdojo
