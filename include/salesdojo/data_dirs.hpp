#pragma once
// Where the installed data (scenarios/, assets/fonts/) is: one search order for every program.
//
// Candidates, in this order (the first that holds the requested file wins):
//   1. $SALESDOJO_DATA_DIR                        explicit override (a checkout or an install's share/salesdojo)
//   2. the folder named in <exe dir>/salesdojo-data-dir
//                                                 a build tree: CMake writes the source folder there; never installed
//   3. <exe dir>/<relative>/                      the program's own prefix, e.g. bin/../share/salesdojo,
//                                                 for each relative path the build compiled in (GNUInstallDirs)
//   4. $XDG_DATA_HOME/salesdojo                   default ~/.local/share/salesdojo
//   5. each of $XDG_DATA_DIRS/salesdojo           default /usr/local/share:/usr/share
// The program's own prefix comes before the XDG folders so that a binary finds the data of its own
// version even when another version is installed system-wide; the XDG folders serve a binary moved
// away from its data. <exe dir> is the folder of /proc/self/exe (symbolic links resolved).
// The data folder has the source tree's layout: scenarios/ and assets/fonts/.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo {

// Everything the search depends on, so that tests can supply it.
struct DataDirInputs {
    std::optional<std::string> salesdojo_data_dir;  // $SALESDOJO_DATA_DIR (empty = unset)
    std::optional<std::string> xdg_data_home;       // $XDG_DATA_HOME
    std::optional<std::string> xdg_data_dirs;       // $XDG_DATA_DIRS (colon-separated)
    std::optional<std::string> home;                // $HOME, for the default of $XDG_DATA_HOME
    std::filesystem::path executable_dir;           // empty: unknown
    std::vector<std::string> relative_to_executable;  // e.g. "../share/salesdojo"
};

// The inputs of this process: its environment, /proc/self/exe and the relative paths compiled in.
DataDirInputs current_data_dir_inputs();

// The candidate folders in search order (see above); folders that do not exist are included.
std::vector<std::filesystem::path> data_dir_candidates(const DataDirInputs& inputs);

// The first candidate that holds `relative` (a file or a folder, e.g. "scenarios"); nullopt when none.
std::optional<std::filesystem::path> find_data_dir(const std::string& relative, const DataDirInputs& inputs);
std::optional<std::filesystem::path> find_data_dir(const std::string& relative);

// For messages: "not found in: A, B, C".
std::string describe_data_search(const std::string& relative, const DataDirInputs& inputs);

}  // namespace salesdojo
