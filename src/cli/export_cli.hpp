#pragma once
// The `export` and `report` subcommands' options and help (kept out of main.cpp, which only
// registers them).
#include "commands.hpp"

#include <CLI/CLI.hpp>

namespace salesdojo::cli {

CLI::App* add_export_command(CLI::App& app, ExportOptions& options);
CLI::App* add_report_command(CLI::App& app, ReportOptions& options);

}  // namespace salesdojo::cli
