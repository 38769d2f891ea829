// `salesdojo xapi`: sending the outbox to a learning record store and showing its state.
#include "xapi_command.hpp"
#include "commands.hpp"

#include <salesdojo/data_dirs.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/xapi/config.hpp>
#include <salesdojo/xapi/outbox.hpp>
#include <salesdojo/xapi/outbox_index.hpp>
#include <salesdojo/xapi/record.hpp>
#include <salesdojo/xapi/sender.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace salesdojo::cli {
namespace {

std::string data_folder(const std::string& database) {
    const std::string path = database.empty() ? store::default_database_path() : database;
    if (path.empty()) throw xapi::XapiError("no data folder: set SALESDOJO_DATA_HOME or HOME, or give --database");
    return xapi::data_folder_of(path);
}

// A scenario of the bundled collection with the attempt's id and content hash (so its titles and
// options are those that were played), for statements owed by an earlier program; else none.
std::shared_ptr<const Scenario> bundled_scenario(const store::AttemptRecord& attempt) {
    const std::string& id = attempt.scenario_id;
    if (id.empty() || id.front() == '.' || id.find('/') != std::string::npos) return nullptr;
    const auto folder = find_data_dir("scenarios");
    if (!folder) return nullptr;
    const std::filesystem::path file = *folder / (id + ".json");
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) return nullptr;
    LoadResult loaded = load_scenario_file(file.string());
    if (!loaded.ok() || loaded.scenario->id != id || loaded.scenario->content_hash != attempt.content_hash) return nullptr;
    return loaded.scenario;
}

// The statements owed by attempts in the database (a program killed between its commit and its
// append), written before the outbox is counted or sent. No database file: nothing is owed.
void write_owed(const char* command, const std::string& database, const std::string& folder, const xapi::XapiConfig* config,
                const xapi::ScenarioLookup& lookup) {
    const std::string path = database.empty() ? store::default_database_path() : database;
    std::error_code error;
    if (path.empty() || !std::filesystem::exists(path, error)) return;
    try {
        store::ResultsStore db = store::ResultsStore::open(path);
        const xapi::XapiConfig loaded = config ? *config : xapi::load_config(folder);
        const xapi::OwedReport owed = xapi::write_owed_statements(db, folder, loaded, lookup);
        if (owed.attempts)
            std::cerr << "salesdojo " << command << ": xAPI: wrote the statements of " << owed.attempts
                      << " attempt(s) that an interrupted run left unwritten (" << owed.appended << " appended, "
                      << owed.present << " already there)\n";
    } catch (const store::StoreError& e) {
        std::cerr << "salesdojo " << command << ": xAPI: cannot check the database for unwritten statements: " << e.what() << "\n";
    } catch (const xapi::XapiError& e) {
        std::cerr << "salesdojo " << command << ": xAPI: cannot write the statements of stored attempts: " << e.what() << "\n";
    }
}

void print_issues(const char* command, const xapi::OutboxIndex& index) {
    for (const auto* issues : {&index.outbox_issues, &index.ack_issues})
        for (const auto& line : issues->bad_lines) std::cerr << "salesdojo xapi " << command << ": skipped " << line << "\n";
}

void print_report(const char* command, const xapi::SendReport& report) {
    char rate[64] = "";
    if (report.sent && report.seconds > 0)
        std::snprintf(rate, sizeof rate, ", %.0f statements/s", static_cast<double>(report.sent) / report.seconds);
    std::cerr << "salesdojo " << command << ": xAPI: " << report.sent << " sent, " << report.rejected << " rejected, "
              << report.pending << " pending (" << report.requests << " request(s)" << rate << ")\n";
    if (report.end == xapi::SendEnd::Busy)
        std::cerr << "salesdojo " << command << ": xAPI: another SalesDojo is sending the outbox; try again later\n";
    if (report.end == xapi::SendEnd::Stopped)
        std::cerr << "salesdojo " << command << ": xAPI: stopped, the rest stays pending: " << report.stop_reason << "\n";
}

int status_command(const std::string& folder, bool json) {
    const xapi::Outbox outbox(folder);
    // The index (docs/xapi.md): only what was appended since the last status or send is parsed.
    const xapi::OutboxIndex index = xapi::read_outbox_index(outbox);
    const xapi::OutboxCounts counts = index.counts();
    print_issues("status", index);
    std::vector<const xapi::Ack*> rejected;
    for (const auto* statement : index.rejected()) rejected.push_back(&*statement->ack);
    if (json) {
        nlohmann::json out = {{"outbox", outbox.outbox_path()},
                              {"pending", counts.pending},
                              {"sent", counts.sent},
                              {"rejected", counts.rejected},
                              {"partial_last_line", index.outbox_issues.partial_tail},
                              {"skipped_lines", index.outbox_issues.bad_lines.size() + index.ack_issues.bad_lines.size()},
                              {"rejections", nlohmann::json::array()}};
        for (const auto* ack : rejected)
            out["rejections"].push_back({{"id", ack->id}, {"status", ack->status}, {"message", ack->message}});
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << "outbox:   " << outbox.outbox_path() << "\n"
                  << "pending:  " << counts.pending << "\n"
                  << "sent:     " << counts.sent << "\n"
                  << "rejected: " << counts.rejected << "\n";
        for (const auto* ack : rejected) std::cout << "  rejected " << ack->id << ": " << ack->message << "\n";
        if (index.outbox_issues.partial_tail)
            std::cout << "note: the outbox ends in a partial line (an interrupted write); it is ignored and cut off "
                         "at the next append\n";
    }
    return kExitOk;
}

