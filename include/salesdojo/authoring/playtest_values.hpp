#pragma once
// The "with" field of the window's playtest (docs/authoring-window.md), the window's form of
// `run --set var=value --learn fact`: words separated by spaces or commas; `var=value` sets a
// variable, a bare word is a fact the trainee already knows. "trust=3, need_known".
#include <salesdojo/start_point.hpp>

#include <string>
#include <string_view>

namespace salesdojo::authoring {

// Adds the field's settings and facts to `setup`. On a word like "=3" or "trust=" returns false with
// `error` naming it; ids and values are checked later, by playtest_start.
bool add_playtest_values(std::string_view text, PlaytestSetup& setup, std::string& error);

}  // namespace salesdojo::authoring
