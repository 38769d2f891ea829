#pragma once
// What every view needs to draw besides its data: fonts, interface language, colours.
#include "fonts.hpp"
#include "ui_text.hpp"
#include "views/theme.hpp"

#include <string>

namespace salesdojo::gui {

struct ViewContext {
    const Fonts* fonts = nullptr;
    std::string language = "en";  // interface language
    bool high_contrast = false;
    const Palette* colours = &palette(false);

    const char* t(std::string_view key) const { return ui(key, language); }
    // The translation of `key`, or `fallback` when the table has none (ui() returns the key then).
    std::string t_or(const std::string& key, const std::string& fallback) const {
        const char* s = ui(key, language);
        return key == s ? fallback : std::string(s);
    }
    ImFont* bold() const { return fonts && fonts->bold ? fonts->bold : ImGui::GetFont(); }
    ImFont* title() const { return fonts && fonts->title ? fonts->title : ImGui::GetFont(); }
};

}  // namespace salesdojo::gui
