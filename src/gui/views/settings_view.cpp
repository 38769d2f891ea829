#include "views/settings_view.hpp"

#include "views/format.hpp"
#include "views/draw_log.hpp"
#include "views/widgets.hpp"

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <cmath>

namespace salesdojo::gui {

Intent SettingsView::Draw(const ViewContext& ctx, const Settings& settings, bool speech_available) {
    Intent result;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.9f, ImGui::GetFontSize() * 30.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    const std::string title = std::string(ctx.t("settings.title")) + "###settings";
    log_drawn(ctx.t("settings.title"));
    if (!ImGui::IsPopupOpen("###settings")) ImGui::OpenPopup("###settings");
    bool open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &open,
                                ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoMove)) {
        return intent::CloseSettings{};
    }
    if (!open) result = intent::CloseSettings{};

    text_in_font(ctx.bold(), ctx.t("settings.language"));
    if (radio("English", settings.language == "en") && settings.language != "en")
        result = intent::SetLanguage{"en"};
    ImGui::SameLine();
    if (radio("Nederlands", settings.language == "nl") && settings.language != "nl")
        result = intent::SetLanguage{"nl"};
    ImGui::Spacing();

    text_in_font(ctx.bold(), ctx.t("settings.text_size"));
    const float scale = settings.font_scale;
    if (button(ctx.t("settings.smaller"))) result = intent::SetFontScale{std::max(kMinFontScale, scale - kFontScaleStep)};
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text(printf_string(ctx.t("settings.font_size_value"), static_cast<int>(std::lround(scale * 100.0f))));
    ImGui::SameLine();
    if (button(ctx.t("settings.larger"))) result = intent::SetFontScale{std::min(kMaxFontScale, scale + kFontScaleStep)};
    text_coloured(ctx.colours->text_dim, ctx.t("settings.text_size_keys"));
    ImGui::Spacing();

    text_in_font(ctx.bold(), ctx.t("settings.text_speed"));
    for (TextSpeed speed : {TextSpeed::Slow, TextSpeed::Normal, TextSpeed::Fast, TextSpeed::Instant}) {
        if (speed != TextSpeed::Slow) ImGui::SameLine();
        const std::string key = std::string("settings.speed_") + text_speed_id(speed);
        if (radio(ctx.t(key), settings.text_speed == speed) && settings.text_speed != speed)
            result = intent::SetTextSpeed{speed};
    }
    ImGui::Spacing();

    bool high_contrast = settings.high_contrast;
    if (checkbox(ctx.t("settings.high_contrast"), &high_contrast)) result = intent::SetHighContrast{high_contrast};
    bool fullscreen = settings.fullscreen;
    if (checkbox(ctx.t("settings.fullscreen"), &fullscreen)) result = intent::SetFullscreen{fullscreen};
    // Without espeak-ng read-aloud cannot be turned on, but one that is on can be turned off.
    bool read_aloud = settings.read_aloud;
    const bool locked = !speech_available && !settings.read_aloud;
    if (locked) ImGui::BeginDisabled();
    if (checkbox(ctx.t("settings.read_aloud"), &read_aloud)) result = intent::SetReadAloud{read_aloud};
    if (locked) ImGui::EndDisabled();
    if (!speech_available) text_coloured(ctx.colours->text_dim, ctx.t("settings.no_speech"));
    else text_coloured(ctx.colours->text_dim, ctx.t("settings.read_aloud_keys"));
    ImGui::Spacing();
    ImGui::Separator();
    if (button(ctx.t("settings.close"))) result = intent::CloseSettings{};
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    text_coloured(ctx.colours->text_dim, ctx.t("settings.saved_note"));
    // Not WantCaptureKeyboard: ImGui sets it whenever a modal is open, this one included.
    if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
        merge(result, intent::CloseSettings{});
    if (!is_none(result) && std::holds_alternative<intent::CloseSettings>(result)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return result;
}

}  // namespace salesdojo::gui
