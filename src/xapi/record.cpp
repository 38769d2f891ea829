// Putting stored attempts into the outbox. See record.hpp.
#include <salesdojo/xapi/crash_point.hpp>
#include <salesdojo/xapi/outbox.hpp>
#include <salesdojo/xapi/outbox_index.hpp>
#include <salesdojo/xapi/record.hpp>
#include <salesdojo/xapi/statements.hpp>

#include <filesystem>

namespace salesdojo::xapi {

std::string data_folder_of(const std::string& database_path) {
    const std::filesystem::path folder = std::filesystem::path(database_path).parent_path();
    return folder.empty() ? "." : folder.string();
}

std::size_t outbox_attempt(const std::string& data_folder, const XapiConfig& config,
                           const store::AttemptRecord& attempt, const std::string& trainee_name,
                           const Scenario* scenario) {
    const auto statements = attempt_statements(attempt, trainee_name, scenario, config.statements);
    const Outbox outbox(data_folder);
    OutboxLock lock(outbox, OutboxLock::Wait::Block);
    outbox.append(statements);
    return statements.size();
}

OwedReport write_owed_statements(store::ResultsStore& store, const std::string& data_folder, const XapiConfig& config,
                                 const ScenarioLookup& lookup) {
    OwedReport report;
    if (store.xapi_owed_attempts().empty()) return report;  // the usual case: one small query
    const Outbox outbox(data_folder);
    // Under the lock, read again: another program may have written them meanwhile.
    OutboxLock lock(outbox, OutboxLock::Wait::Block);
    const std::vector<std::int64_t> owed = store.xapi_owed_attempts();
    if (owed.empty()) return report;
    const OutboxIndex index = read_outbox_index(outbox);
    for (const std::int64_t id : owed) {
        const std::optional<store::AttemptRecord> attempt = store.attempt(id);
        const std::optional<store::Trainee> trainee = attempt ? store.trainee(attempt->trainee_id) : std::nullopt;
        if (!attempt || !trainee) {  // gone with its trainee: nothing to write
            store.xapi_statements_written(id);
            continue;
        }
        std::shared_ptr<const Scenario> scenario = lookup ? lookup(*attempt) : nullptr;
        std::vector<nlohmann::json> missing;
        for (auto& statement : attempt_statements(*attempt, trainee->name, scenario.get(), config.statements)) {
            if (index.contains(statement["id"].get<std::string>())) ++report.present;
            else missing.push_back(std::move(statement));
        }
        outbox.append(missing);
        crash_point("xapi-after-append");
        store.xapi_statements_written(id);
        report.appended += missing.size();
        ++report.attempts;
    }
    return report;
}

}  // namespace salesdojo::xapi
