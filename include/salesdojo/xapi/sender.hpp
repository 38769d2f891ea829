#pragma once
// Sends the outbox's pending statements to a learning record store (docs/xapi.md, "Sending").
// In outbox order, in batches; each answer is recorded in the acknowledgements before the next
// request, so a crash resends at most one batch, which the LRS keeps once (same statement ids).
//   200/204                          the batch is sent
//   400, 409, 413, 422 (a batch)     the batch is split in halves and each half tried, down to one
//   400, 409, 413, 422 (one)         that statement is rejected, with the LRS's message; the rest go on
//   no answer, timeout, 5xx, 401,    the send stops; everything not acknowledged stays pending
//   403, 404, 429, anything else
#include <salesdojo/xapi/config.hpp>
#include <salesdojo/xapi/outbox.hpp>

#include <cstddef>
#include <memory>
#include <string>

namespace salesdojo::xapi {

struct HttpAnswer {
    int status = 0;     // 0: no answer (connection refused, timeout, TLS failure); `error` says why
    std::string body;
    std::string error;
};

// One POST of a JSON array of statements to <endpoint>statements.
class StatementsTransport {
public:
    virtual ~StatementsTransport() = default;
    virtual HttpAnswer post_statements(const std::string& json_array) = 0;
};

// cpp-httplib: Basic auth, X-Experience-API-Version: 1.0.3, the configured timeouts, no redirects.
std::unique_ptr<StatementsTransport> make_http_transport(const XapiConfig& config);

enum class SendEnd { Done, Stopped, Busy };

struct SendReport {
    SendEnd end = SendEnd::Done;
    std::size_t sent = 0;       // acknowledged in this send
    std::size_t rejected = 0;   // rejected in this send
    std::size_t pending = 0;    // still pending afterwards
    std::size_t requests = 0;
    double seconds = 0.0;
    std::string stop_reason;    // when Stopped: the status or error and the LRS's message
};

// Takes the outbox lock without waiting (Busy when another program is sending), reads, sends.
// Throws XapiError when the outbox cannot be read or an acknowledgement cannot be written.
SendReport send_pending(const Outbox& outbox, StatementsTransport& transport, std::size_t batch_size);

}  // namespace salesdojo::xapi
