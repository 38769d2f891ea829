#include "views/intent.hpp"

namespace salesdojo::gui {

const char* mode_id(Mode mode) { return mode == Mode::Assessment ? "assessment" : "practice"; }

Mode mode_from_id(const std::string& id) { return id == "assessment" ? Mode::Assessment : Mode::Practice; }

}  // namespace salesdojo::gui
