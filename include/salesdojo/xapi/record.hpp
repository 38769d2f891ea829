#pragma once
// The one call a program makes when it has stored an attempt: its statements go into the outbox of
// the data folder (the database's folder), under the outbox lock.
#include <salesdojo/scenario.hpp>
#include <salesdojo/store/results_store.hpp>
#include <salesdojo/xapi/config.hpp>

#include <string>

namespace salesdojo::xapi {

// The data folder of a results database file: the folder it is in.
std::string data_folder_of(const std::string& database_path);

// Builds the attempt's statements with `config` and appends them to the outbox of `data_folder`;
// returns how many. Throws XapiError.
std::size_t outbox_attempt(const std::string& data_folder, const XapiConfig& config,
                           const store::AttemptRecord& attempt, const std::string& trainee_name,
                           const Scenario* scenario);

}  // namespace salesdojo::xapi
