#pragma once
// Word-level helpers for the pack v2 checks (tests/test_pack_v2.cpp): normalised words for the
// "not the seeds' words" check, name tokens and proper-name candidates for the name checks, every
// string of a scenario document, and which scenarios the checks cover.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::test {

// Lower-cased words with punctuation removed: apostrophes inside a word are dropped ("z’n" -> "zn"),
// every other character that is not a letter or digit separates words. Letters are ASCII and the
// Latin-1 / Latin Extended-A range (Dutch diacritics); upper case in that range is folded.
std::vector<std::string> normalised_words(std::string_view text);

// Fingerprint of the six words starting at `first`, joined by single spaces: FNV-1a 64-bit as 16
// hex digits. The committed list of the seeds' fingerprints lets the copying check run without them.
std::string six_word_fingerprint(const std::vector<std::string>& words, std::size_t first);

// Words as written (case kept), split at every character that is not a letter or digit
// (apostrophes split too: "Harm's" -> "Harm", "s").
std::vector<std::string> name_tokens(std::string_view text);

// Tokens that start with a capital and do not start a sentence (the text before them, spaces
// skipped, is not empty and does not end in . ! ? : ; … or an opening quote, bracket or dash).
std::vector<std::string> capitalised_midsentence(std::string_view text);

// Number of UTF-8 code points: the length a reader sees.
std::size_t code_points(std::string_view text);

struct DocumentString {
    std::string pointer;  // JSON pointer of the string, e.g. /nodes/3/choices/1/text/en
    std::string text;
};
// Every string value in a document (object keys and the `id`-like values included; they are short).
std::vector<DocumentString> all_strings(const nlohmann::json& document);

// Non-empty, non-comment (#) lines of a text file, trimmed. nullopt when the file does not exist.
std::optional<std::vector<std::string>> read_list_file(const std::string& path);

// Ids of the scenarios the pack v2 checks cover: those in tests/data/pack_v2_done.txt while that
// file exists (the rework is under way), else every scenario in scenarios/.
std::set<std::string> pack_v2_checked_ids(const std::vector<std::string>& all_ids);

// The folder with the seed texts: $SALESDOJO_SEEDS_DIR, else ../shared/seeds next to the source tree
// (the seeds' README forbids copying their sentences into the project, so they are not in tests/data).
std::optional<std::string> seeds_directory();

}  // namespace salesdojo::test
