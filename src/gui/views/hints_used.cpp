#include "views/hints_used.hpp"

#include <salesdojo/report/debrief.hpp>

namespace salesdojo::gui {

std::string hints_used_text(const ViewContext& ctx, const Run& run) {
    // The same sentence as the saved Markdown and HTML debriefs (report::DebriefExtras).
    return report::hints_sentence(std::vector<std::size_t>(run.hints.begin(), run.hints.end()), ctx.language);
}

}  // namespace salesdojo::gui
