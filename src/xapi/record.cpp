// Putting a stored attempt into the outbox. See record.hpp.
#include <salesdojo/xapi/outbox.hpp>
#include <salesdojo/xapi/record.hpp>

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

}  // namespace salesdojo::xapi
