// xapi.json and the SALESDOJO_XAPI_* variables. See config.hpp.
#include <salesdojo/xapi/config.hpp>
#include <salesdojo/xapi/outbox.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace salesdojo::xapi {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string line_col(const std::string& text, std::size_t byte) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

std::string string_setting(const json& doc, const char* key, const std::string& path, const std::string& fallback) {
    if (!doc.contains(key)) return fallback;
    if (!doc[key].is_string()) throw XapiError(path + ": \"" + key + "\" must be a string");
    return doc[key].get<std::string>();
}

void from_env(const char* name, std::string& value) {
    if (const char* v = std::getenv(name); v && *v) value = v;
}

bool is_http_url(const std::string& text) {
    return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

}  // namespace

std::string config_path(const std::string& data_folder) { return (fs::path(data_folder) / "xapi.json").string(); }

XapiConfig load_config(const std::string& data_folder) {
    XapiConfig config;
    const std::string path = config_path(data_folder);
    std::ifstream in(path, std::ios::binary);
    if (in) {
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        if (text.size() > (1u << 20)) throw XapiError(path + ": larger than 1 MiB; this is not a settings file");
        json doc;
        try {
            doc = json::parse(text);
        } catch (const json::parse_error& e) {
            const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
            std::string what = e.what();
            // "[json.exception.parse_error.101] parse error at line 2, column 19: syntax error ...": the
            // position is already in front, in the file:line:col form.
            if (const auto tag = what.find("] "); tag != std::string::npos) what = what.substr(tag + 2);
            if (what.rfind("parse error at line", 0) == 0)
                if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
            throw XapiError(path + ":" + line_col(text, at) + ": " + what);
        }
        if (!doc.is_object()) throw XapiError(path + ":1:1: the settings must be one JSON object");
        static const char* const known[] = {"endpoint", "username", "password", "home_page", "activity_base",
                                            "batch_size", "timeout_seconds", "send_after_run"};
        for (const auto& [key, value] : doc.items()) {
            bool found = false;
            for (const char* k : known) found = found || key == k;
            if (!found) throw XapiError(path + ": unknown setting \"" + key + "\" (see docs/xapi.md)");
        }
        config.endpoint = string_setting(doc, "endpoint", path, config.endpoint);
        config.username = string_setting(doc, "username", path, config.username);
        config.password = string_setting(doc, "password", path, config.password);
        config.statements.home_page = string_setting(doc, "home_page", path, config.statements.home_page);
        config.statements.activity_base = string_setting(doc, "activity_base", path, config.statements.activity_base);
        if (doc.contains("batch_size")) {
            if (!doc["batch_size"].is_number_integer() || doc["batch_size"].get<long long>() < 1 ||
                doc["batch_size"].get<long long>() > 500)
                throw XapiError(path + ": \"batch_size\" must be a whole number from 1 to 500");
            config.batch_size = doc["batch_size"].get<std::size_t>();
        }
        if (doc.contains("timeout_seconds")) {
            if (!doc["timeout_seconds"].is_number()) throw XapiError(path + ": \"timeout_seconds\" must be a number");
            config.timeout_seconds = doc["timeout_seconds"].get<double>();
        }
        if (doc.contains("send_after_run")) {
            if (!doc["send_after_run"].is_boolean()) throw XapiError(path + ": \"send_after_run\" must be true or false");
            config.send_after_run = doc["send_after_run"].get<bool>();
        }
    } else if (fs::exists(path)) {
        throw XapiError("cannot read " + path);
    }
    from_env("SALESDOJO_XAPI_ENDPOINT", config.endpoint);
    from_env("SALESDOJO_XAPI_USERNAME", config.username);
    from_env("SALESDOJO_XAPI_PASSWORD", config.password);
    from_env("SALESDOJO_XAPI_HOME_PAGE", config.statements.home_page);
    check_config(config, fs::exists(path) ? path + " and the environment" : "the environment");
    return config;
}

void check_config(const XapiConfig& config, const std::string& where) {
    if (!config.endpoint.empty() && !is_http_url(config.endpoint))
        throw XapiError(where + ": the endpoint must start with http:// or https:// (got \"" + config.endpoint + "\")");
    static const std::regex iri(R"(^[A-Za-z][A-Za-z0-9+.-]*:\S+$)");
    if (!std::regex_match(config.statements.home_page, iri))
        throw XapiError(where + ": home_page must be an absolute IRI such as https://example.org (got \"" +
                        config.statements.home_page + "\")");
    if (!std::regex_match(config.statements.activity_base, iri))
        throw XapiError(where + ": activity_base must be an absolute IRI such as https://example.org/xapi/ (got \"" +
                        config.statements.activity_base + "\")");
    if (config.batch_size < 1 || config.batch_size > 500)
        throw XapiError(where + ": the batch size must be from 1 to 500");
    if (!std::isfinite(config.timeout_seconds) || config.timeout_seconds < 0.05 || config.timeout_seconds > 600)
        throw XapiError(where + ": the timeout must be from 0.05 to 600 seconds");
}

}  // namespace salesdojo::xapi
