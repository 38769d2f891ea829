#pragma once
// Stored attempts as the report layer's export values (report/results_export.hpp): the one place
// that turns AttemptRecords into ExportedAttempts, for the CLI's `export` and the window alike.
#include <salesdojo/report/results_export.hpp>
#include <salesdojo/store/results_store.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::store {

report::ExportedAttempt exported_attempt(const AttemptRecord& attempt, const std::string& trainee_name);

// The attempts that match (any trainee / scenario when not given), oldest first. Throws StoreError.
std::vector<report::ExportedAttempt> exported_attempts(const ResultsStore& store, std::optional<std::int64_t> trainee_id,
                                                       const std::optional<std::string>& scenario_id);

}  // namespace salesdojo::store
