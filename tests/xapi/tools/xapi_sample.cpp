// Prints, as JSON Lines, the xAPI statements of random plays of every bundled scenario (in each of
// its languages) and of a few hand-made edge cases; tests/xapi/validate_sample.js runs every line
// through Learning Locker's validator. Usage: salesdojo_xapi_sample SCENARIO_FOLDER [PLAYS_PER_SCENARIO]
#include <salesdojo/analysis.hpp>
#include <salesdojo/loader.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/store/attempt.hpp>
#include <salesdojo/xapi/statements.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>

using namespace salesdojo;

namespace {

std::uint64_t next(std::uint64_t& state) {  // splitmix64
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void print(const std::vector<nlohmann::json>& statements) {
    for (const auto& s : statements) std::cout << s.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: salesdojo_xapi_sample SCENARIO_FOLDER [PLAYS_PER_SCENARIO]\n";
        return 2;
    }
    const int plays = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::uint64_t random = 42;
    xapi::StatementOptions options;
    options.home_page = "https://lms.example.org";
    options.activity_base = "https://lms.example.org/salesdojo";  // no trailing slash: one is added
    std::size_t attempts = 0;
    for (const auto& file : files) {
        LoadResult loaded = load_scenario_file(file.string());
        if (!loaded.ok()) {
            std::cerr << file << ": does not load\n";
            return 1;
        }
        const AnalysisResult analysed = analyse(loaded.scenario);
        if (!analysed.analysis) {
            std::cerr << file << ": cannot be analysed\n";
            return 1;
        }
        for (int play = 0; play < plays; ++play) {
            Session session(loaded.scenario, next(random));
            std::vector<std::optional<double>> seconds;
            for (int guard = 0; !session.finished() && guard < 1000; ++guard) {
                std::vector<int> available;
                for (const auto& option : session.options())
                    if (option.available) available.push_back(option.index);
                if (available.empty()) break;
                session.choose(available[next(random) % available.size()]);
                seconds.push_back(play % 2 ? std::optional<double>(0.5 + double(next(random) % 9000) / 100.0) : std::nullopt);
            }
            const Debrief debrief = make_debrief(*analysed.analysis, session);
            const auto& languages = loaded.scenario->languages;
            const std::string language = languages.empty() ? "" : languages[static_cast<std::size_t>(play) % languages.size()];
            store::AttemptContext context{1, loaded.scenario->content_hash, language, play % 2 ? "practice" : "scripted",
                                          1'780'000'000'000 + play * 60'000, 1'780'000'000'000 + play * 60'000 + 300'000,
                                          seconds};
            const store::AttemptRecord record = store::make_attempt_record(session, debrief, context);
            print(xapi::attempt_statements(record, play % 3 ? "Ann de Vries" : "Jörg Ünal", loaded.scenario.get(), options));
            ++attempts;
        }
    }
    // Edge cases: no scenario at hand, an unfinished attempt, odd ids, no pass mark, extreme numbers.
    store::AttemptRecord odd;
    odd.scenario_id = "a scenario/with?odd#ids&ü";
    odd.scenario_version = "";
    odd.language = "";
    odd.mode = "imported";
    odd.started_ms = 0;
    odd.ended_ms = 0;
    odd.finished = true;
    odd.overall = 250.0;  // clamped to 100
    odd.decisions.push_back({"node with space", "choice/1", "", 1e300, false, -3.0});
    odd.dimensions.push_back({"bias", -5, 0.0});
    print(xapi::attempt_statements(odd, "x", nullptr, {}));
    odd.finished = false;
    odd.passed = false;
    odd.started_ms = 1'780'000'000'000;
    odd.ended_ms = 1'779'000'000'000;  // end before start: durations stay valid
    print(xapi::attempt_statements(odd, "\"quoted\" name", nullptr, {}));
    odd.finished = true;
    print(xapi::attempt_statements(odd, "y", nullptr, {}));
    odd.passed = true;
    odd.accuracy = 100.0;
    print(xapi::attempt_statements(odd, "z", nullptr, {}));
    std::cerr << "salesdojo_xapi_sample: " << attempts + 4 << " attempts from " << files.size() << " scenario files\n";
    return 0;
}
