#pragma once
// The home screen: the scenarios as cards (title, summary, skills, difficulty, minutes, languages,
// last score), filters by skill and language, and the choice between practice and assessment.
// A file that did not load gets a card that opens its problems. Only the rows of cards in view are
// drawn (row_clipper.hpp); above them, notices: scenarios still loading, files beyond the catalogue
// limit, a damaged progress file that was set aside.
#include "views/catalogue.hpp"
#include "views/intent.hpp"
#include "views/row_clipper.hpp"
#include "views/view_context.hpp"

#include <optional>
#include <vector>

namespace salesdojo::gui {

class ProgressStore;

class HomeView {
public:
    Intent Draw(const ViewContext& ctx, const Catalogue& catalogue, const ProgressStore* progress, Mode mode);

    // Filters: an index into catalogue.skills / catalogue.languages, or -1 for all.
    void set_filters(int skill, int language) { m_skill = skill, m_language = language; }
    bool shows(const Catalogue& catalogue, const CatalogueEntry& entry) const;

private:
    Intent draw_controls(const ViewContext& ctx, const Catalogue& catalogue, Mode mode);
    void draw_notices(const ViewContext& ctx, const Catalogue& catalogue, const ProgressStore* progress);
    float card_height(const ViewContext& ctx, const CatalogueEntry& entry, float width) const;
    Intent draw_card(const ViewContext& ctx, std::size_t index, const CatalogueEntry& entry,
                     const ProgressStore* progress, ImVec2 size);

    int m_skill = -1;
    int m_language = -1;
    std::vector<std::size_t> m_shown;  // entries passing the filters, in catalogue order
    std::size_t m_shown_key = ~std::size_t{0};
    RowClipper m_rows;                 // one row per line of cards
};

}  // namespace salesdojo::gui
