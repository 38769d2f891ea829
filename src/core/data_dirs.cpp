#include <salesdojo/data_dirs.hpp>

#include <cstdlib>
#include <fstream>
#include <system_error>

// Relative paths from the installed executables to the data folder, colon-separated, computed by
// CMake from GNUInstallDirs (bin -> share/salesdojo, libexec/salesdojo -> share/salesdojo).
#ifndef SALESDOJO_DATA_FROM_EXECUTABLE
#define SALESDOJO_DATA_FROM_EXECUTABLE "../share/salesdojo"
#endif

namespace salesdojo {
namespace fs = std::filesystem;
namespace {

constexpr const char* kMarkerFile = "salesdojo-data-dir";
constexpr const char* kSubfolder = "salesdojo";

std::optional<std::string> env(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

std::vector<std::string> split_colons(const std::string& text) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : text + ":") {
        if (c != ':') {
            part += c;
        } else if (!part.empty()) {
            parts.push_back(part);
            part.clear();
        }
    }
    return parts;
}

// The first line of the build tree's marker file, if there is one next to the executable.
std::optional<fs::path> build_tree_data_dir(const fs::path& executable_dir) {
    std::ifstream in(executable_dir / kMarkerFile);
    std::string line;
    if (!in || !std::getline(in, line) || line.empty()) return std::nullopt;
    return fs::path(line);
}

}  // namespace

DataDirInputs current_data_dir_inputs() {
    DataDirInputs inputs;
    inputs.salesdojo_data_dir = env("SALESDOJO_DATA_DIR");
    inputs.xdg_data_home = env("XDG_DATA_HOME");
    inputs.xdg_data_dirs = env("XDG_DATA_DIRS");
    inputs.home = env("HOME");
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) inputs.executable_dir = exe.parent_path();
    inputs.relative_to_executable = split_colons(SALESDOJO_DATA_FROM_EXECUTABLE);
    return inputs;
}

std::vector<fs::path> data_dir_candidates(const DataDirInputs& inputs) {
    std::vector<fs::path> candidates;
    if (inputs.salesdojo_data_dir && !inputs.salesdojo_data_dir->empty()) candidates.emplace_back(*inputs.salesdojo_data_dir);
    if (!inputs.executable_dir.empty()) {
        if (auto build_tree = build_tree_data_dir(inputs.executable_dir)) candidates.push_back(*build_tree);
        for (const auto& relative : inputs.relative_to_executable)
            candidates.push_back((inputs.executable_dir / relative).lexically_normal());
    }
    // XDG Base Directory Specification: relative paths in the variables are invalid and ignored.
    if (inputs.xdg_data_home && fs::path(*inputs.xdg_data_home).is_absolute()) {
        candidates.push_back(fs::path(*inputs.xdg_data_home) / kSubfolder);
    } else if (inputs.home && !inputs.home->empty()) {
        candidates.push_back(fs::path(*inputs.home) / ".local/share" / kSubfolder);
    }
    const std::string dirs = inputs.xdg_data_dirs && !inputs.xdg_data_dirs->empty() ? *inputs.xdg_data_dirs
                                                                                   : "/usr/local/share:/usr/share";
    for (const auto& dir : split_colons(dirs))
        if (fs::path(dir).is_absolute()) candidates.push_back(fs::path(dir) / kSubfolder);
    return candidates;
}

std::optional<fs::path> find_data_dir(const std::string& relative, const DataDirInputs& inputs) {
    for (const auto& candidate : data_dir_candidates(inputs)) {
        std::error_code error;
        if (fs::exists(candidate / relative, error)) return candidate;
    }
    return std::nullopt;
}

std::optional<fs::path> find_data_dir(const std::string& relative) {
    return find_data_dir(relative, current_data_dir_inputs());
}

std::string describe_data_search(const std::string& relative, const DataDirInputs& inputs) {
    std::string text = relative + " not found in:";
    const auto candidates = data_dir_candidates(inputs);
    for (std::size_t i = 0; i < candidates.size(); ++i) text += (i ? ", " : " ") + candidates[i].string();
    if (candidates.empty()) text += " (no candidate folder)";
    return text + " (set SALESDOJO_DATA_DIR to the folder that holds it)";
}

}  // namespace salesdojo
