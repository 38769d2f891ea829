#pragma once
// Small helpers the App's source files share (app.cpp, app_classroom.cpp).
#include <ctime>
#include <string>

namespace salesdojo::gui {

// std::visit over intents with one lambda per alternative.
template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// Local time as YYYYMMDD-HHMMSS, for the names of saved files.
inline std::string file_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%d-%H%M%S", &local);
    return buffer;
}

}  // namespace salesdojo::gui
