#include <salesdojo/main_skills.hpp>

#include <algorithm>

namespace salesdojo {

std::vector<SkillStake> skill_stakes(const Scenario& s) {
    std::vector<SkillStake> out;
    for (const std::string& skill : s.skills) {
        SkillStake stake{skill, 0.0};
        const std::optional<int> dimension = s.find_dimension(skill);
        if (dimension) {
            const bool charged = s.assumption_dimension == dimension;
            for (const Node& node : s.nodes) {
                if (node.kind != NodeKind::Choices || node.choices.size() < 2) continue;
                double high = 0.0, low = 0.0;
                for (std::size_t k = 0; k < node.choices.size(); ++k) {
                    const Choice& c = node.choices[k];
                    double points = 0.0;
                    for (const ScoreEffect& e : c.score)
                        if (e.dimension == *dimension) points += e.amount;
                    if (charged) points -= static_cast<double>(s.assumption_penalty) * static_cast<double>(c.requires_facts.size());
                    high = k == 0 ? points : std::max(high, points);
                    low = k == 0 ? points : std::min(low, points);
                }
                stake.stake += high - low;
            }
            stake.stake *= s.dimensions[static_cast<std::size_t>(*dimension)].weight;
        }
        out.push_back(std::move(stake));
    }
    return out;
}

std::vector<std::string> main_skills(const Scenario& s) {
    const std::vector<SkillStake> stakes = skill_stakes(s);
    double top = 0.0;
    for (const auto& st : stakes) top = std::max(top, st.stake);
    std::vector<std::string> out;
    for (const auto& st : stakes)
        if (top <= 0.0 || st.stake >= kMainSkillShare * top) out.push_back(st.skill);
    return out;
}

}  // namespace salesdojo
