// `salesdojo xapi`: sending the outbox to a learning record store and showing its state.
#include "xapi_command.hpp"
#include "commands.hpp"

#include <salesdojo/xapi/config.hpp>
#include <salesdojo/xapi/outbox.hpp>
#include <salesdojo/xapi/record.hpp>
#include <salesdojo/xapi/sender.hpp>

#include <cstdio>
#include <iostream>

namespace salesdojo::cli {
namespace {

std::string data_folder(const std::string& database) {
    const std::string path = database.empty() ? store::default_database_path() : database;
    if (path.empty()) throw xapi::XapiError("no data folder: set SALESDOJO_DATA_HOME or HOME, or give --database");
    return xapi::data_folder_of(path);
}

void print_issues(const char* command, const xapi::OutboxContents& contents) {
    for (const auto* issues : {&contents.outbox_issues, &contents.ack_issues})
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
    const xapi::OutboxContents contents = outbox.read();
    const xapi::OutboxCounts counts = xapi::Outbox::count(contents);
    print_issues("status", contents);
    std::vector<const xapi::Ack*> rejected;
    for (const auto& statement : contents.statements) {
        const auto ack = contents.acks.find(statement["id"].get<std::string>());
        if (ack != contents.acks.end() && ack->second.state == xapi::AckState::Rejected) rejected.push_back(&ack->second);
    }
    if (json) {
        nlohmann::json out = {{"outbox", outbox.outbox_path()},
                              {"pending", counts.pending},
                              {"sent", counts.sent},
                              {"rejected", counts.rejected},
                              {"partial_last_line", contents.outbox_issues.partial_tail},
                              {"skipped_lines", contents.outbox_issues.bad_lines.size() + contents.ack_issues.bad_lines.size()},
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
        if (contents.outbox_issues.partial_tail)
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
        return status_command(folder, options.json);
    } catch (const xapi::XapiError& e) {
        std::cerr << "salesdojo xapi " << name << ": " << e.what() << "\n";
        return kExitProblems;
    }
}

void xapi_after_run(const std::string& database_path, const store::AttemptRecord& attempt,
                    const std::string& trainee_name, const Scenario& scenario) {
    const std::string folder = xapi::data_folder_of(database_path);
    xapi::XapiConfig config;
    try {
        config = xapi::load_config(folder);
        xapi::outbox_attempt(folder, config, attempt, trainee_name, &scenario);
    } catch (const xapi::XapiError& e) {
        std::cerr << "salesdojo run: xAPI: the attempt's statements were not written to the outbox: " << e.what() << "\n";
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
