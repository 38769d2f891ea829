// The HTTP side of sending, on Debian's cpp-httplib (libcpp-httplib-dev). See sender.hpp.
#include <salesdojo/xapi/sender.hpp>

#include <httplib.h>

#include <chrono>

namespace salesdojo::xapi {
namespace {

struct Endpoint {
    std::string scheme_host_port;  // "https://lrs.example.org:8443"
    std::string statements_path;   // "/xapi/statements"
};

Endpoint split_endpoint(const std::string& url) {
    const std::size_t scheme_end = url.find("://");
    const std::size_t path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
    Endpoint e;
    e.scheme_host_port = path_start == std::string::npos ? url : url.substr(0, path_start);
    std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
    if (const auto query = path.find_first_of("?#"); query != std::string::npos) path.erase(query);
    if (path.empty() || path.back() != '/') path += '/';
    e.statements_path = path + "statements";
    return e;
}

std::string describe(httplib::Error error) {
    switch (error) {
        case httplib::Error::Connection: return "cannot connect (nothing listens there, or the connection was refused)";
        case httplib::Error::ConnectionTimeout: return "the connection timed out";
        case httplib::Error::Read: return "no answer in time (read timed out or the connection was closed)";
        case httplib::Error::Write: return "the request could not be sent (write timed out or the connection was closed)";
        case httplib::Error::SSLConnection: return "the TLS connection failed";
        case httplib::Error::SSLLoadingCerts: return "the system's certificate authorities could not be loaded";
        case httplib::Error::SSLServerVerification: return "the server's certificate was not accepted";
        default: return httplib::to_string(error);
    }
}

class HttpTransport : public StatementsTransport {
public:
    explicit HttpTransport(const XapiConfig& config)
        : m_endpoint(split_endpoint(config.endpoint)), m_client(m_endpoint.scheme_host_port) {
        const auto timeout = std::chrono::microseconds(static_cast<long long>(config.timeout_seconds * 1e6));
        m_client.set_connection_timeout(timeout);
        m_client.set_read_timeout(timeout);
        m_client.set_write_timeout(timeout);
        m_client.set_follow_location(false);
        m_client.set_keep_alive(true);
        if (!config.username.empty() || !config.password.empty()) m_client.set_basic_auth(config.username, config.password);
    }

    HttpAnswer post_statements(const std::string& json_array) override {
        const httplib::Headers headers = {{"X-Experience-API-Version", "1.0.3"}};
        HttpAnswer answer;
        if (!m_client.is_valid()) {
            answer.error = "the endpoint " + m_endpoint.scheme_host_port + " cannot be used";
            return answer;
        }
        const httplib::Result result = m_client.Post(m_endpoint.statements_path, headers, json_array, "application/json");
        if (!result) {
            answer.error = "no answer from " + m_endpoint.scheme_host_port + ": " + describe(result.error());
            return answer;
        }
        answer.status = result->status;
        answer.body = result->body;
        return answer;
    }

private:
    Endpoint m_endpoint;
    httplib::Client m_client;
};

}  // namespace

std::unique_ptr<StatementsTransport> make_http_transport(const XapiConfig& config) {
    return std::make_unique<HttpTransport>(config);
}

}  // namespace salesdojo::xapi
