// `salesdojo graph`: the node graph as Graphviz DOT, or as SVG through Graphviz's `dot`.
#include "authoring_output.hpp"
#include "commands.hpp"

#include <salesdojo/graph_facts.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/report/graph_dot.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace salesdojo::cli {
namespace {

// The first `dot` on PATH, or "".
std::string find_dot() {
    const char* path = std::getenv("PATH");
    std::string rest = path ? path : "/usr/bin:/bin";
    std::size_t begin = 0;
    while (begin <= rest.size()) {
        std::size_t end = rest.find(':', begin);
        if (end == std::string::npos) end = rest.size();
        std::string candidate = (end > begin ? rest.substr(begin, end - begin) : ".") + "/dot";
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        begin = end + 1;
    }
    return "";
}

// Runs `dot -Tsvg` on `dot_text`, writing to `out` (stdout when empty). Returns false with a message.
bool render_svg(const std::string& dot, const std::string& dot_text, const std::string& out) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path input = fs::temp_directory_path(ec) / ("salesdojo-graph-" + std::to_string(::getpid()) + ".dot");
    {
        std::ofstream file(input, std::ios::binary | std::ios::trunc);
        file << dot_text;
        if (!file) {
            std::cerr << "salesdojo graph: cannot write the temporary file '" << input.string() << "'\n";
            return false;
        }
    }
    std::vector<std::string> args = {dot, "-Tsvg", input.string()};
    if (!out.empty()) args.insert(args.end(), {"-o", out});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout << std::flush;
    pid_t pid = 0;
    int status = 0;
    const int spawned = posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv.data(), environ);
    if (spawned == 0) waitpid(pid, &status, 0);
    fs::remove(input, ec);
    if (spawned != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::cerr << "salesdojo graph: '" << dot << " -Tsvg' failed" << (spawned != 0 ? " to start" : "") << "\n";
        return false;
    }
    return true;
}

}  // namespace

int graph_command(const GraphOptions& options) {
    LoadResult loaded = load_scenario_file(options.file);
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << "\n";
    const auto& scenario = loaded.ok() ? loaded.scenario : loaded.graph_draft;
    if (!scenario) {
        std::cerr << "salesdojo graph: '" << options.file << "' has errors outside its node graph; no graph drawn\n";
        return kExitProblems;
    }
    const std::string language = options.language.empty() ? scenario->default_language() : options.language;
    const std::string dot_text = report::graph_dot(*scenario, graph_facts(*scenario), language);
    if (options.svg) {
        const std::string dot = find_dot();
        if (dot.empty()) {
            std::cerr << "salesdojo graph: --svg needs Graphviz's 'dot', which is not installed (Debian: "
                         "apt-get install graphviz). Without --svg the DOT text is written instead, for any "
                         "Graphviz viewer.\n";
            return kExitProblems;
        }
        if (!render_svg(dot, dot_text, options.out)) return kExitProblems;
    } else if (!write_output("graph", options.out, dot_text)) {
        return kExitProblems;
    }
    return loaded.ok() ? kExitOk : kExitProblems;
}

}  // namespace salesdojo::cli
