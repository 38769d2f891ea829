#pragma once
// The debrief as one self-contained HTML page (inline CSS, no scripts, no external files): scores
// with bars, the ending, the costliest decisions, the trainee's decisions and the best line.
// Labels in the interface language (ui_text), scenario texts in the debrief's language.
// (A candidate for the core next to debrief_markdown; it needs the interface strings only.)
#include <salesdojo/scoring.hpp>

#include <string>
#include <string_view>

namespace salesdojo::gui {

std::string debrief_html(const Debrief& debrief, const Scenario& scenario, std::string_view interface_language);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace salesdojo::gui
