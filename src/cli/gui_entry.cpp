#include "gui_entry.hpp"

#ifdef SALESDOJO_HAS_GUI
#include "gui_main.hpp"

namespace salesdojo::cli {

int gui_command(const GuiCommandOptions& options) {
    gui::GuiOptions gui;
    gui.scenario_file = options.file;
    gui.language = options.language;
    gui.mode = options.mode;
    return gui::run_gui(gui);
}

}  // namespace salesdojo::cli
#endif
