#pragma once
// Interface strings with placeholders are printf formats (ui_text.cpp's convention; its test checks
// that both languages take the same placeholders), filled here into a std::string.
#include <cstdint>
#include <string>

namespace salesdojo::gui {

std::string printf_string(const char* format, ...) __attribute__((format(printf, 1, 2)));

// 72.4 -> "72"; never "-0".
std::string whole_number(double value);

// A Unix time in milliseconds as local date and time: "2026-12-06 14:05" in English,
// "06-12-2026 14:05" in Dutch. Digits only, so no word needs translating.
std::string date_time(std::int64_t unix_ms, const std::string& language);
// The date alone, in the same order.
std::string date_only(std::int64_t unix_ms, const std::string& language);

}  // namespace salesdojo::gui
