#include "views/run.hpp"

#include <salesdojo/image_header.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace salesdojo::gui {

Run::Run(std::size_t entry_, std::shared_ptr<const Scenario> scenario_, std::shared_ptr<const Analysis> analysis_,
         Mode mode_, std::string language_)
    : entry(entry_), scenario(scenario_), analysis(std::move(analysis_)), session(std::move(scenario_)),
      mode(mode_), language(std::move(language_)) {
    if (analysis) typical_decisions = best_line_decisions(*analysis, session);
}

std::string Run::portrait_key(int cast, const std::string& expression) {
    return std::to_string(cast) + "/" + expression;
}

const PortraitImage* Run::portrait(int cast, const std::string& expression) const {
    auto it = portraits.find(portrait_key(cast, expression));
    if (it == portraits.end()) it = portraits.find(portrait_key(cast, "neutral"));
    return it == portraits.end() ? nullptr : &it->second;
}

std::string content_language(const Scenario& scenario, const std::string& interface_language) {
    const auto& langs = scenario.languages;
    if (std::find(langs.begin(), langs.end(), interface_language) != langs.end()) return interface_language;
    return scenario.default_language();
}

int best_line_decisions(const Analysis& analysis, const Session& fresh_session) {
    const Debrief best = make_debrief(analysis, fresh_session);
    int decisions = 0;
    for (const auto& step : best.best_line)
        if (step.choice) ++decisions;
    return decisions;
}

void load_portraits(Run& run, const ImageLoader& loader) {
    namespace fs = std::filesystem;
    if (!loader) return;
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(fs::absolute(run.scenario->file, ec).parent_path(), ec);
    if (ec) return;
    for (std::size_t c = 0; c < run.scenario->cast.size(); ++c) {
        for (const auto& [expression, relative] : run.scenario->cast[c].portraits) {
            const fs::path full = fs::weakly_canonical(folder / relative, ec);
            if (ec) continue;
            const auto [end, _] = std::mismatch(folder.begin(), folder.end(), full.begin(), full.end());
            if (end != folder.end()) continue;  // outside the scenario's folder (the loader reports SD2018)
            std::string encoded;
            if (auto problem = read_portrait_file(full.string(), encoded)) {
                std::fprintf(stderr, "salesdojo: %s\n", problem->message.c_str());  // lint reports it too
                continue;
            }
            if (encoded.empty()) continue;  // no such file: the drawn portrait
            if (auto image = loader(full.string(), encoded))
                run.portraits[Run::portrait_key(static_cast<int>(c), expression)] = *image;
        }
    }
}

}  // namespace salesdojo::gui
