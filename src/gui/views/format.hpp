#pragma once
// Interface strings with placeholders are printf formats (ui_text.cpp's convention; its test checks
// that both languages take the same placeholders), filled here into a std::string.
#include <string>

namespace salesdojo::gui {

std::string printf_string(const char* format, ...) __attribute__((format(printf, 1, 2)));

// 72.4 -> "72"; never "-0".
std::string whole_number(double value);

}  // namespace salesdojo::gui
