// `salesdojo run`: headless play, interactive on stdin or driven by --choices.
#include "commands.hpp"
#include "run_recorder.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/transcript.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
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

void print_options(const Session& session, const std::string& language) {
    const Scenario& s = session.scenario();
    for (const auto& option : session.options()) {
        std::cout << "  " << option.index + 1 << ". " << option.choice->text.get(language);
        if (!option.available) std::cout << "   (not available now)";
        std::cout << "\n";
    }
    (void)s;
    std::cout << "Choose 1-" << session.options().size() << ", u = undo, q = quit: " << std::flush;
}

// Practice mode in the terminal: the line, the options, then feedback on what was chosen.
int play_interactively(Session& session, const std::string& language, RunRecorder& recorder) {
    const Scenario& s = session.scenario();
    std::size_t shown = 0;  // transcript entries already printed
    std::cout << "== " << s.title.get(language) << " ==\n" << s.summary.get(language) << "\n\n";
    while (true) {
        const auto& transcript = session.transcript();
        for (; shown < transcript.size(); ++shown)
            std::cout << format_node(s, s.nodes[static_cast<std::size_t>(transcript[shown].node)], language);
        if (session.state() != SessionState::AwaitingChoice) break;
        print_options(session, language);
        const auto asked = std::chrono::steady_clock::now();
        std::string line;
        if (!std::getline(std::cin, line)) { std::cout << "\n"; break; }
        line.erase(0, line.find_first_not_of(" \t\r"));
        line.erase(line.find_last_not_of(" \t\r") + 1);
        if (line == "q" || line == "quit") break;
        if (line == "u" || line == "undo") {
            if (!session.can_undo()) { std::cout << "Nothing to undo.\n"; continue; }
            session.undo();
            recorder.undone(session);
            shown = session.transcript().size() - 1;  // show the node we are back at
            std::cout << "-- undone --\n";
            continue;
        }
        auto choice = session.find_choice(line);
        if (!choice) { std::cout << "Please type a number from the list, u or q.\n"; continue; }
        const auto options = session.options();
        if (!options[static_cast<std::size_t>(*choice)].available) { std::cout << "That option is not available now.\n"; continue; }
        const Choice& picked = *options[static_cast<std::size_t>(*choice)].choice;
        session.choose(*choice);
        recorder.decided(session, std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count());
        const TranscriptEntry& entry = session.transcript()[shown - 1];
        std::cout << format_decision(s, entry, language);
        if (!picked.feedback.empty()) std::cout << "  Feedback: " << picked.feedback.get(language) << "\n";
        std::cout << "\n";
    }
    std::cout << format_totals(session) << "\n";
    return kExitOk;
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
    RunRecorder recorder({options.store, options.database, options.trainee, options.file,
                          options.choices_given ? "scripted" : "practice", options.resume});
    Session session = recorder.begin(loaded.scenario, options.seed, language, !options.language.empty());

    if (!options.choices_given) {
        int code = play_interactively(session, language, recorder);
        recorder.ended(session);
        if ((options.debrief || options.markdown) && session.finished()) {
            AnalysisResult analysed = analyse(loaded.scenario);
            if (analysed.analysis) {
                Debrief debrief = make_debrief(*analysed.analysis, session, language);
                std::cout << "\n" << (options.markdown ? debrief_markdown(debrief, s) : debrief_text(debrief, s));
            }
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
    const auto dump = [](const nlohmann::json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); };
    if (options.debrief || options.markdown) {
        AnalysisResult analysed = analyse(loaded.scenario);
        for (const auto& d : analysed.diagnostics) std::cerr << format_diagnostic(d) << "\n";
        if (!analysed.analysis) return kExitProblems;
        Debrief debrief = make_debrief(*analysed.analysis, session, language);
        if (options.markdown) {
            std::cout << debrief_markdown(debrief, s);
        } else if (options.json) {
            std::cout << dump({{"transcript", transcript_to_json(session, language)}, {"debrief", debrief_json(debrief, s)}}) << "\n";
        } else {
            std::cout << format_transcript(session, language) << "\n" << debrief_text(debrief, s);
        }
    } else if (options.json) {
        std::cout << dump(transcript_to_json(session, language)) << "\n";
    } else {
        std::cout << format_transcript(session, language);
    }
    if (session.state() == SessionState::Stuck) return kExitProblems;
    return kExitOk;
}

}  // namespace salesdojo::cli
