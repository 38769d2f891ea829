#include "views/format.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <vector>

namespace salesdojo::gui {

std::string printf_string(const char* format, ...) {
    va_list args;
    va_start(args, format);
    va_list copy;
    va_copy(copy, args);
    const int size = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string out;
    if (size > 0) {
        std::vector<char> buffer(static_cast<std::size_t>(size) + 1);
        std::vsnprintf(buffer.data(), buffer.size(), format, args);
        out.assign(buffer.data(), static_cast<std::size_t>(size));
    }
    va_end(args);
    return out;
}

std::string whole_number(double value) {
    const long long rounded = std::llround(value);
    return std::to_string(rounded == 0 ? 0LL : rounded);
}

}  // namespace salesdojo::gui
