// `salesdojo class`: a class run driven from the terminal (see class_command.hpp).
#include "class_command.hpp"

#include "commands.hpp"

#include <salesdojo/class_log.hpp>
#include <salesdojo/classroom/class_run.hpp>
#include <salesdojo/classroom/qr_code.hpp>
#include <salesdojo/classroom/vote_server.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/report/classroom_report.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/export_files.hpp>
#include <salesdojo/store/results_store.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <optional>
#include <sstream>

namespace salesdojo::cli {
namespace {

using namespace salesdojo::classroom;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void print_state(const ClassRun& run, std::ostream& out) {
    const TrainerView view = run.trainer();
    const AudienceView& room = view.audience;
    const Scenario& s = run.scenario();
    const std::string& lang = run.options().language;
    out << "phase: " << class_phase_id(room.phase) << "\n";
    if (room.phase == ClassPhase::Finished) {
        if (room.ending_node) out << "ending: " << s.nodes[static_cast<std::size_t>(*room.ending_node)].id << "\n";
        return;
    }
    const Node& node = s.nodes[static_cast<std::size_t>(room.node)];
    out << "decision " << room.decision + 1 << " (" << node.id << "): " << node.text.get(lang) << "\n";
    for (std::size_t i = 0; i < room.options.size(); ++i) {
        const Choice& c = node.choices[static_cast<std::size_t>(room.options[i])];
        out << "  " << i + 1 << ". " << c.text.get(lang) << "   [votes " << view.live_tally.votes(i)
            << (view.best == i ? ", best" : "") << "]\n";
    }
    if (!node.trainer_notes.empty()) out << "trainer notes: " << node.trainer_notes.get(lang) << "\n";
    for (std::size_t i = 0; i < node.discussion.size(); ++i)
        out << "prompt " << i + 1 << ": " << node.discussion[i].get(lang) << "\n";
    if (room.tally) out << "revealed tally: " << nlohmann::json(room.tally->hands).dump() << " hands, " << nlohmann::json(room.tally->phones).dump() << " phones\n";
    if (room.feedback_choice) {
        out << "feedback: " << node.choices[static_cast<std::size_t>(*room.feedback_choice)].feedback.get(lang) << "\n";
        if (room.verdict) out << "verdict: " << verdict_id(*room.verdict) << "\n";
    }
    for (int n : room.consequence) out << "then (" << s.nodes[static_cast<std::size_t>(n)].id << "): " << s.nodes[static_cast<std::size_t>(n)].text.get(lang) << "\n";
}

std::optional<std::size_t> one_based(std::istringstream& in) {
    long long n = 0;
    if (!(in >> n) || n < 1) return std::nullopt;
    return static_cast<std::size_t>(n - 1);
}

// One trainer command; false when the class should stop. Errors are printed, never thrown out.
bool apply(const std::string& line, LiveClass& live, std::ostream& out) {
    std::istringstream in(line);
    std::string command;
    in >> command;
    if (command.empty()) return true;
    if (command == "quit") return false;
    try {
        return live.with([&](ClassRun& run) {
            if (command == "open") {
                run.open_vote();
            } else if (command == "hands") {
                const auto option = one_based(in);
                long long count = -1;
                if (!option || !(in >> count) || count < 0 || *option >= run.offered().size()) {
                    out << "error: hands needs an option number (1.." << run.offered().size() << ") and a count\n";
                    return true;
                }
                run.set_hand_count(*option, static_cast<std::size_t>(count));
            } else if (command == "tally") {
                const Tally t = run.tally();
                out << nlohmann::json{{"hands", t.hands}, {"phones", t.phones}, {"version", run.tally_version()}}.dump() << "\n";
                return true;
            } else if (command == "reveal") {
                run.reveal_tally();
            } else if (command == "prompt") {
                const auto prompt = one_based(in);
                if (!prompt) {
                    out << "error: prompt needs a prompt number\n";
                    return true;
                }
                run.show_prompt(*prompt);
            } else if (command == "confirm") {
                if (const auto option = one_based(in)) {
                    if (*option >= run.offered().size()) {
                        out << "error: no option " << *option + 1 << "\n";
                        return true;
                    }
                    run.confirm(*option);
                } else if (!run.confirm_majority()) {
                    out << "error: a tie (or no votes): confirm N chooses the option\n";
                    return true;
                }
            } else if (command == "feedback") {
                run.reveal_feedback();
            } else if (command == "next") {
                run.next();
            } else if (command != "show") {
                out << "error: unknown command '" << command
                    << "' (open, hands N COUNT, tally, reveal, prompt N, confirm [N], feedback, next, show, quit)\n";
                return true;
            }
            print_state(run, out);
            return true;
        });
    } catch (const std::logic_error& e) {
        out << "error: not now (" << e.what() << ")\n";
        return true;
    }
}

}  // namespace

CLI::App* add_class_subcommand(CLI::App& app, ClassOptions& o) {
    auto* cmd = app.add_subcommand("class", "Run a class: the group votes by hands or phones, the trainer leads (commands on stdin)");
    cmd->add_option("file", o.file, "Scenario file (or: list, report ID)");
    cmd->add_option("--address", o.address, "The network address phones reach (default: this machine's first)");
    cmd->add_option("--port", o.port, "Port of the voting page (default: any free port)")->check(CLI::Range(0, 65535));
    cmd->add_option("--lang", o.language, "Language of the texts")->check(CLI::IsMember({"nl", "en"}));
    cmd->add_flag("--names", o.names, "Ask trainees for their names (default: anonymous)");
    cmd->add_flag("!--hands-only", o.phones, "No voting server: the trainer types the hand counts");
    cmd->add_flag("!--no-qr", o.qr, "Do not print the QR code");
    cmd->add_option("--seed", o.seed, "Seed for random branches (default 0)");
    cmd->add_option("--report-html", o.report_html, "At the end, write the class report as HTML here");
    cmd->add_option("--report-csv", o.report_csv, "At the end, write the class report as CSV here");
    cmd->add_option("--log", o.log_json, "At the end, write the class log (JSON) here");
    cmd->add_flag("!--no-store", o.store, "Do not store the class log in the results database");
    cmd->add_option("--database", o.database, "The results database (default: the user's data folder)");
    add_class_runs_subcommands(*cmd, o);
    return cmd;
}

int class_command(const ClassOptions& o) {
    if (o.list && *o.list) return class_list_command(o);
    if (o.report && *o.report) return class_report_command(o);
    if (o.file.empty()) {
        std::cerr << "salesdojo class: give a scenario FILE to run a class, `list` to list the stored class runs, or "
                     "`report ID` to write the report of one (--help)\n";
        return kExitUsage;
    }
    LoadResult loaded = load_scenario_file(o.file);
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (!loaded.ok()) return kExitProblems;
    AnalysisResult analysed = analyse(loaded.scenario);
    locate_diagnostics(analysed.diagnostics, o.file);
    for (const auto& d : analysed.diagnostics) std::cerr << format_diagnostic(d) << "\n";

    ClassRunOptions run_options;
    run_options.uid = store::new_attempt_uid();
    run_options.language = o.language.empty() ? loaded.scenario->default_language() : o.language;
    run_options.names = o.names;
    run_options.seed = o.seed;
    LiveClass live(ClassRun(loaded.scenario, analysed.analysis, run_options));
    live.with([](ClassRun& run) { run.log().started_ms = now_ms(); });

    std::optional<VoteServer> server;
    if (o.phones) {
        VoteServerOptions server_options;
        if (o.address.empty()) {
            const auto addresses = local_ipv4_addresses();
            server_options.address = addresses.empty() ? "127.0.0.1" : addresses.front();
        } else {
            server_options.address = o.address;
        }
        server_options.port = o.port;
        server.emplace(live, server_options);
        std::string error;
        if (!server->start(error)) {
            std::cerr << "salesdojo class: " << error << "\n";
            return kExitProblems;
        }
        std::cout << "join: " << server->url() << "\n"
                  << "code: " << server->join_code() << "\n";
        if (o.qr)
            if (const auto qr = make_qr(server->url())) std::cout << qr_terminal(*qr);
    }
    live.with([](ClassRun& run) {
        print_state(run, std::cout);
        return 0;
    });
    std::cout.flush();

    std::string line;
    while (std::getline(std::cin, line)) {
        if (!apply(line, live, std::cout)) break;
        std::cout.flush();
        if (live.with([](ClassRun& run) { return run.phase() == ClassPhase::Finished; })) break;
    }
    if (server) server->stop();
    const ClassLog log = live.with([](ClassRun& run) {
        run.log().ended_ms = now_ms();
        return run.log();
    });
    std::cout << "class ended: " << log.decisions.size() << " decision(s)" << (log.finished ? ", finished at " + log.ending_node : ", not finished")
              << "\n";
    int exit_code = kExitOk;
    std::string error;
    if (!o.log_json.empty() && !write_file_atomically(o.log_json, class_log_to_json(log).dump(2) + "\n", error)) {
        std::cerr << "salesdojo class: " << error << "\n";
        exit_code = kExitProblems;
    }
    if (o.store && !log.decisions.empty()) {
        const std::string path = o.database.empty() ? store::default_database_path() : o.database;
        try {
            store::ResultsStore::open(path).insert_class_log(log);
            std::cout << "class log stored in " << path << "\n";
        } catch (const store::StoreError& e) {
            std::cerr << "salesdojo class: the class log is not stored: " << e.what() << "\n";
            exit_code = kExitProblems;
        }
    }
    if (o.report_html.empty() && o.report_csv.empty()) return exit_code;
    if (!analysed.analysis) {
        std::cerr << "salesdojo class: no class report: the scenario could not be analysed\n";
        return kExitProblems;
    }
    const int written = write_class_report("salesdojo class", *analysed.analysis, log, run_options.language, o.report_html, o.report_csv);
    return written != kExitOk ? written : exit_code;
}

int write_class_report(const char* command, const Analysis& analysis, const ClassLog& log, const std::string& language,
                       const std::string& html, const std::string& csv) {
    std::string error;
    const auto report = report::make_classroom_report(analysis, log, language, error);
    if (!report) {
        std::cerr << command << ": no class report: " << error << "\n";
        return kExitProblems;
    }
    int exit_code = kExitOk;
    if (!html.empty() && !write_file_atomically(html, report::classroom_report_html(*report), error)) {
        std::cerr << command << ": " << error << "\n";
        exit_code = kExitProblems;
    }
    if (!csv.empty() && !report::write_csv_files(csv, report::classroom_report_csv(*report), error)) {
        std::cerr << command << ": " << error << "\n";
        exit_code = kExitProblems;
    }
    return exit_code;
}

}  // namespace salesdojo::cli
