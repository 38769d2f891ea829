#include <salesdojo/classroom/class_run.hpp>

#include <salesdojo/scoring.hpp>

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace salesdojo::classroom {
namespace {

void contract(bool condition, const char* message) {
    if (!condition) throw std::logic_error(message);
}

constexpr double kEpsilon = 1e-9;

}  // namespace

const char* class_phase_id(ClassPhase phase) {
    switch (phase) {
        case ClassPhase::Showing: return "showing";
        case ClassPhase::Voting: return "voting";
        case ClassPhase::Revealed: return "revealed";
        case ClassPhase::Consequence: return "consequence";
        case ClassPhase::Finished: return "finished";
    }
    return "?";
}

const char* vote_result_id(VoteResult result) {
    switch (result) {
        case VoteResult::Counted: return "counted";
        case VoteResult::Changed: return "changed";
        case VoteResult::Unchanged: return "unchanged";
        case VoteResult::Closed: return "closed";
        case VoteResult::UnknownOption: return "unknown-option";
        case VoteResult::StaleDecision: return "stale-decision";
    }
    return "?";
}

std::size_t Tally::total() const {
    return std::accumulate(hands.begin(), hands.end(), std::size_t{0}) +
           std::accumulate(phones.begin(), phones.end(), std::size_t{0});
}

ClassRun::ClassRun(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Analysis> analysis,
                   ClassRunOptions options)
    : m_analysis(std::move(analysis)), m_options(std::move(options)), m_session(std::move(scenario), m_options.seed) {
    contract(!m_analysis || &m_analysis->scenario() == &m_session.scenario(),
             "ClassRun needs the analysis of the same scenario");
    const Scenario& s = m_session.scenario();
    m_log.uid = m_options.uid;
    m_log.scenario_id = s.id;
    m_log.scenario_version = s.version;
    m_log.content_hash = s.content_hash;
    m_log.seed = m_options.seed;
    m_log.language = m_options.language;
    m_log.names_requested = m_options.names;
    enter_decision_or_finish();
}

void ClassRun::enter_decision_or_finish() {
    m_device_votes.clear();
    m_offered.clear();
    m_best.reset();
    m_verdicts.clear();
    ++m_tally_version;
    if (m_session.state() != SessionState::AwaitingChoice) {
        m_phase = ClassPhase::Finished;
        m_log.finished = m_session.finished();
        m_log.ending_node = m_session.finished() ? m_session.current().id : std::string();
        return;
    }
    m_phase = ClassPhase::Showing;
    m_transcript_at_decision = m_session.transcript().size() - 1;
    for (const ChoiceOption& option : m_session.options())
        if (option.available) m_offered.push_back(option.index);
    ClassDecisionLog entry;
    entry.node_id = m_session.current().id;
    for (int index : m_offered) entry.option_ids.push_back(m_session.current().choices[static_cast<std::size_t>(index)].id);
    entry.hand_votes.assign(m_offered.size(), 0);
    entry.phone_votes.assign(m_offered.size(), 0);
    m_log.decisions.push_back(std::move(entry));
    compute_insight();
}

// The best option and every option's verdict, as the debrief would judge them (scoring.hpp).
void ClassRun::compute_insight() {
    m_verdicts.assign(m_offered.size(), std::nullopt);
    if (!m_analysis) return;
    const Analysis& a = *m_analysis;
    const std::uint32_t state = a.find_state(m_session.current_node_index(), m_session.values().data());
    if (state == std::numeric_limits<std::uint32_t>::max() || !a.complete(state)) return;
    double best_q = -std::numeric_limits<double>::infinity();
    const Transition* transitions = a.transitions(state);
    for (const OptionVerdict& v : option_verdicts(a, state)) {
        const int choice = transitions[v.transition].index;
        const auto at = std::find(m_offered.begin(), m_offered.end(), choice);
        if (at == m_offered.end()) continue;
        const auto position = static_cast<std::size_t>(at - m_offered.begin());
        m_verdicts[position] = v.verdict;
        if (v.q > best_q + kEpsilon) {
            best_q = v.q;
            m_best = position;
        }
    }
}

void ClassRun::open_vote() {
    contract(m_phase == ClassPhase::Showing, "ClassRun::open_vote needs the Showing phase");
    m_phase = ClassPhase::Voting;
    current_log().vote_opened = true;
    ++m_tally_version;
}

void ClassRun::set_hand_count(std::size_t option, std::size_t count) {
    contract(m_phase == ClassPhase::Voting, "ClassRun::set_hand_count needs an open vote");
    contract(option < m_offered.size(), "ClassRun::set_hand_count: no such option");
    current_log().hand_votes[option] = count;
    ++m_tally_version;
}

VoteResult ClassRun::cast_phone_vote(const std::string& device, std::size_t decision, std::size_t option,
                                     const std::string& name) {
    if (m_phase == ClassPhase::Finished || decision != this->decision()) return VoteResult::StaleDecision;
    if (m_phase != ClassPhase::Voting) return VoteResult::Closed;
    if (option >= m_offered.size()) return VoteResult::UnknownOption;
    auto& phones = current_log().phone_votes;
    auto [it, inserted] = m_device_votes.emplace(device, option);
    if (m_options.names && !name.empty()) m_device_names[device] = name;
    if (inserted) {
        ++phones[option];
        ++m_tally_version;
        return VoteResult::Counted;
    }
    if (it->second == option) return VoteResult::Unchanged;
    --phones[it->second];
    ++phones[option];
    it->second = option;
    ++m_tally_version;
    return VoteResult::Changed;
}

std::optional<std::size_t> ClassRun::phone_vote_of(const std::string& device) const {
    const auto it = m_device_votes.find(device);
    if (it == m_device_votes.end()) return std::nullopt;
    return it->second;
}

void ClassRun::reveal_tally() {
    contract(m_phase == ClassPhase::Voting, "ClassRun::reveal_tally needs an open vote");
    m_phase = ClassPhase::Revealed;
    ClassDecisionLog& entry = current_log();
    entry.tally_revealed = true;
    const auto majority = this->majority();
    if (majority) entry.majority_id = entry.option_ids[*majority];
    if (m_options.names)
        for (const auto& [device, option] : m_device_votes) {
            const auto name = m_device_names.find(device);
            if (name != m_device_names.end()) entry.named_votes.push_back({name->second, entry.option_ids[option]});
        }
    ++m_tally_version;
}

void ClassRun::show_prompt(std::size_t prompt) {
    contract(m_phase != ClassPhase::Finished, "ClassRun::show_prompt after the class finished");
    const int node = m_session.transcript()[m_transcript_at_decision].node;
    contract(prompt < m_session.scenario().nodes[static_cast<std::size_t>(node)].discussion.size(),
             "ClassRun::show_prompt: the decision's node has no such prompt");
    auto& shown = current_log().prompts_shown;
    if (std::find(shown.begin(), shown.end(), prompt) == shown.end()) shown.push_back(prompt);
}

std::optional<std::size_t> ClassRun::majority() const {
    if (m_log.decisions.empty() || m_phase == ClassPhase::Finished) return std::nullopt;
    const ClassDecisionLog& entry = current_log();
    std::optional<std::size_t> leader;
    std::size_t most = 0;
    bool tie = false;
    for (std::size_t i = 0; i < entry.option_ids.size(); ++i) {
        const std::size_t votes = entry.votes(i);
        if (votes > most) {
            most = votes;
            leader = i;
            tie = false;
        } else if (votes == most && votes > 0) {
            tie = true;
        }
    }
    if (tie) return std::nullopt;
    return leader;
}

void ClassRun::confirm(std::size_t option) {
    contract(m_phase == ClassPhase::Revealed, "ClassRun::confirm needs a revealed tally");
    contract(option < m_offered.size(), "ClassRun::confirm: no such option");
    ClassDecisionLog& entry = current_log();
    entry.chosen_id = entry.option_ids[option];
    entry.overridden = entry.majority_id && *entry.majority_id != entry.chosen_id;
    m_session.choose(m_offered[option]);
    m_phase = ClassPhase::Consequence;
}

bool ClassRun::confirm_majority() {
    contract(m_phase == ClassPhase::Revealed, "ClassRun::confirm_majority needs a revealed tally");
    const auto majority = this->majority();
    if (!majority) return false;
    confirm(*majority);
    return true;
}

void ClassRun::reveal_feedback() {
    contract(m_phase == ClassPhase::Consequence, "ClassRun::reveal_feedback needs a confirmed choice");
    current_log().feedback_revealed = true;
}

void ClassRun::next() {
    contract(m_phase == ClassPhase::Consequence, "ClassRun::next needs a confirmed choice");
    enter_decision_or_finish();
}

Tally ClassRun::tally() const {
    if (m_log.decisions.empty()) return {};
    return {current_log().hand_votes, current_log().phone_votes};
}

AudienceView ClassRun::audience() const {
    AudienceView view;
    view.phase = m_phase;
    if (m_phase == ClassPhase::Finished) {
        view.decision = m_log.decisions.size();
        view.node = m_session.current_node_index();
        if (m_session.finished()) view.ending_node = m_session.current_node_index();
        return view;
    }
    const ClassDecisionLog& entry = current_log();
    view.decision = decision();
    view.node = m_session.transcript()[m_transcript_at_decision].node;
    view.options = m_offered;
    view.vote_open = m_phase == ClassPhase::Voting;
    view.votes_received = entry.total_votes();
    if (entry.tally_revealed) view.tally = tally();
    view.prompts = entry.prompts_shown;
    if (m_phase == ClassPhase::Consequence) {
        const auto& transcript = m_session.transcript();
        const auto chosen = std::find(entry.option_ids.begin(), entry.option_ids.end(), entry.chosen_id);
        view.chosen = static_cast<std::size_t>(chosen - entry.option_ids.begin());
        for (std::size_t i = m_transcript_at_decision + 1; i < transcript.size(); ++i) view.consequence.push_back(transcript[i].node);
        if (m_session.finished()) view.ending_node = m_session.current_node_index();
        if (entry.feedback_revealed) {
            view.feedback_choice = m_offered[*view.chosen];
            view.verdict = m_verdicts[*view.chosen];
        }
    }
    return view;
}

TrainerView ClassRun::trainer() const {
    TrainerView view;
    view.audience = audience();
    if (m_phase == ClassPhase::Finished) return view;
    view.live_tally = tally();
    view.majority = majority();
    view.best = m_best;
    view.verdicts = m_verdicts;
    view.prompt_count = m_session.scenario().nodes[static_cast<std::size_t>(view.audience.node)].discussion.size();
    return view;
}

}  // namespace salesdojo::classroom
