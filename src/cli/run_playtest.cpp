// See run_playtest.hpp.
#include "run_playtest.hpp"

#include <iostream>

namespace salesdojo::cli {

std::optional<StartPoint> playtest_from_options(const RunOptions& options, const Scenario& scenario, bool& usage_error) {
    usage_error = false;
    if (options.from.empty()) return std::nullopt;
    const auto fail = [&](const std::string& message) {
        std::cerr << "salesdojo run: " << message << "\n";
        usage_error = true;
        return std::nullopt;
    };
    if (options.resume) return fail("--resume continues a stored run; a playtest (--from) is never stored");
    PlaytestSetup setup;
    setup.node = options.from;
    for (const auto& item : options.set) {
        const auto equals = item.find('=');
        if (equals == std::string::npos || equals == 0)
            return fail("--set takes VARIABLE=VALUE, not '" + item + "'");
        setup.set.emplace_back(item.substr(0, equals), item.substr(equals + 1));
    }
    setup.learn = options.learn;
    std::string error;
    auto start = playtest_start(scenario, setup, error);
    if (!start) return fail(error);
    return start;
}

}  // namespace salesdojo::cli
