#pragma once
// Where statements go and who the trainees are (docs/xapi.md, "Configuration"). Read from
// <data folder>/xapi.json, then overridden by environment variables, then by command-line options:
//   endpoint        SALESDOJO_XAPI_ENDPOINT    the LRS's xAPI base, e.g. https://lrs.example.org/xapi/
//   username        SALESDOJO_XAPI_USERNAME    Basic auth key
//   password        SALESDOJO_XAPI_PASSWORD    Basic auth secret (file or environment only)
//   home_page       SALESDOJO_XAPI_HOME_PAGE   actor account.homePage
//   activity_base   -                          activity ids start with this
//   batch_size      -                          statements per POST (1..500, default 50)
//   timeout_seconds -                          connect/read/write timeout per request (default 10)
//   send_after_run  -                          send right after `run` records an attempt (default true)
#include <salesdojo/xapi/statements.hpp>

#include <cstddef>
#include <string>

namespace salesdojo::xapi {

struct XapiConfig {
    std::string endpoint;
    std::string username;
    std::string password;
    StatementOptions statements;
    std::size_t batch_size = 50;
    double timeout_seconds = 10.0;
    bool send_after_run = true;

    bool can_send() const { return !endpoint.empty(); }
};

std::string config_path(const std::string& data_folder);  // <data folder>/xapi.json

// The file (when it exists) then the environment. Throws XapiError naming the file, line and column
// of a syntax error, or the setting and what is wrong with it.
XapiConfig load_config(const std::string& data_folder);

// Checks the settings that came from anywhere (also after command-line overrides); throws XapiError.
void check_config(const XapiConfig& config, const std::string& where);

}  // namespace salesdojo::xapi
