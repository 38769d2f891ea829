// Sending the outbox. See sender.hpp.
#include <salesdojo/xapi/sender.hpp>
#include <salesdojo/store/attempt.hpp>
#include <salesdojo/xapi/outbox_index.hpp>

#include <chrono>

namespace salesdojo::xapi {
namespace {

using nlohmann::json;

bool rejects_content(int status) { return status == 400 || status == 409 || status == 413 || status == 422; }

// The LRS's own words, short: its JSON "message" when there is one, else the start of the body.
std::string lrs_message(const HttpAnswer& answer) {
    if (answer.status == 0) return answer.error;
    std::string text = answer.body;
    const json body = json::parse(answer.body, nullptr, false);
    if (body.is_object() && body.contains("message") && body["message"].is_string()) text = body["message"].get<std::string>();
    if (text.size() > 500) text = text.substr(0, 500) + "...";
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return "HTTP " + std::to_string(answer.status) + (text.empty() ? "" : ": " + text);
}

class Batcher {
public:
    Batcher(const Outbox& outbox, StatementsTransport& transport, SendReport& report)
        : m_outbox(outbox), m_transport(transport), m_report(report) {}

    // false when the send must stop (the statements stay pending).
    bool settle(const std::vector<const json*>& batch) {
        json array = json::array();
        for (const json* s : batch) array.push_back(*s);
        const HttpAnswer answer = m_transport.post_statements(array.dump(-1, ' ', false, json::error_handler_t::replace));
        ++m_report.requests;
        if (answer.status == 200 || answer.status == 204) {
            std::vector<Ack> acks;
            const std::int64_t now = store::now_ms();
            for (const json* s : batch) acks.push_back({(*s)["id"].get<std::string>(), AckState::Sent, now, 0, {}});
            m_outbox.record(acks);
            m_report.sent += batch.size();
            return true;
        }
        if (rejects_content(answer.status)) {
            if (batch.size() == 1) {
                m_outbox.record({{(*batch[0])["id"].get<std::string>(), AckState::Rejected, store::now_ms(), answer.status,
                                  lrs_message(answer)}});
                ++m_report.rejected;
                return true;
            }
            const auto middle = batch.begin() + static_cast<std::ptrdiff_t>(batch.size() / 2);
            return settle({batch.begin(), middle}) && settle({middle, batch.end()});
        }
        m_report.stop_reason = lrs_message(answer);
        return false;
    }

private:
    const Outbox& m_outbox;
    StatementsTransport& m_transport;
    SendReport& m_report;
};

}  // namespace

SendReport send_pending(const Outbox& outbox, StatementsTransport& transport, std::size_t batch_size) {
    SendReport report;
    const auto started = std::chrono::steady_clock::now();
    OutboxLock lock(outbox, OutboxLock::Wait::DontBlock);
    if (!lock.held()) {
        report.end = SendEnd::Busy;
        report.pending = read_outbox_index(outbox).counts().pending;
        return report;
    }
    // The index says which statements are pending and where they are: only those are read.
    const std::vector<json> statements = read_indexed_statements(outbox, read_outbox_index(outbox).pending());
    std::vector<const json*> pending;
    pending.reserve(statements.size());
    for (const json& statement : statements) pending.push_back(&statement);
    Batcher batcher(outbox, transport, report);
    if (batch_size == 0) batch_size = 1;
    for (std::size_t from = 0; from < pending.size(); from += batch_size) {
        const std::size_t to = std::min(pending.size(), from + batch_size);
        if (!batcher.settle({pending.begin() + static_cast<std::ptrdiff_t>(from), pending.begin() + static_cast<std::ptrdiff_t>(to)})) {
            report.end = SendEnd::Stopped;
            break;
        }
    }
    report.pending = pending.size() - report.sent - report.rejected;
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace salesdojo::xapi
