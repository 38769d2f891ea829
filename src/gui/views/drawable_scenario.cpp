#include "views/drawable_scenario.hpp"

#include "text_fallback.hpp"

namespace salesdojo::gui {
namespace {

void fix(LocalizedText& text) {
    for (auto& [language, value] : text.by_language) value = to_drawable_text(value);
}

}  // namespace

std::shared_ptr<const Scenario> make_drawable(const Scenario& original) {
    auto s = std::make_shared<Scenario>(original);
    fix(s->title);
    fix(s->summary);
    for (auto& member : s->cast) {
        fix(member.name);
        fix(member.role);
        fix(member.appearance.description);
    }
    for (auto& dimension : s->dimensions) {
        fix(dimension.title);
        fix(dimension.description);
    }
    for (auto& principle : s->principles) {
        fix(principle.title);
        fix(principle.explanation);
    }
    for (auto& fact : s->facts) fix(fact.title);
    for (auto& outcome : s->outcomes) fix(outcome.title);
    for (auto& node : s->nodes) {
        fix(node.text);
        fix(node.narration);
        fix(node.trainer_notes);
        for (auto& prompt : node.discussion) fix(prompt);
        fix(node.ending.title);
        for (auto& choice : node.choices) {
            fix(choice.text);
            fix(choice.feedback);
        }
    }
    return s;
}

}  // namespace salesdojo::gui
