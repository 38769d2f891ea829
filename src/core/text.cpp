#include <salesdojo/text.hpp>

namespace salesdojo {

const std::string& LocalizedText::get(std::string_view language) const {
    static const std::string empty_text;
    if (auto it = by_language.find(language); it != by_language.end()) return it->second;
    if (auto it = by_language.find(""); it != by_language.end()) return it->second;
    if (!by_language.empty()) return by_language.begin()->second;
    return empty_text;
}

}  // namespace salesdojo
