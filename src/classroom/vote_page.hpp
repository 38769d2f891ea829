#pragma once
// Private: the phone voting page, one self-contained HTML document (inline style and script under a
// per-response nonce; no external script, font or image), in Dutch or English.
#include <string>

namespace salesdojo::classroom::detail {

std::string vote_page(const std::string& language, const std::string& nonce, bool ask_names);

}  // namespace salesdojo::classroom::detail
