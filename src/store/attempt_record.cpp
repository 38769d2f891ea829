// Sessions to attempt records, re-scoring by replay, and the content hash. See attempt.hpp.
#include <salesdojo/store/attempt.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace salesdojo::store {

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a 64-bit offset basis
    for (unsigned char byte : bytes) {
        hash ^= byte;
        hash *= 0x100000001b3ull;  // FNV-1a 64-bit prime
    }
    return hash;
}

std::string content_hash_hex(std::string_view bytes) { return content_hash_of(bytes); }  // the core's, one hash

std::string content_hash_of_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return {};
    return content_hash_hex(bytes.str());
}

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

AttemptRecord make_attempt_record(const Session& session, const Debrief& debrief, const AttemptContext& context) {
    const Scenario& s = session.scenario();
    AttemptRecord a;
    a.trainee_id = context.trainee_id;
    a.scenario_id = s.id;
    a.scenario_version = s.version;
    a.content_hash = context.content_hash;
    a.language = context.language;
    a.mode = context.mode;
    a.seed = session.seed();
    a.started_ms = context.started_ms;
    a.ended_ms = context.ended_ms;
    a.finished = debrief.finished;
    if (debrief.finished && debrief.ending_node) {
        const Node& ending = s.nodes[static_cast<std::size_t>(*debrief.ending_node)];
        a.ending_node = ending.id;
        a.outcome = s.outcomes[static_cast<std::size_t>(ending.ending.outcome)].id;
    }
    a.weighted_total = debrief.weighted_total;
    a.overall = debrief.overall_score;
    a.accuracy = debrief.accuracy;
    a.passed = debrief.passed;

    // One record per decision, from the transcript (every decision, counted or not), with the
    // debrief's verdict and loss where it reviewed that step.
    std::size_t review = 0;
    const auto& transcript = session.transcript();
    for (std::size_t i = 0; i < transcript.size(); ++i) {
        const TranscriptEntry& entry = transcript[i];
        if (!entry.choice) continue;
        const Node& node = s.nodes[static_cast<std::size_t>(entry.node)];
        DecisionRecord d;
        d.node_id = node.id;
        d.choice_id = node.choices[static_cast<std::size_t>(*entry.choice)].id;
        while (review < debrief.decisions.size() && debrief.decisions[review].transcript_index < i) ++review;
        if (review < debrief.decisions.size() && debrief.decisions[review].transcript_index == i) {
            const DecisionReview& r = debrief.decisions[review];
            d.verdict = verdict_id(r.verdict);
            d.loss = r.loss;
            d.counted = r.counted;
        } else {
            d.verdict.clear();  // not reviewed (the analysis did not complete this state)
        }
        const std::size_t position = a.decisions.size();
        if (position < context.seconds.size()) d.seconds = context.seconds[position];
        a.decisions.push_back(std::move(d));
    }
    for (const DimensionScore& dimension : debrief.dimensions)
        a.dimensions.push_back({s.dimensions[static_cast<std::size_t>(dimension.dimension)].id, dimension.total, dimension.score});
    return a;
}

std::optional<Session> replay_choice_ids(std::shared_ptr<const Scenario> scenario, std::uint64_t seed,
                                         const std::vector<std::string>& choice_ids, std::string& error) {
    Session session(std::move(scenario), seed);
    for (std::size_t i = 0; i < choice_ids.size(); ++i) {
        if (session.state() != SessionState::AwaitingChoice) {
            error = "decision " + std::to_string(i + 1) + " ('" + choice_ids[i] + "') comes after the scenario " +
                    (session.finished() ? "ended" : "got stuck");
            return std::nullopt;
        }
        std::optional<int> choice;
        for (const auto& option : session.options())
            if (option.choice->id == choice_ids[i] && option.available) choice = option.index;
        if (!choice) {
            error = "decision " + std::to_string(i + 1) + " ('" + choice_ids[i] + "') is not an available choice at node '" +
                    session.current().id + "'";
            return std::nullopt;
        }
        session.choose(*choice);
    }
    return session;
}

std::optional<AttemptRecord> rescore_attempt(const AttemptRecord& stored, std::shared_ptr<const Scenario> scenario,
                                             const Analysis& analysis, std::string& error) {
    if (scenario->id != stored.scenario_id) {
        error = "attempt of '" + stored.scenario_id + "' cannot be scored against '" + scenario->id + "'";
        return std::nullopt;
    }
    auto session = replay_choice_ids(scenario, stored.seed, stored.choice_ids(), error);
    if (!session) return std::nullopt;
    const std::string language = stored.language.empty() ? scenario->default_language() : stored.language;
    const Debrief debrief = make_debrief(analysis, *session);
    AttemptContext context{stored.trainee_id, "", language, stored.mode, stored.started_ms, stored.ended_ms, {}};
    for (const auto& d : stored.decisions) context.seconds.push_back(d.seconds);
    AttemptRecord rescored = make_attempt_record(*session, debrief, context);
    rescored.id = stored.id;
    return rescored;
}

}  // namespace salesdojo::store
