#pragma once
// A player-visible text: one plain string (the same in every language) or one string per language.
#include <map>
#include <string>
#include <string_view>

namespace salesdojo {

struct LocalizedText {
    // Key "" holds a plain, language-neutral string; otherwise keys are language codes ("nl", "en").
    std::map<std::string, std::string, std::less<>> by_language;

    bool empty() const { return by_language.empty(); }
    bool is_plain() const { return by_language.size() == 1 && by_language.count("") == 1; }
    bool has(std::string_view language) const {
        return is_plain() || by_language.find(language) != by_language.end();
    }
    // The text in `language`; else the plain string; else the first translation; else "".
    const std::string& get(std::string_view language) const;
};

}  // namespace salesdojo
