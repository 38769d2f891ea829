// First/best/latest per scenario, the weakest skill and the next scenario. See progress_summary.hpp.
#include <salesdojo/store/progress_summary.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace salesdojo::store {
namespace {

// Oldest first; equal times by attempt id (the order they were stored).
bool earlier(const AttemptSummary& a, const AttemptSummary& b) {
    return a.ended_ms != b.ended_ms ? a.ended_ms < b.ended_ms : a.id < b.id;
}

std::vector<const AttemptSummary*> chronological(const std::vector<AttemptSummary>& history) {
    std::vector<const AttemptSummary*> order;
    order.reserve(history.size());
    for (const auto& attempt : history) order.push_back(&attempt);
    std::sort(order.begin(), order.end(), [](const AttemptSummary* a, const AttemptSummary* b) { return earlier(*a, *b); });
    return order;
}

AttemptPoint point(const AttemptSummary& a) { return {a.id, a.ended_ms, a.overall}; }

}  // namespace

std::vector<ScenarioProgress> progress_by_scenario(const std::vector<AttemptSummary>& history) {
    std::map<std::string, ScenarioProgress> by_id;
    for (const AttemptSummary* a : chronological(history)) {
        ScenarioProgress& p = by_id[a->scenario_id];
        if (p.attempts == 0) {
            p.scenario_id = a->scenario_id;
            p.first = p.best = point(*a);
        } else if (a->overall > p.best.overall) {
            p.best = point(*a);
        }
        p.latest = point(*a);
        ++p.attempts;
    }
    std::vector<ScenarioProgress> list;
    list.reserve(by_id.size());
    for (auto& [id, p] : by_id) list.push_back(std::move(p));
    std::sort(list.begin(), list.end(), [](const ScenarioProgress& a, const ScenarioProgress& b) {
        if (a.latest.ended_ms != b.latest.ended_ms) return a.latest.ended_ms > b.latest.ended_ms;
        return a.latest.attempt_id > b.latest.attempt_id;
    });
    return list;
}

std::optional<SkillStanding> weakest_skill(const std::vector<AttemptSummary>& history,
                                           const std::vector<ScenarioOffer>& offers) {
    std::set<std::string> offered;
    for (const auto& offer : offers) offered.insert(offer.skills.begin(), offer.skills.end());
    // Newest first, so each skill's mean takes its most recent attempts.
    std::vector<const AttemptSummary*> order = chronological(history);
    std::reverse(order.begin(), order.end());
    std::map<std::string, SkillStanding> standing;
    for (const AttemptSummary* a : order) {
        for (const DimensionRecord& d : a->dimensions) {
            if (offered.count(d.dimension_id) == 0) continue;
            SkillStanding& s = standing[d.dimension_id];
            if (s.attempts == kRecentAttemptsPerSkill) continue;
            s.skill = d.dimension_id;
            s.average += d.score;  // a sum until divided below
            ++s.attempts;
        }
    }
    std::optional<SkillStanding> weakest;
    for (auto& [id, s] : standing) {  // by id: ties keep the lower id
        s.average /= static_cast<double>(s.attempts);
        if (!weakest || s.average < weakest->average ||
            (s.average == weakest->average && s.attempts < weakest->attempts))
            weakest = s;
    }
    return weakest;
}

std::optional<Suggestion> suggest_next(const std::vector<AttemptSummary>& history,
                                       const std::vector<ScenarioOffer>& offers) {
    return suggest_next(weakest_skill(history, offers), progress_by_scenario(history), offers);
}

std::optional<Suggestion> suggest_next(const std::optional<SkillStanding>& weakest,
                                       const std::vector<ScenarioProgress>& progress,
                                       const std::vector<ScenarioOffer>& offers) {
    if (!weakest) return std::nullopt;
    std::map<std::string, std::int64_t> last_played;
    for (const auto& p : progress) last_played.emplace(p.scenario_id, p.latest.ended_ms);
    std::optional<Suggestion> best;
    for (const auto& offer : offers) {
        if (std::find(offer.skills.begin(), offer.skills.end(), weakest->skill) == offer.skills.end()) continue;
        const auto played = last_played.find(offer.id);
        if (played == last_played.end()) return Suggestion{*weakest, offer.id, std::nullopt};  // never played
        if (!best || played->second < *best->last_played_ms) best = Suggestion{*weakest, offer.id, played->second};
    }
    return best;
}

PlotSeries plot_series(const std::vector<AttemptSummary>& history, std::size_t max_attempts) {
    std::vector<const AttemptSummary*> scored;  // newest first
    for (const auto& attempt : history) {
        if (scored.size() == max_attempts) break;
        if (!attempt.dimensions.empty()) scored.push_back(&attempt);
    }
    std::reverse(scored.begin(), scored.end());
    PlotSeries plot;
    std::map<std::string, std::size_t> index;
    for (const AttemptSummary* attempt : scored) {
        for (const auto& d : attempt->dimensions) {
            auto [it, fresh] = index.emplace(d.dimension_id, plot.series.size());
            if (fresh) plot.series.push_back({d.dimension_id, {}});
            plot.series[it->second].scores.push_back(static_cast<float>(d.score));
        }
    }
    if (!scored.empty()) {
        plot.first_ms = scored.front()->ended_ms;
        plot.last_ms = scored.back()->ended_ms;
        plot.attempts = scored.size();
    }
    return plot;
}

}  // namespace salesdojo::store
