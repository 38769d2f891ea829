#include "views/format.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <ctime>
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

namespace {

std::string local_time(std::int64_t unix_ms, const char* format) {
    const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &local);
    return buffer;
}

}  // namespace

std::string date_time(std::int64_t unix_ms, const std::string& language) {
    return local_time(unix_ms, language == "nl" ? "%d-%m-%Y %H:%M" : "%Y-%m-%d %H:%M");
}

std::string date_only(std::int64_t unix_ms, const std::string& language) {
    return local_time(unix_ms, language == "nl" ? "%d-%m-%Y" : "%Y-%m-%d");
}

}  // namespace salesdojo::gui
