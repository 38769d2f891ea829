#pragma once
// `salesdojo class FILE` (docs/classroom.md): runs a class from the terminal. It starts the phone
// voting server, prints the join address, code and QR code, and takes the trainer's commands on
// stdin, one per line (open, hands N COUNT, tally, reveal, prompt N, confirm [N], feedback, next,
// show, quit). The window's classroom view drives the same ClassRun.
#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace salesdojo::cli {

struct ClassOptions {
    std::string file;
    std::string address;   // "" = the first non-loopback IPv4 address, else 127.0.0.1
    int port = 0;          // 0 = any free port
    std::string language;  // "" = the scenario's first language
    bool names = false;
    bool phones = true;    // --hands-only: no server
    bool qr = true;
    std::uint64_t seed = 0;
    std::string report_html, report_csv;  // write the class report here at the end
    std::string log_json;                 // write the class log here at the end
    bool store = true;
    std::string database;
};

CLI::App* add_class_subcommand(CLI::App& app, ClassOptions& options);
int class_command(const ClassOptions& options);

}  // namespace salesdojo::cli
