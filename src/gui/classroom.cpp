#include "classroom.hpp"

#include <salesdojo/store/attempt.hpp>

#include <algorithm>

namespace salesdojo::gui {

using namespace salesdojo::classroom;

Classroom::Classroom(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Analysis> analysis,
                     ClassRunOptions options)
    : m_scenario(scenario), m_analysis(analysis), m_language(options.language),
      m_live(std::make_unique<LiveClass>(ClassRun(std::move(scenario), std::move(analysis), std::move(options)))) {
    m_live->with([](ClassRun& run) { run.log().started_ms = store::now_ms(); });
}

Classroom::~Classroom() {
    if (m_server) m_server->stop();
}

bool Classroom::start_phones(const std::string& address, int port, std::string& error) {
    VoteServerOptions options;
    if (address.empty()) {
        const auto addresses = local_ipv4_addresses();
        options.address = addresses.empty() ? "127.0.0.1" : addresses.front();
    } else {
        options.address = address;
    }
    options.port = port;
    auto server = std::make_unique<VoteServer>(*m_live, options);
    if (!server->start(error)) return false;
    m_server = std::move(server);
    return true;
}

std::string Classroom::join_url() const { return m_server ? m_server->url() : std::string(); }
std::string Classroom::join_code() const { return m_server ? m_server->join_code() : std::string(); }
std::size_t Classroom::devices_joined() const { return m_server ? m_server->stats().joins : 0; }

ClassPhase Classroom::phase() {
    return m_live->with([](ClassRun& run) { return run.phase(); });
}

AudienceView Classroom::audience() {
    return m_live->with([](ClassRun& run) { return run.audience(); });
}

TrainerView Classroom::trainer() {
    return m_live->with([](ClassRun& run) { return run.trainer(); });
}

void Classroom::clear_entry() {
    m_hands_option.reset();
    m_hands_digits.clear();
    m_override = false;
}

void Classroom::sync_decision() {
    const std::size_t decision = m_live->with([](ClassRun& run) { return run.log().decisions.size(); });
    if (decision == m_decision) return;
    m_decision = decision;
    m_prompt_at.reset();
    clear_entry();
}

void Classroom::advance() {
    m_note.clear();
    if (m_blank) {  // the first press after a blank screen shows the room the screen again
        m_blank = false;
        return;
    }
    if (phase() == ClassPhase::Voting && m_hands_option && !m_hands_digits.empty()) enter();
    m_live->with([&](ClassRun& run) {
        switch (run.phase()) {
        case ClassPhase::Showing: run.open_vote(); break;
        case ClassPhase::Voting: run.reveal_tally(); break;
        case ClassPhase::Revealed:
            if (!run.confirm_majority()) m_note = "class.note_tie";
            break;
        case ClassPhase::Consequence:
            if (!run.log().decisions.back().feedback_revealed) run.reveal_feedback();
            else run.next();
            break;
        case ClassPhase::Finished: break;
        }
        return 0;
    });
    if (m_note.empty()) m_override = false;
    sync_decision();
}

void Classroom::back() {
    m_note.clear();
    if (m_blank) {
        m_blank = false;
        return;
    }
    if (m_prompt_at && *m_prompt_at > 0) --*m_prompt_at;
    else m_note = "class.note_no_back";
}

void Classroom::digit(int digit) {
    m_note.clear();
    const ClassPhase now = phase();
    const std::size_t options = m_live->with([](ClassRun& run) { return run.offered().size(); });
    if (now == ClassPhase::Voting) {
        if (!m_hands_option) {
            if (digit < 1 || static_cast<std::size_t>(digit) > options) {
                m_note = "class.note_no_option";
                return;
            }
            m_hands_option = static_cast<std::size_t>(digit - 1);
            m_hands_digits.clear();
        } else if (m_hands_digits.size() < 4) {
            if (m_hands_digits == "0") m_hands_digits.clear();
            m_hands_digits += static_cast<char>('0' + digit);
        }
        return;
    }
    if (now == ClassPhase::Revealed) {
        if (!m_override) {
            m_note = "class.note_press_o";
            return;
        }
        if (digit < 1 || static_cast<std::size_t>(digit) > options) {
            m_note = "class.note_no_option";
            return;
        }
        confirm(static_cast<std::size_t>(digit - 1));
    }
}

void Classroom::enter() {
    m_note.clear();
    if (!m_hands_option || m_hands_digits.empty() || phase() != ClassPhase::Voting) return;
    const std::size_t option = *m_hands_option;
    const std::size_t count = static_cast<std::size_t>(std::stoul(m_hands_digits));
    m_live->with([&](ClassRun& run) {
        run.set_hand_count(option, count);
        return 0;
    });
    clear_entry();
}

void Classroom::erase() {
    m_note.clear();
    if (!m_hands_digits.empty()) m_hands_digits.pop_back();
    else if (m_hands_option) m_hands_option.reset();
    else m_override = false;
}

void Classroom::arm_override() {
    m_note.clear();
    if (phase() != ClassPhase::Revealed) {
        m_note = "class.note_override_when";
        return;
    }
    m_override = !m_override;
}

void Classroom::confirm(std::size_t option) {
    m_note.clear();
    const bool done = m_live->with([&](ClassRun& run) {
        if (run.phase() != ClassPhase::Revealed || option >= run.offered().size()) return false;
        run.confirm(option);
        return true;
    });
    if (!done) m_note = "class.note_override_when";
    m_override = false;
}

void Classroom::next_prompt() {
    m_note.clear();
    const std::optional<std::size_t> next = m_live->with([](ClassRun& run) -> std::optional<std::size_t> {
        if (run.phase() == ClassPhase::Finished) return std::nullopt;
        const TrainerView view = run.trainer();
        for (std::size_t p = 0; p < view.prompt_count; ++p)
            if (std::find(view.audience.prompts.begin(), view.audience.prompts.end(), p) == view.audience.prompts.end())
                return p;
        return std::nullopt;
    });
    if (!next) {
        m_note = "class.note_no_prompt";
        return;
    }
    show_prompt(*next);
}

void Classroom::show_prompt(std::size_t prompt) {
    m_note.clear();
    const std::optional<std::size_t> at = m_live->with([&](ClassRun& run) -> std::optional<std::size_t> {
        if (run.phase() == ClassPhase::Finished || prompt >= run.trainer().prompt_count) return std::nullopt;
        run.show_prompt(prompt);
        const auto& shown = run.log().decisions.back().prompts_shown;
        return static_cast<std::size_t>(std::find(shown.begin(), shown.end(), prompt) - shown.begin());
    });
    if (!at) m_note = "class.note_no_prompt";
    else m_prompt_at = at;
}

bool Classroom::changed() {
    const auto [version, now] = m_live->with([](ClassRun& run) { return std::make_pair(run.tally_version(), static_cast<int>(run.phase())); });
    const bool changed = version != m_seen_version || now != m_seen_phase;
    m_seen_version = version;
    m_seen_phase = now;
    return changed;
}

ClassLog Classroom::finish() {
    if (m_server) m_server->stop();
    return m_live->with([](ClassRun& run) {
        run.log().ended_ms = store::now_ms();
        return run.log();
    });
}

}  // namespace salesdojo::gui
