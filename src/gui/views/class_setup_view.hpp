#pragma once
// The classroom screen before a class (docs/classroom.md, "In the window"): pick a scenario, the
// room's language, whether phones vote (a voting page on this network) and whether trainees give
// their names (anonymous otherwise), then "Run as a class".
#include "views/catalogue.hpp"
#include "views/class_intent.hpp"
#include "views/view_context.hpp"

#include <optional>
#include <string>

namespace salesdojo::gui {

class ClassSetupView {
public:
    // `problem`: a ui_text key and its detail, shown above the button (the server could not start).
    ClassIntent Draw(const ViewContext& ctx, const Catalogue& catalogue, const std::string& problem,
                     const std::string& detail);

    void select(std::size_t entry) { m_entry = entry; }
    std::optional<std::size_t> selected() const { return m_entry; }
    void set_phones(bool on) { m_phones = on; }
    void set_names(bool on) { m_names = on; }
    void set_language(std::string language) { m_language = std::move(language); }

private:
    std::optional<std::size_t> m_entry;
    std::string m_language;  // "" = the scenario's first
    bool m_phones = true;
    bool m_names = false;
};

}  // namespace salesdojo::gui
