#pragma once
// Shared by the condition compiler and the loader: the one message shape the loader completes.
#include <salesdojo/diagnostic_descriptors.hpp>

#include <string>
#include <string_view>

namespace salesdojo {

// SD2003 for an unknown name in a condition: the name as the compiler quotes it, a hint when it is
// a keyword written with capitals, and `suggestion` ("; did you mean 'x'?" or empty), which only
// the loader can make (it knows the scenario's names).
DiagnosticText unknown_name_text(std::string_view name, std::string suggestion);

}  // namespace salesdojo
