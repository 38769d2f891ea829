#pragma once
// `salesdojo run --from NODE [--set var=value]... [--learn fact]...`: an author's playtest from any
// node (docs/authoring-playtest.md). A playtest is marked as one wherever it shows and never stored.
#include "commands.hpp"

#include <salesdojo/session.hpp>

#include <optional>
#include <string>

namespace salesdojo::cli {

// The start the options ask for: nullopt without --from; on a bad option (unknown node, variable or
// fact, a malformed --set, --resume with --from) prints "salesdojo run: ..." and sets `usage_error`.
std::optional<StartPoint> playtest_from_options(const RunOptions& options, const Scenario& scenario, bool& usage_error);

}  // namespace salesdojo::cli
