#include "views/hints_used.hpp"

#include "views/format.hpp"

namespace salesdojo::gui {

std::string hints_used_text(const ViewContext& ctx, const Run& run) {
    if (run.hints.empty()) return {};
    std::string numbers;
    for (std::size_t decision : run.hints) {
        if (!numbers.empty()) numbers += ", ";
        numbers += std::to_string(decision + 1);
    }
    return printf_string(ctx.t(run.hints.size() == 1 ? "debrief.hint_used" : "debrief.hints_used"), numbers.c_str());
}

}  // namespace salesdojo::gui
