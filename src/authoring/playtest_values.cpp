#include <salesdojo/authoring/playtest_values.hpp>

namespace salesdojo::authoring {

bool add_playtest_values(std::string_view text, PlaytestSetup& setup, std::string& error) {
    const auto separator = [](char c) { return c == ' ' || c == ',' || c == '\t' || c == ';'; };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && separator(text[i])) ++i;
        const std::size_t begin = i;
        while (i < text.size() && !separator(text[i])) ++i;
        if (begin == i) break;
        const std::string_view word = text.substr(begin, i - begin);
        const std::size_t equals = word.find('=');
        if (equals == std::string_view::npos) {
            setup.learn.emplace_back(word);
            continue;
        }
        const std::string_view name = word.substr(0, equals), value = word.substr(equals + 1);
        if (name.empty() || value.empty()) {
            error = "'" + std::string(word) + "' needs a variable and a value, as in trust=3";
            return false;
        }
        setup.set.emplace_back(std::string(name), std::string(value));
    }
    return true;
}

}  // namespace salesdojo::authoring
