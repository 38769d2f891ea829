// The GUI test runner: headless Dear ImGui (no window, no GL) plus the platform layer's event
// translation. See headless.hpp for the ImGui context used by the tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
