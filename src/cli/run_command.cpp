// `salesdojo run`: headless play, interactive on stdin or driven by --choices.
#include "commands.hpp"
#include "run_playtest.hpp"
#include "run_recorder.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/transcript.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace salesdojo::cli {
namespace {

std::vector<std::string> split_choices(const std::string& list) {
    std::vector<std::string> items;
    std::stringstream stream(list);
    std::string item;
    while (std::getline(stream, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) items.push_back(item);
    }
    return items;
}

void print_options(const Session& session, const report::Languages& l) {
    for (const auto& option : session.options()) {
        std::cout << "  " << option.index + 1 << ". " << option.choice->text.get(l.content);
        if (!option.available) std::cout << "   (" << report::word("prompt.option_unavailable", l.words) << ")";
        std::cout << "\n";
    }
    std::cout << report::phrase("prompt.choose", l.words, {std::to_string(session.options().size())}) << std::flush;
}

// Practice mode in the terminal: the line, the options, then feedback on what was chosen.
int play_interactively(Session& session, const report::Languages& l, RunRecorder& recorder) {
    const Scenario& s = session.scenario();
    const auto say = [&](const char* key) { std::cout << report::word(key, l.words) << "\n"; };
    std::size_t shown = 0;  // transcript entries already printed
    std::cout << "== " << s.title.get(l.content) << " ==\n" << report::playtest_header(session, l)
              << s.summary.get(l.content) << "\n\n";
    while (true) {
        const auto& transcript = session.transcript();
        for (; shown < transcript.size(); ++shown)
            std::cout << report::node_text(s, s.nodes[static_cast<std::size_t>(transcript[shown].node)], l);
        if (session.state() != SessionState::AwaitingChoice) break;
        print_options(session, l);
        const auto asked = std::chrono::steady_clock::now();
        std::string line;
        if (!std::getline(std::cin, line)) { std::cout << "\n"; break; }
        line.erase(0, line.find_first_not_of(" \t\r"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (line == "q" || line == "quit") break;
        if (line == "u" || line == "undo") {
            if (!session.can_undo()) { say("prompt.nothing_to_undo"); continue; }
            session.undo();
            recorder.undone(session);
            shown = session.transcript().size() - 1;  // show the node we are back at
            say("prompt.undone");
            continue;
        }
        auto choice = session.find_choice(line);
        if (!choice) { say("prompt.not_understood"); continue; }
        const auto options = session.options();
        if (!options[static_cast<std::size_t>(*choice)].available) { say("prompt.unavailable"); continue; }
        const Choice& picked = *options[static_cast<std::size_t>(*choice)].choice;
        session.choose(*choice);
        recorder.decided(session, std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count());
        const TranscriptEntry& entry = session.transcript()[shown - 1];
        std::cout << report::decision_text(s, entry, l);
        if (!picked.feedback.empty())
            std::cout << "  " << report::word("debrief.feedback", l.words) << ": " << picked.feedback.get(l.content) << "\n";
        std::cout << "\n";
    }
    std::cout << report::totals_text(session, l) << "\n";
    return kExitOk;
}

std::string dump(const nlohmann::json& j) {
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The debrief in the form the options ask for; the transcript is printed before the text form.
std::string debrief_output(const RunOptions& options, const Debrief& debrief, const Session& session,
                           const report::Languages& l, bool with_transcript) {
    const Scenario& s = session.scenario();
    if (options.html) return report::debrief_html(debrief, s, l);
    if (options.markdown) return report::debrief_markdown(debrief, s, l);
    if (options.json)
        return dump({{"transcript", report::transcript_json(session, l.content)}, {"debrief", report::debrief_json(debrief, s, l)}}) + "\n";
    return (with_transcript ? report::transcript_text(session, l) + "\n" : std::string()) + report::debrief_text(debrief, s, l);
}

// Writes to --output when given (a clear message on failure), else to stdout.
bool emit(const RunOptions& options, const std::string& text) {
    if (options.output.empty()) {
        std::cout << text;
        return true;
    }
    std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "salesdojo run: cannot write '" << options.output << "'\n";
        return false;
    }
    return true;
}

}  // namespace

int run_command(const RunOptions& options) {
    LoadResult loaded = load_scenario_file(options.file);
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (!loaded.ok()) return kExitProblems;
    const Scenario& s = *loaded.scenario;
    std::string language = options.language.empty() ? s.default_language() : options.language;
    if (std::find(s.languages.begin(), s.languages.end(), language) == s.languages.end()) {
        std::cerr << "salesdojo run: " << options.file << " is not available in '" << language << "'; it has:";
        for (const auto& l : s.languages) std::cerr << " " << l;
        std::cerr << "\n";
        return kExitUsage;
    }
    bool usage_error = false;
    const std::optional<StartPoint> playtest = playtest_from_options(options, s, usage_error);
    if (usage_error) return kExitUsage;
    // A playtest never opens the results database: nothing of it is saved or stored.
    RunRecorder recorder({options.store && !playtest, options.database, options.trainee, options.file,
                          options.choices_given ? "scripted" : "practice", options.resume});
    Session session = playtest ? Session(loaded.scenario, options.seed, *playtest)
                               : recorder.begin(loaded.scenario, options.seed, language, !options.language.empty());
    const auto analyse_run = [&] { return playtest ? analyse_from(loaded.scenario, *playtest) : analyse(loaded.scenario); };
    const report::Languages l{language, language};
    const bool wants_debrief = options.debrief || options.markdown || options.html;

    if (!options.choices_given) {
        int code = play_interactively(session, l, recorder);
        recorder.ended(session);
        if (wants_debrief && session.finished()) {
            AnalysisResult analysed = analyse_run();
            for (const auto& d : analysed.diagnostics) std::cerr << format_diagnostic(d) << "\n";
            if (!analysed.analysis) return kExitProblems;
            Debrief debrief = make_debrief(*analysed.analysis, session);
            if (options.output.empty()) std::cout << "\n";
            if (!emit(options, debrief_output(options, debrief, session, l, false))) return kExitProblems;
        }
        return code;
    }

    for (const auto& item : split_choices(options.choices)) {
        if (session.state() != SessionState::AwaitingChoice) {
            std::cerr << "salesdojo run: choice '" << item << "' given after the scenario "
                      << (session.finished() ? "ended" : "got stuck") << "\n";
            return kExitUsage;
        }
        auto choice = session.find_choice(item);
        if (!choice) {
            std::cerr << "salesdojo run: no choice '" << item << "' at node '" << session.current().id << "'; options are:";
            for (const auto& option : session.options()) std::cerr << " " << option.choice->id;
            std::cerr << "\n";
            return kExitUsage;
        }
        if (!session.options()[static_cast<std::size_t>(*choice)].available) {
            std::cerr << "salesdojo run: choice '" << item << "' is not available at node '" << session.current().id
                      << "' (its condition is false)\n";
            return kExitUsage;
        }
        session.choose(*choice);
        recorder.decided(session, std::nullopt);
    }
    recorder.ended(session);
    std::string text;
    if (wants_debrief) {
        AnalysisResult analysed = analyse_run();
        for (const auto& d : analysed.diagnostics) std::cerr << format_diagnostic(d) << "\n";
        if (!analysed.analysis) return kExitProblems;
        text = debrief_output(options, make_debrief(*analysed.analysis, session), session, l, true);
    } else if (options.json) {
        text = dump(report::transcript_json(session, language)) + "\n";
    } else {
        text = report::transcript_text(session, l);
    }
    if (!emit(options, text)) return kExitProblems;
    if (session.state() == SessionState::Stuck) return kExitProblems;
    return kExitOk;
}

}  // namespace salesdojo::cli
