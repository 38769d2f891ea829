#pragma once
// Hostile or merely large scenario files from issue 9, generated (never committed): each names what
// it stresses. `salesdojo_bench --hostile` times loading (and, where it says so, analysing or undoing)
// each of them; `--hostile --write DIR` writes them out for the command line.
#include <functional>
#include <string>
#include <vector>

namespace salesdojo::bench {

enum class HostileAction { Load, Analyze, Undo };

struct HostileFile {
    std::string name;                  // also the file name, with ".json"
    std::string what;                  // one line: what it stresses
    HostileAction action = HostileAction::Load;
    std::function<std::string()> text; // generated on demand (some are 31 MiB)
};

std::vector<HostileFile> hostile_files();

}  // namespace salesdojo::bench
