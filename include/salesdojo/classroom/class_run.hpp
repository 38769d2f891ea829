#pragma once
// One class run (docs/classroom.md): a group plays a scenario together on one screen. A pure state
// machine over a core Session, driven by the trainer, with no clock, threads or I/O:
//
//   Showing --open_vote--> Voting --reveal_tally--> Revealed --confirm--> Consequence --next--> Showing
//                                                                                       \--> Finished
//
// Showing: the room sees the line and the options. Voting: hand counts (typed by the trainer) and
// phone votes (one per device, changeable) come in; the tally stays hidden. Revealed: the vote is
// closed and the tally is shown. confirm() takes the group's option (the majority by default; the
// trainer may override; a tie has no majority, so the trainer must choose). Consequence: the choice
// is made and what follows plays; its feedback and verdict stay hidden until reveal_feedback().
// Discussion prompts are shown one by one when the trainer chooses to (show_prompt).
//
// What the room may see and what only the trainer may see are two separate values (audience(),
// trainer()), so a view that draws only the first cannot leak trainer material.
// Calls in the wrong phase break the contract: std::logic_error naming it (as Session does).
#include <salesdojo/analysis.hpp>
#include <salesdojo/class_log.hpp>
#include <salesdojo/session.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::classroom {

enum class ClassPhase { Showing, Voting, Revealed, Consequence, Finished };
const char* class_phase_id(ClassPhase phase);  // "showing", "voting", ...

// What became of one phone vote.
enum class VoteResult {
    Counted,        // the device's first vote on this decision
    Changed,        // it replaced the device's earlier vote
    Unchanged,      // the same option again
    Closed,         // no vote is open (not yet, or already revealed)
    UnknownOption,  // no such option here
    StaleDecision,  // the phone voted on a decision that is no longer current
};
const char* vote_result_id(VoteResult result);

struct ClassRunOptions {
    std::string language = "en";
    bool names = false;  // the trainer asks trainees for their names (otherwise anonymous)
    std::uint64_t seed = 0;
    std::string uid;     // the class run's identity, copied into the log
};

// The tally of the current decision, per offered option.
struct Tally {
    std::vector<std::size_t> hands, phones;
    std::size_t votes(std::size_t option) const { return hands.at(option) + phones.at(option); }
    std::size_t total() const;
};

// What the room may see now. No trainer notes, no best option, no tally before it is revealed, no
// feedback or verdict before they are revealed.
struct AudienceView {
    ClassPhase phase = ClassPhase::Showing;
    std::size_t decision = 0;             // 0-based number of the current decision in the class
    int node = 0;                         // the decision's node (its line)
    std::vector<int> options;             // choice indices offered, in order
    bool vote_open = false;
    std::size_t votes_received = 0;       // how many votes, not for which option
    std::optional<Tally> tally;           // once revealed
    std::vector<std::size_t> prompts;     // discussion prompts shown, in order
    std::optional<std::size_t> chosen;    // the confirmed option (position in `options`)
    std::vector<int> consequence;         // nodes played after the choice
    std::optional<int> feedback_choice;   // choice index whose feedback is revealed
    std::optional<Verdict> verdict;       // the group's choice's verdict, once revealed
    std::optional<int> ending_node;       // when the run finished
};

// Everything the trainer sees on the private panel: the room's view plus the material behind it.
struct TrainerView {
    AudienceView audience;
    Tally live_tally;                          // always, also while the vote is open
    std::optional<std::size_t> majority;       // nullopt: tie or no votes
    std::optional<std::size_t> best;           // the best option (position in options), when analysed
    std::vector<std::optional<Verdict>> verdicts;  // per option, when analysed
    std::size_t prompt_count = 0;              // discussion prompts the node has
};

class ClassRun {
public:
    // `analysis` (of the same scenario) gives the best option and the verdicts; may be null.
    ClassRun(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Analysis> analysis,
             ClassRunOptions options);

    ClassPhase phase() const { return m_phase; }
    const Session& session() const { return m_session; }
    const Scenario& scenario() const { return m_session.scenario(); }
    const ClassRunOptions& options() const { return m_options; }
    std::size_t decision() const { return m_log.decisions.empty() ? 0 : m_log.decisions.size() - 1; }
    const std::vector<int>& offered() const { return m_offered; }  // choice indices of the current decision

    void open_vote();                                          // Showing -> Voting
    void set_hand_count(std::size_t option, std::size_t count);  // Voting
    // Phones: `decision` is what the phone saw, so a late vote never lands on the next decision.
    VoteResult cast_phone_vote(const std::string& device, std::size_t decision, std::size_t option,
                               const std::string& name = {});
    std::optional<std::size_t> phone_vote_of(const std::string& device) const;  // current decision
    void reveal_tally();                                       // Voting -> Revealed (closes the vote)
    void show_prompt(std::size_t prompt);                      // not Finished; shown once
    std::optional<std::size_t> majority() const;
    void confirm(std::size_t option);                          // Revealed -> Consequence
    bool confirm_majority();                                   // false (nothing done) on a tie
    void reveal_feedback();                                    // Consequence
    void next();                                               // Consequence -> Showing or Finished

    Tally tally() const;
    // Grows with every change the trainer's tally would show (for a live display and its tests).
    std::uint64_t tally_version() const { return m_tally_version; }
    AudienceView audience() const;
    TrainerView trainer() const;
    const ClassLog& log() const { return m_log; }
    ClassLog& log() { return m_log; }  // for the caller's times

private:
    void enter_decision_or_finish();
    void compute_insight();
    ClassDecisionLog& current_log() { return m_log.decisions.back(); }
    const ClassDecisionLog& current_log() const { return m_log.decisions.back(); }

    std::shared_ptr<const Analysis> m_analysis;
    ClassRunOptions m_options;
    Session m_session;
    ClassPhase m_phase = ClassPhase::Showing;
    ClassLog m_log;
    std::vector<int> m_offered;
    std::map<std::string, std::size_t> m_device_votes;  // device -> option, current decision
    std::map<std::string, std::string> m_device_names;  // device -> name, when names are asked
    std::uint64_t m_tally_version = 0;
    std::size_t m_transcript_at_decision = 0;
    std::optional<std::size_t> m_best;
    std::vector<std::optional<Verdict>> m_verdicts;
};

}  // namespace salesdojo::classroom
