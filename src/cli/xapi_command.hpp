#pragma once
// `salesdojo xapi send|status` and the hook `run` calls after storing an attempt (docs/xapi.md).
#include <salesdojo/scenario.hpp>
#include <salesdojo/store/results_store.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace salesdojo::cli {

struct XapiOptions {
    std::string database;  // --database FILE: the data folder is its folder
    std::string endpoint;  // --endpoint URL (overrides xapi.json and SALESDOJO_XAPI_ENDPOINT)
    std::string username;  // --username NAME
    std::size_t batch_size = 0;   // --batch-size N; 0 = configured
    double timeout_seconds = 0;   // --timeout S; 0 = configured
    bool json = false;            // status --json
    CLI::App* send = nullptr;
    CLI::App* status = nullptr;
};

CLI::App* add_xapi_subcommand(CLI::App& app, XapiOptions& options);
int xapi_command(const XapiOptions& options);

// After `run` stored `attempt`: its statements into the outbox, then, when an endpoint is configured
// and send_after_run is on, a send. Problems are reported on stderr; the run's exit code is unchanged.
void xapi_after_run(const std::string& database_path, const store::AttemptRecord& attempt,
                    const std::string& trainee_name, const Scenario& scenario);

}  // namespace salesdojo::cli
