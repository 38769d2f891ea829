#pragma once
// The one catalogue of interface words shared by every rendering (text, Markdown, HTML, the terminal
// player and the window): verdict, dimension and outcome-class names, debrief headings, sentence
// templates, prompts. Dutch and English; any other language falls back to English.
//
// Conventions (checked by tests/test_report.cpp):
// - Keys are "<family>.<name>": verdict.*, dimension.<default id>, outcome.<built-in id>,
//   expression.*, debrief.*, transcript.*, prompt.*, play.* (report/play_words.hpp).
// - Templates take numbered placeholders {1}, {2}, ... filled with fill(); numbers are formatted
//   before they go in (number(), so Dutch gets a decimal comma). No text contains '%', so the window
//   may pass any of them to a printf-style call.
// - Both languages of a key take the same placeholders.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo::report {

// The text of `key` in `language` ("nl", else English). Unknown keys return the key itself, so a
// missing entry is visible, never a crash; the pointer lives for the rest of the program.
const char* word(std::string_view key, std::string_view language);
bool has_word(std::string_view key);
std::vector<std::string_view> word_keys();

// Replaces {1}, {2}, ... in `pattern` by the arguments, in order of their number.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> arguments);
// word() then fill().
std::string phrase(std::string_view key, std::string_view language, std::initializer_list<std::string_view> arguments);

// A number with `decimals` digits after the separator: a comma in Dutch, a point otherwise.
// Never "-0". Whole values print without decimals when `trim_whole` is set.
enum class Trim { Keep, WholeWithoutDecimals };
std::string number(double value, int decimals, std::string_view language, Trim trim = Trim::Keep);
// "+3", "0", "-2" (a plain hyphen-minus: the window's fonts have no U+2212), decimals as number().
std::string signed_number(double value, int decimals, std::string_view language);

}  // namespace salesdojo::report
