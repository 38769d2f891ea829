#pragma once
// The home screen: the trainee (pick, create, open their history), cards that resume the trainee's
// unfinished runs, the scenarios as cards (title, summary, skills, difficulty, minutes, languages,
// latest score), a search box, filters (skill, language, difficulty, length, not played yet) and a
// sort (views/card_filter.hpp), and the choice between practice and assessment.
// A file that did not load gets a card that opens its problems. Only the rows of cards in view are
// drawn (row_clipper.hpp); above them, notices: scenarios still loading, files beyond the catalogue
// limit, a results database that cannot be used (dismissable), a saved run that no longer fits.
#include "views/card_filter.hpp"
#include "views/catalogue.hpp"
#include "views/intent.hpp"
#include "views/row_clipper.hpp"
#include "views/view_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace salesdojo::gui {

class Results;

class HomeView {
public:
    // At most this many resume cards; the rest are counted in one line below them.
    static constexpr std::size_t kMaxResumeCards = 3;

    Intent Draw(const ViewContext& ctx, const Catalogue& catalogue, const Results& results, Mode mode);

    // After intent::CreateTrainee: "" closes the name field, else the ui_text key of the problem.
    void set_trainee_problem(const std::string& key);
    // The scenario whose saved run could not be resumed ("" = none): a notice says so.
    void set_resume_failed(const std::string& scenario_id) { m_resume_failed = scenario_id; }

    // Filters: an index into catalogue.skills / catalogue.languages, or -1 for all.
    void set_filters(const Catalogue& catalogue, int skill, int language);
    void set_filter(CardFilter filter) { m_filter = std::move(filter); }
    const CardFilter& filter() const { return m_filter; }
    // The entries shown in the last frame, in order (indices into catalogue.entries).
    const std::vector<std::size_t>& shown() const { return m_shown; }

private:
    Intent draw_trainee(const ViewContext& ctx, const Results& results);
    float trainee_row_width(const ViewContext& ctx, const Results& results) const;
    Intent draw_controls(const ViewContext& ctx, const Catalogue& catalogue, Mode mode);
    Intent draw_notices(const ViewContext& ctx, const Catalogue& catalogue, const Results& results);
    Intent draw_resume_cards(const ViewContext& ctx, const Catalogue& catalogue, const Results& results);
    float card_height(const ViewContext& ctx, const CatalogueEntry& entry, float width) const;
    Intent draw_card(const ViewContext& ctx, std::size_t index, const CatalogueEntry& entry,
                     const Results& results, ImVec2 size);

    CardFilter m_filter;
    std::vector<std::size_t> m_shown;  // entries passing the filters, in the order chosen
    std::size_t m_shown_key = ~std::size_t{0};
    RowClipper m_rows;                 // one row per line of cards
    bool m_adding_trainee = false;     // the new trainee's name field is open
    bool m_focus_name = false;         // put the keyboard in it on the next frame
    std::string m_new_name;
    std::string m_trainee_problem;     // ui_text key, "" = none
    std::string m_resume_failed;       // scenario id
};

}  // namespace salesdojo::gui
