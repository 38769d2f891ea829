// libFuzzer harness: restoring saved sessions (src/core/session.cpp, save_session/restore_session).
//
// Each input is a save file's bytes. The scenario is the bundled one the save names (scenarios/ and
// tests/data/valid/, loaded once at start-up), or the first one. The harness checks that
//   - restore_session never crashes and explains every refusal;
//   - a restored session holds exactly the saved decisions, and saving it again and restoring that
//     gives the same session (transcript, values, tallies, state);
//   - undo_to(k) gives the same session as restoring the first k decisions;
//   - the options agree with the state (a session awaiting a choice has an available option), and
//     the transcript can be formatted as text and as JSON.
#include "fuzz_check.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/report/transcript.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace salesdojo;

namespace {

std::vector<std::shared_ptr<const Scenario>>& scenarios() {
    static std::vector<std::shared_ptr<const Scenario>> all;
    return all;
}

void load_bundled_scenarios() {
    namespace fs = std::filesystem;
    const std::string root = SALESDOJO_SOURCE_DIR;
    std::vector<std::string> files;
    for (const char* folder : {"/scenarios", "/tests/data/valid"})
        for (const auto& entry : fs::directory_iterator(root + folder))
            if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        LoadResult result = load_scenario_file(file);
        if (result.ok()) scenarios().push_back(result.scenario);
    }
    FUZZ_CHECK(!scenarios().empty(), "no bundled scenario loaded: is SALESDOJO_SOURCE_DIR right?");
}

bool same_session(const Session& a, const Session& b) {
    if (a.state() != b.state() || a.values() != b.values() || a.tallies() != b.tallies() ||
        a.decisions() != b.decisions() || a.transcript().size() != b.transcript().size())
        return false;
    for (std::size_t i = 0; i < a.transcript().size(); ++i) {
        const TranscriptEntry& x = a.transcript()[i];
        const TranscriptEntry& y = b.transcript()[i];
        if (x.node != y.node || x.choice != y.choice || x.random_branch != y.random_branch ||
            x.assumed_facts != y.assumed_facts)
            return false;
    }
    return true;
}

std::shared_ptr<const Scenario> scenario_for(const nlohmann::json& save) {
    if (save.is_object()) {
        const auto id = save.find("scenario_id");
        if (id != save.end() && id->is_string())
            for (const auto& scenario : scenarios())
                if (scenario->id == id->get_ref<const std::string&>()) return scenario;
    }
    return scenarios().front();
}

void check_state(const Session& session) {
    std::vector<int> available(std::max<std::size_t>(1, session.current().choices.size()));
    const std::size_t n = session.available_choices(available.data(), available.size());
    const std::vector<ChoiceOption> options = session.options();
    const auto offered = static_cast<std::size_t>(
        std::count_if(options.begin(), options.end(), [](const ChoiceOption& o) { return o.available; }));
    switch (session.state()) {
        case SessionState::AwaitingChoice:
            FUZZ_CHECK(n >= 1 && n == offered, "a session awaiting a choice without a consistent available option");
            break;
        case SessionState::Finished:
            FUZZ_CHECK(n == 0 && options.empty(), "a finished session offers options");
            FUZZ_CHECK(session.current().kind == NodeKind::Ending, "a finished session not at an ending");
            break;
        case SessionState::Stuck: FUZZ_CHECK(n == 0, "a stuck session offers options"); break;
    }
    FUZZ_CHECK(std::isfinite(session.weighted_total()), "the weighted total is not finite");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    load_bundled_scenarios();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const nlohmann::json save = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (save.is_discarded()) return 0;
    const std::shared_ptr<const Scenario> scenario = scenario_for(save);

    std::string error;
    std::optional<Session> session = restore_session(scenario, save, error);
    if (!session) {
        FUZZ_CHECK(!error.empty(), "a refused save without a reason");
        return 0;
    }
    const nlohmann::json& decisions = save["decisions"];
    FUZZ_CHECK(session->decision_count() == decisions.size(), "restored a different number of decisions");
    const std::vector<std::string> ids = session->decision_ids();
    for (std::size_t i = 0; i < ids.size(); ++i)
        FUZZ_CHECK(ids[i] == decisions[i].get_ref<const std::string&>(), "a restored decision has another id");
    check_state(*session);

    // Save again and restore: the same session.
    const nlohmann::json again = save_session(*session);
    FUZZ_CHECK(again["seed"].get<std::uint64_t>() == session->seed(), "the save lost the seed");
    std::string again_error;
    std::optional<Session> reloaded = restore_session(scenario, again, again_error);
    FUZZ_CHECK(reloaded.has_value(), "a session's own save cannot be restored");
    FUZZ_CHECK(same_session(*session, *reloaded), "a save/restore round trip changed the session");

    // Undo to the middle: the same as restoring the first half of the decisions.
    const std::size_t half = decisions.size() / 2;
    nlohmann::json prefix = again;
    prefix["decisions"].erase(prefix["decisions"].begin() + static_cast<std::ptrdiff_t>(half), prefix["decisions"].end());
    std::optional<Session> restored_prefix = restore_session(scenario, prefix, again_error);
    FUZZ_CHECK(restored_prefix.has_value(), "a prefix of a valid save cannot be restored");
    Session undone = *session;
    undone.undo_to(half);
    FUZZ_CHECK(same_session(undone, *restored_prefix), "undo_to differs from restoring the same decisions");
    check_state(undone);

    const std::string language = scenario->languages.empty() ? "en" : scenario->languages.front();
    FUZZ_CHECK(!report::transcript_text(*session, report::Languages{language, language}).empty(), "an empty transcript text");
    (void)report::transcript_json(*session, language).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return 0;
}
