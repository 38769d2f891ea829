#pragma once
// A scenario's main skills: the skills it declares that its decisions weigh most (docs/scoring.md,
// "Main skills"). Every bundled scenario scores all four dimensions and most declare all four
// skills, so filtering by "declares the skill" matched nearly every card; the main skills are what
// the home screen shows on a card and filters by.
//
// A declared skill's stake is, over every node with two or more choices, the spread between the
// highest and lowest score its choices give on the dimension of that id (the unsupported-assumption
// charge included, counting every required fact as unknown), times the dimension's weight. A skill
// is main when its stake is at least kMainSkillShare of the highest stake among the declared skills.
// A skill with no dimension of its id has stake 0; when every stake is 0 all declared skills are main.
#include <salesdojo/scenario.hpp>

#include <string>
#include <vector>

namespace salesdojo {

constexpr double kMainSkillShare = 0.8;

struct SkillStake {
    std::string skill;
    double stake = 0.0;
};

// The declared skills with their stakes, in declaration order.
std::vector<SkillStake> skill_stakes(const Scenario& scenario);
// The main skills, in declaration order (empty only when none is declared).
std::vector<std::string> main_skills(const Scenario& scenario);

}  // namespace salesdojo
