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

// After `run` stored an attempt as owing its statements (store::XapiStatements::Owed): the
// statements of every owed attempt into the outbox (this one, and any a killed program left), then,
// when an endpoint is configured and send_after_run is on, a send. `scenario` is the one just played
// (for titles and options). Problems are reported on stderr; the run's exit code is unchanged.
void xapi_after_run(store::ResultsStore& store, const Scenario& scenario);

}  // namespace salesdojo::cli
