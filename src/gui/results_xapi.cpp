// The window's attempts as xAPI statements (docs/xapi.md), as the command line's `run` does: the
// attempt is stored as owing its statements (one transaction), they are appended to the outbox
// right after (a local file: quick), and, when an LRS is configured with send_after_run, the outbox
// is sent on a thread of its own, so a slow or unreachable LRS never stalls a frame.
#include "results.hpp"

#include <salesdojo/xapi/config.hpp>
#include <salesdojo/xapi/outbox.hpp>
#include <salesdojo/xapi/record.hpp>
#include <salesdojo/xapi/sender.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

namespace salesdojo::gui {

void Results::write_xapi(const Scenario* played) {
    if (!m_store) return;
    const std::string folder = xapi::data_folder_of(m_store->path());
    xapi::XapiConfig config;
    try {
        config = xapi::load_config(folder);
        // The scenario just played; an attempt an interrupted run left is written without its
        // options' texts (its statement ids are the same either way).
        const auto lookup = [played](const store::AttemptRecord& attempt) -> std::shared_ptr<const Scenario> {
            if (played && attempt.scenario_id == played->id && attempt.content_hash == played->content_hash)
                return std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), played);  // not owned
            return nullptr;
        };
        const xapi::OwedReport owed = xapi::write_owed_statements(*m_store, folder, config, lookup);
        m_xapi_appended += owed.appended;
    } catch (const std::exception& e) {  // XapiError or StoreError: the attempt itself is stored
        std::fprintf(stderr, "salesdojo: xAPI: the attempt's statements were not written to the outbox "
                             "(the next finished run or `salesdojo xapi send` writes them): %s\n", e.what());
        return;
    }
    if (!config.can_send() || !config.send_after_run) return;
    // One send at a time; one still under way takes the new statements too, or leaves them pending.
    if (m_xapi_send.valid() && m_xapi_send.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    m_xapi_send = std::async(std::launch::async, [folder, config] {
        try {
            auto transport = xapi::make_http_transport(config);
            const xapi::SendReport report = xapi::send_pending(xapi::Outbox(folder), *transport, config.batch_size);
            std::fprintf(stderr, "salesdojo: xAPI: %zu sent, %zu rejected, %zu pending\n", report.sent, report.rejected,
                         report.pending);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "salesdojo: xAPI: not sent, the statements stay pending: %s\n", e.what());
        }
    });
}

}  // namespace salesdojo::gui
