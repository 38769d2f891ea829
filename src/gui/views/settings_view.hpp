#pragma once
// The settings panel, over any screen: interface language, text size (Ctrl + / Ctrl -), high
// contrast, fullscreen (F11), read-aloud. Each change is an intent; the App saves the settings.
#include "settings.hpp"
#include "views/intent.hpp"
#include "views/view_context.hpp"

namespace salesdojo::gui {

inline constexpr float kMinFontScale = 0.75f;
inline constexpr float kMaxFontScale = 2.5f;
inline constexpr float kFontScaleStep = 0.125f;

class SettingsView {
public:
    Intent Draw(const ViewContext& ctx, const Settings& settings, bool speech_available);
};

}  // namespace salesdojo::gui
