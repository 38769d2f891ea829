#pragma once
// Generators of hostile and large scenario files (issue 9): each writes its file(s) into `folder`
// and returns the path to give `salesdojo`. Generated at test time, never committed (some are tens
// of megabytes).
#include <string>

namespace salesdojo::test::hostile {

std::string long_text(const std::string& folder);              // one node of 100,000 characters
std::string automatic_run(const std::string& folder);          // 20,000 automatic nodes in a row
std::string many_choices(const std::string& folder);           // one node with 3,000 choices
std::string fifo_portrait(const std::string& folder);          // a portrait that is a FIFO
std::string huge_png_portrait(const std::string& folder);      // a 30000x30000 PNG portrait (~700 KB)
std::string many_warnings(const std::string& folder);          // 10,000 warnings (unknown keys)
std::string missing_translations(const std::string& folder);   // 5,000 nodes, "en" missing everywhere
std::string unknown_targets(const std::string& folder);        // 300 nodes, 3,000 unknown targets (long ids)
std::string long_chain(const std::string& folder);             // a chain of 40,000 decisions
std::string trailing_comma_31mib(const std::string& folder);   // 31 MiB ending in a trailing comma
std::string duplicate_keys(const std::string& folder);         // a second "nodes", a repeated key in a node
std::string bytes_after_nul(const std::string& folder);        // the document, a NUL, then more bytes
std::string automatic_steps(const std::string& folder);        // 100,001 automatic steps before a decision
std::string score_overflow(const std::string& folder);         // a loop that overflows int totals
std::string terminal_controls(const std::string& folder);      // ESC[2J and an OSC title in texts, a key
std::string terminal_controls_in_ids(const std::string& folder);  // the same in ids and targets (errors)
std::string nul_in_string(const std::string& folder);          // a raw NUL byte inside a string
std::string nul_between_tokens(const std::string& folder);     // a raw NUL byte between a key and its value
std::string utf32(const std::string& folder);                  // a scenario saved as UTF-32 (with BOM)
std::string two_to_the_64(const std::string& folder);          // 18446744073709551616 as a number
std::string too_long_id(const std::string& folder);            // a node id of 300 letters
std::string folder_named_json(const std::string& folder);      // a folder "x.json" holding no scenario

}  // namespace salesdojo::test::hostile