int send_command(const XapiOptions& options, const std::string& folder) {
    xapi::XapiConfig config = xapi::load_config(folder);
    if (!options.endpoint.empty()) config.endpoint = options.endpoint;
    if (!options.username.empty()) config.username = options.username;
    if (options.batch_size) config.batch_size = options.batch_size;
    if (options.timeout_seconds > 0) config.timeout_seconds = options.timeout_seconds;
    try {
        xapi::check_config(config, "the command line");
    } catch (const xapi::XapiError& e) {
        std::cerr << "salesdojo xapi send: " << e.what() << "\n";
        return kExitUsage;
    }
    if (!config.can_send()) {
        std::cerr << "salesdojo xapi send: no endpoint: set \"endpoint\" in " << xapi::config_path(folder)
                  << ", SALESDOJO_XAPI_ENDPOINT or --endpoint (docs/xapi.md)\n";
        return kExitUsage;
    }
    write_owed("xapi send", options.database, folder, &config, bundled_scenario);
    auto transport = xapi::make_http_transport(config);
    const xapi::SendReport report = xapi::send_pending(xapi::Outbox(folder), *transport, config.batch_size);
    print_report("xapi send", report);
    return report.end == xapi::SendEnd::Done && report.rejected == 0 ? kExitOk : kExitProblems;
}

}  // namespace

CLI::App* add_xapi_subcommand(CLI::App& app, XapiOptions& options) {
    auto* xapi_cmd = app.add_subcommand("xapi", "xAPI statements of recorded attempts: send them to a learning record store, or show the outbox");
    xapi_cmd->require_subcommand(1);
    xapi_cmd->add_option("--database", options.database, "Results database file; the outbox and xapi.json are in its folder");
    options.send = xapi_cmd->add_subcommand("send", "POST pending statements to the configured LRS");
    options.send->add_option("--endpoint", options.endpoint, "The LRS's xAPI base URL (statements are POSTed to <URL>/statements)");
    options.send->add_option("--username", options.username, "Basic auth key (the secret: SALESDOJO_XAPI_PASSWORD or xapi.json)");
    options.send->add_option("--batch-size", options.batch_size, "Statements per request")->check(CLI::Range(1, 500));
    options.send->add_option("--timeout", options.timeout_seconds, "Seconds to wait for each connect, read and write")
        ->check(CLI::Range(0.05, 600.0));
    options.status = xapi_cmd->add_subcommand("status", "Count pending, sent and rejected statements");
    options.status->add_flag("--json", options.json, "Print the counts as JSON");
    options.send->fallthrough();  // --database after send or status works too
    options.status->fallthrough();
    return xapi_cmd;
}

int xapi_command(const XapiOptions& options) {
    const char* name = options.send && *options.send ? "send" : "status";
    try {
        const std::string folder = data_folder(options.database);
        if (options.send && *options.send) return send_command(options, folder);
        write_owed("xapi status", options.database, folder, nullptr, bundled_scenario);
        return status_command(folder, options.json);
    } catch (const xapi::XapiError& e) {
        std::cerr << "salesdojo xapi " << name << ": " << e.what() << "\n";
        return kExitProblems;
    }
}

void xapi_after_run(store::ResultsStore& db, const Scenario& scenario) {
    const std::string folder = xapi::data_folder_of(db.path());
    xapi::XapiConfig config;
    try {
        config = xapi::load_config(folder);
        // The scenario just played for this attempt; the bundled one for any an earlier run left.
        const auto lookup = [&scenario](const store::AttemptRecord& attempt) -> std::shared_ptr<const Scenario> {
            if (attempt.scenario_id == scenario.id && attempt.content_hash == scenario.content_hash)
                return std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &scenario);  // not owned
            return bundled_scenario(attempt);
        };
        const xapi::OwedReport owed = xapi::write_owed_statements(db, folder, config, lookup);
        if (owed.attempts > 1)
            std::cerr << "salesdojo run: xAPI: also wrote the statements of " << owed.attempts - 1
                      << " earlier attempt(s) that an interrupted run left unwritten\n";
    } catch (const xapi::XapiError& e) {
        std::cerr << "salesdojo run: xAPI: the attempt's statements were not written to the outbox (the next run, "
                     "`xapi status` or `xapi send` writes them): "
                  << e.what() << "\n";
        return;
    } catch (const store::StoreError& e) {
        std::cerr << "salesdojo run: xAPI: " << e.what() << "\n";
        return;
    }
    if (!config.can_send() || !config.send_after_run) return;
    try {
        auto transport = xapi::make_http_transport(config);
        print_report("run", xapi::send_pending(xapi::Outbox(folder), *transport, config.batch_size));
    } catch (const xapi::XapiError& e) {
        std::cerr << "salesdojo run: xAPI: " << e.what() << "\n";
    }
}

}  // namespace salesdojo::cli
