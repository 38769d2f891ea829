#pragma once
// Putting stored attempts into the outbox of the data folder (the database's folder), under the
// outbox lock. An attempt recorded with XapiStatements::Owed is marked in the database in its own
// transaction; write_owed_statements appends the statements of every marked attempt that the outbox
// does not have yet (same ids: statement ids are UUID v5 of the attempt) and then clears the mark.
// A program killed between the commit and the append, or between the append and the clearing,
// leaves the mark, and the next call writes what is missing, once (docs/xapi.md).
#include <salesdojo/scenario.hpp>
#include <salesdojo/store/results_store.hpp>
#include <salesdojo/xapi/config.hpp>

#include <functional>
#include <memory>
#include <string>

namespace salesdojo::xapi {

// The data folder of a results database file: the folder it is in.
std::string data_folder_of(const std::string& database_path);

// Builds the attempt's statements with `config` and appends them to the outbox of `data_folder`;
// returns how many. Throws XapiError.
std::size_t outbox_attempt(const std::string& data_folder, const XapiConfig& config,
                           const store::AttemptRecord& attempt, const std::string& trainee_name,
                           const Scenario* scenario);

// The scenario an attempt was played on, for the statements' titles and options; null when it
// cannot be found (the statements then list no options; their ids are the same).
using ScenarioLookup = std::function<std::shared_ptr<const Scenario>(const store::AttemptRecord&)>;

struct OwedReport {
    std::size_t attempts = 0;   // owed attempts settled
    std::size_t appended = 0;   // statements appended
    std::size_t present = 0;    // statements the outbox already had (a crash after an append)
};

// Throws XapiError when the outbox cannot be locked, read or written, and StoreError when the
// database cannot be read or written.
OwedReport write_owed_statements(store::ResultsStore& store, const std::string& data_folder, const XapiConfig& config,
                                 const ScenarioLookup& lookup);

}  // namespace salesdojo::xapi
