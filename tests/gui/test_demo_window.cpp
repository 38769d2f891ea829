// The real window (needs an X display). Skipped by default, so ctest never opens a window; run by
// scripts/gui_smoke_demo.sh as
//   SALESDOJO_SCREENSHOT=out.png salesdojo_gui_tests --no-skip --test-case='demo window*'
// (`salesdojo` with no subcommand opens the same window; tests/smoke/gui_demo.sh uses that).
#include "gui_main.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

TEST_CASE("demo window: run_gui opens, draws and (with SALESDOJO_SCREENSHOT) exits" * doctest::skip()) {
    salesdojo::gui::GuiOptions options;
    if (const char* language = std::getenv("SALESDOJO_LANGUAGE")) options.language = language;
    CHECK(salesdojo::gui::run_gui(options) == 0);
}
