// The one catalogue of interface words (see catalogue.hpp for the conventions).
// Dutch is natural and informal ("je"), as a trainer would speak to a trainee, and contains no
// English word. Every character is drawable by the window's fonts (no U+2212 minus, no emoji).
#include <salesdojo/report/catalogue.hpp>

#include <cmath>
#include <cstdio>
#include <mutex>
#include <set>
#include <unordered_map>

namespace salesdojo::report {
namespace {

struct Entry {
    const char* key;
    const char* en;
    const char* nl;
};

// clang-format off
const Entry kEntries[] = {
    // --- verdicts on a decision (Verdict, verdict_id) -------------------------------------------------
    {"verdict.best", "Best choice", "Beste keuze"},
    {"verdict.good", "Good", "Goed"},
    {"verdict.inaccuracy", "Slightly off", "Net niet"},
    {"verdict.mistake", "Mistake", "Fout"},
    {"verdict.blunder", "Blunder", "Flinke misser"},

    // --- the default rubric dimensions (also the skills on the home screen) --------------------------
    {"dimension.qualify", "Qualifying", "Kwalificeren"},
    {"dimension.decline", "Declining", "Nee zeggen"},
    {"dimension.bias", "Avoiding bias", "Vrij van vooroordeel"},
    // One name per skill everywhere: the same words as the bundled pack's rubric titles, so a card,
    // a filter and a debrief never name one skill two ways (issue 12).
    {"dimension.relationship", "Relationship and reputation", "Relatie en reputatie"},
    // {1}: position in the rubric, for an author's dimension without a title
    {"dimension.unnamed", "Dimension {1}", "Onderdeel {1}"},

    // --- the built-in outcome classes; authors' own classes carry their own titles -------------------
    {"outcome.qualified-fit", "Qualified a good fit", "Passende klant goed gekwalificeerd"},
    {"outcome.declined-misfit", "Declined a poor fit", "Niet-passende klant netjes afgewezen"},
    {"outcome.pursued-misfit", "Pursued a poor fit", "Niet-passende klant toch binnengehaald"},
    {"outcome.abandoned-fit", "Let a good fit go", "Passende klant laten lopen"},
    // {1}: position in the list of outcome classes, for an author's class without a title
    {"outcome.unnamed", "Outcome {1}", "Uitkomst {1}"},

    // --- a speaker's expression in the transcript -----------------------------------------------------
    {"expression.neutral", "calm", "rustig"},
    {"expression.annoyed", "annoyed", "geïrriteerd"},
    {"expression.pleased", "pleased", "tevreden"},
    {"expression.surprised", "surprised", "verrast"},
    {"expression.worried", "worried", "bezorgd"},

    // --- the debrief ------------------------------------------------------------------------------------
    {"debrief.heading", "Debrief", "Nabespreking"},
    {"debrief.overall", "Overall score", "Totaalscore"},
    {"debrief.accuracy", "Accuracy", "Nauwkeurigheid"},
    // {1}: accuracy with its percent sign ("87%")
    {"debrief.accuracy_value", "Accuracy: {1}", "Nauwkeurigheid: {1}"},
    {"debrief.passed", "Passed", "Geslaagd"},
    {"debrief.not_passed", "Not passed yet", "Nog niet geslaagd"},
    // {1}: pass mark 0..100
    {"debrief.pass_mark", "Pass mark: {1}", "Geslaagd vanaf: {1}"},
    {"debrief.ending", "Ending", "Afloop"},
    {"debrief.untitled_ending", "End of the conversation", "Einde van het gesprek"},
    {"debrief.not_finished", "The conversation was not finished.", "Het gesprek is niet afgemaakt."},
    {"debrief.outcome", "Outcome", "Uitkomst"},
    {"debrief.dimensions", "Per dimension", "Per onderdeel"},
    {"debrief.dimension", "Dimension", "Onderdeel"},
    {"debrief.score", "Score", "Score"},
    {"debrief.points", "Points", "Punten"},
    {"debrief.range", "Range", "Bereik"},
    {"debrief.explanation", "Explanation", "Uitleg"},
    {"debrief.costliest", "Costliest decisions", "Duurste beslissingen"},
    {"debrief.no_costly", "No costly decisions: well done.", "Geen dure beslissingen: goed gedaan."},
    {"debrief.you_chose", "You chose", "Jij koos"},
    {"debrief.better", "Better", "Beter"},
    {"debrief.better_was", "Better would have been", "Beter was geweest"},
    {"debrief.decisions", "Your decisions", "Jouw beslissingen"},
    // {1}: the decision's number in the run
    {"debrief.decision_number", "Decision {1}", "Beslissing {1}"},
    {"debrief.principle", "Principle", "Principe"},
    {"debrief.feedback", "Feedback", "Toelichting"},
    // {1}: points of the overall score lost at this decision
    {"debrief.loss", "Cost: {1} points", "Kost: {1} punten"},
    {"debrief.loss_note", "Costs are points of the overall score of 100.",
                          "Kosten zijn punten van de totaalscore van 100."},
    {"debrief.assumption", "Unsupported assumption", "Aanname zonder onderbouwing"},
    {"debrief.what_if", "What each option would have scored", "Wat elke keuze had opgeleverd"},
    {"debrief.your_choice", "your choice", "jouw keuze"},
    // A practice run in the window where the trainee asked for a hint (H). {1}: decision numbers "1, 3"
    {"debrief.hint_used", "Hint used at decision {1}", "Tip gebruikt bij beslissing {1}"},
    {"debrief.hints_used", "Hints used at decisions {1}", "Tips gebruikt bij beslissingen {1}"},
    {"debrief.best_line", "Best line", "Beste route"},
    {"debrief.best_line_note", "The choices that score highest, from the start to the end.",
                               "De keuzes die het hoogst scoren, van begin tot eind."},
    {"debrief.chance", "Chance decides here.", "Hier beslist het toeval."},
    // An author's playtest (run --from): started at a chosen point, never stored.
    {"debrief.playtest", "Playtest from a chosen point: the scores measure the decisions made from there. Not stored.",
                         "Speltest vanaf een gekozen punt: de scores meten de beslissingen vanaf daar. Niet bewaard."},

    // After the overall score, when chance played a part. {1}: the outcome "67/100", {2}: the decision
    // score "100/100". Helped: chance added points; against: it took some; else neither clearly.
    {"debrief.chance_helped", "Chance helped: the conversation ended at {1}; your decisions score {2}.",
                              "Het toeval hielp mee: het gesprek eindigde op {1}; je beslissingen scoren {2}."},
    {"debrief.chance_against", "Chance was against you: the conversation ended at {1}; your decisions score {2}.",
                               "Het toeval zat tegen: het gesprek eindigde op {1}; je beslissingen scoren {2}."},
    {"debrief.chance_played", "Chance played a part: the conversation ended at {1}; your decisions score {2}.",
                              "Het toeval speelde mee: het gesprek eindigde op {1}; je beslissingen scoren {2}."},

    // The sentence under each dimension's score.
    {"debrief.full_marks", "Full marks: none of your decisions cost anything here.",
                           "Maximaal: geen van je beslissingen kostte hier iets."},
    // {1}: the option chosen, {2}: points lost on this dimension, {3}: the better option
    {"debrief.most_lost", "Most was lost when you chose “{1}” (-{2}); better: “{3}”.",
                          "Het meeste ging verloren toen je koos voor “{1}” (-{2}); beter: “{3}”."},
    // {1}: the option chosen, {2}: points lost on this dimension
    {"debrief.most_lost_alone", "Most was lost when you chose “{1}” (-{2}).",
                                "Het meeste ging verloren toen je koos voor “{1}” (-{2})."},
    // {1}: the best option overall, which gave up points on this dimension
    {"debrief.fair_trade", "A fair trade: the best move overall gave up a little here, at “{1}”.",
                           "Een goede ruil: de beste zet in totaal leverde hier wat in, bij “{1}”."},
    // {1}: the points on this dimension the best line gives up (more than one)
    {"debrief.traded", "A deliberate trade: the best line gives up {1} points here that another path collects.",
                       "Een bewuste ruil: de beste route levert hier {1} punten in die een andere route wel haalt."},
    {"debrief.traded_one", "A deliberate trade: the best line gives up 1 point here that another path collects.",
                           "Een bewuste ruil: de beste route levert hier 1 punt in dat een andere route wel haalt."},
    {"debrief.by_chance", "The difference came from chance or from where the conversation ended, not from one decision.",
                          "Het verschil kwam door toeval of door waar het gesprek eindigde, niet door één beslissing."},

    // --- exports of stored attempts (results_export.hpp) ---------------------------------------------
    {"export.trainee", "Trainee", "Deelnemer"},
    {"export.played", "Played", "Gespeeld"},
    {"export.mode", "Mode", "Modus"},
    {"export.mode.practice", "Practice", "Oefenen"},
    {"export.mode.assessment", "Assessment", "Toets"},
    {"export.mode.scripted", "With fixed choices", "Met vaste keuzes"},
    {"export.mode.imported", "Imported score", "Overgenomen score"},
    {"export.mode.classroom", "Classroom", "Klas"},
    {"export.mode.other", "Other", "Anders"},
    {"export.language", "Language", "Taal"},
    {"export.language.nl", "Dutch", "Nederlands"},
    {"export.language.en", "English", "Engels"},
    {"export.version", "Scenario version", "Versie van het scenario"},
    {"export.result", "Result", "Resultaat"},
    {"export.yes", "yes", "ja"},
    {"export.no", "no", "nee"},
    // {1}: the scenario's version now, {2}: the version played
    {"export.rescored_changed", "Scored again against the scenario as it is now (version {1}); it was played on version {2}.",
                                "Opnieuw beoordeeld met het scenario zoals het nu is (versie {1}); gespeeld met versie {2}."},
    {"export.as_stored", "Shown as it was scored when played: the scenario file is not at hand.",
                         "Getoond zoals het bij het spelen werd beoordeeld: het scenariobestand is er niet."},
    {"export.as_stored_changed", "Shown as it was scored when played: the choices no longer fit the scenario as it is now.",
                                 "Getoond zoals het bij het spelen werd beoordeeld: de keuzes passen niet meer bij het scenario zoals het nu is."},
    {"export.unavailable", "Not available without the scenario file.", "Niet beschikbaar zonder het scenariobestand."},
    // CSV column headings
    {"export.column.attempt", "Attempt", "Poging"},
    {"export.column.scenario", "Scenario", "Scenario"},
    {"export.column.scenario_id", "Scenario code", "Scenariocode"},
    {"export.column.content_hash", "Content code", "Inhoudscode"},
    {"export.column.started", "Started (UTC)", "Begonnen (UTC)"},
    {"export.column.ended", "Ended (UTC)", "Geëindigd (UTC)"},
    {"export.column.finished", "Finished", "Afgemaakt"},
    {"export.column.outcome_id", "Outcome code", "Uitkomstcode"},
    {"export.column.weighted_total", "Weighted total", "Gewogen totaal"},
    {"export.column.seed", "Seed", "Startwaarde toeval"},
    {"export.column.number", "Number", "Nummer"},
    {"export.column.node_id", "Moment code", "Momentcode"},
    {"export.column.line", "What was said", "Wat er gezegd werd"},
    {"export.column.choice_id", "Choice code", "Keuzecode"},
    {"export.column.choice", "Choice", "Keuze"},
    {"export.column.verdict", "Verdict", "Oordeel"},
    {"export.column.loss", "Loss (weighted points)", "Verlies (gewogen punten)"},
    {"export.column.counted", "Counts for accuracy", "Telt mee voor nauwkeurigheid"},
    {"export.column.seconds", "Seconds", "Seconden"},
    {"export.column.best_choice", "Best option", "Beste optie"},

    // --- the class report (class_report.hpp) -------------------------------------------------------
    {"class.heading", "Class report", "Klasrapport"},
    // {1}: attempts counted, {2}: trainees, {3}: files read
    {"class.summary", "{1} attempts by {2} trainees, from {3} files.", "{1} pogingen van {2} deelnemers, uit {3} bestanden."},
    // {1}: how many extra copies were left out
    {"class.duplicates", "{1} copies of attempts that appeared more than once were counted once.",
                         "{1} kopieën van pogingen die meer dan eens voorkwamen zijn één keer geteld."},
    {"class.conflicts", "Conflicting attempts", "Tegenstrijdige pogingen"},
    // {1}: trainee, {2}: scenario title, {3}: date, {4}: the file left out, {5}: the file counted
    {"class.conflict", "The attempt of {1} at {2} ({3}) in {4} differs from the same attempt in {5}; only the one in {5} is counted.",
                       "De poging van {1} bij {2} ({3}) in {4} wijkt af van dezelfde poging in {5}; alleen die in {5} telt mee."},
    {"class.no_attempts", "These files hold no attempts.", "Deze bestanden bevatten geen pogingen."},
    {"class.attempts", "Attempts", "Pogingen"},
    {"class.trainees", "Trainees", "Deelnemers"},
    {"class.mean_overall", "Average overall score", "Gemiddelde totaalscore"},
    {"class.mean_accuracy", "Average accuracy", "Gemiddelde nauwkeurigheid"},
    {"class.passed", "Passed", "Geslaagd"},
    {"class.not_finished", "Not finished", "Niet afgemaakt"},
    // {1}: a part, {2}: the whole
    {"class.of", "{1} of {2}", "{1} van {2}"},
    {"class.dimensions", "Average per dimension", "Gemiddelde per onderdeel"},
    {"class.outcomes", "Outcomes reached", "Bereikte uitkomsten"},
    {"class.decisions", "How the group chose", "Hoe de groep koos"},
    // {1}: how many chose the best option, {2}: how many decided here, {3}: the share with its % sign
    {"class.chose_best", "Chose the best option: {1} of {2} ({3})", "Koos de beste optie: {1} van {2} ({3})"},
    {"class.decided", "Decisions", "Beslissingen"},
    {"class.chose_best_count", "Chose the best option", "Koos de beste optie"},
    {"class.chosen", "Chosen", "Gekozen"},
    {"class.share", "Share", "Aandeel"},
    {"class.best_option", "Best option", "Beste optie"},
    {"class.count", "Count", "Aantal"},

    // --- classroom mode: the phone voting page (src/classroom/vote_page.cpp) --------------------------
    {"classroom.phone.title", "Vote with the class", "Stem mee met de groep"},
    {"classroom.phone.joining", "Joining the class...", "Even verbinden met de les..."},
    {"classroom.phone.name_label", "Your name (the trainer asks for it)", "Je naam (de trainer vraagt erom)"},
    {"classroom.phone.join", "Join", "Meedoen"},
    {"classroom.phone.waiting", "Wait until the trainer opens the vote.", "Wacht tot de trainer de stemming opent."},
    // {1}: the decision's number in the class
    {"classroom.phone.decision", "Decision {1}", "Beslissing {1}"},
    {"classroom.phone.pick", "Tap the option you would choose. You can change it until the vote closes.",
     "Tik op wat jij zou kiezen. Je kunt wisselen tot de stemming sluit."},
    {"classroom.phone.counted", "Your vote is counted. You can still change it.", "Je stem is geteld. Wisselen kan nog."},
    {"classroom.phone.changed", "Your vote is changed.", "Je stem is gewijzigd."},
    {"classroom.phone.closed", "The vote is closed. Look at the screen.", "De stemming is gesloten. Kijk naar het scherm."},
    {"classroom.phone.finished", "The class has ended. Thank you!", "De les is afgelopen. Bedankt!"},
    {"classroom.phone.busy", "Too many taps at once; trying again.", "Even te veel tikken; we proberen het zo opnieuw."},
    {"classroom.phone.lost", "No connection with the class. Is your phone on the same network?",
     "Geen verbinding met de les. Zit je telefoon op hetzelfde netwerk?"},

    // --- classroom mode: the report of one class run (classroom_report.hpp) ---------------------------
    // {1}: the scenario's title
    {"classroom.report.title", "Class run: {1}", "Groepsronde: {1}"},
    {"classroom.report.result", "The group's run", "Het gesprek van de groep"},
    {"classroom.report.scenario", "Scenario", "Scenario"},
    {"classroom.report.ending", "Ending", "Afloop"},
    {"classroom.report.outcome", "Outcome", "Uitkomst"},
    {"classroom.report.unfinished", "Not finished", "Niet afgemaakt"},
    {"classroom.report.overall", "Decision score", "Beslisscore"},
    {"classroom.report.accuracy", "Accuracy", "Nauwkeurigheid"},
    {"classroom.report.passed", "Passed", "Geslaagd"},
    // {1}: the decision's number in the class
    {"classroom.report.decision", "Decision {1}", "Beslissing {1}"},
    {"classroom.report.decision_number", "Decision", "Beslissing"},
    {"classroom.report.line", "Line", "Tekst"},
    // {1}: votes for the best option, {2}: all votes, {3}: the share with its percent sign
    {"classroom.report.votes_for_best", "{1} of {2} votes went to the best option ({3}).",
     "{1} van de {2} stemmen gingen naar de beste optie ({3})."},
    {"classroom.report.option", "Option", "Optie"},
    {"classroom.report.hands", "Hands", "Handen"},
    {"classroom.report.phones", "Phones", "Telefoons"},
    {"classroom.report.verdict", "Verdict", "Oordeel"},
    {"classroom.report.best", "Best option", "Beste optie"},
    {"classroom.report.chosen", "The group's choice", "Keuze van de groep"},
    {"classroom.report.chosen_by_trainer", "Chosen by the trainer", "Gekozen door de trainer"},
    {"classroom.report.tie", "The vote was tied; the trainer decided.", "De stemmen staakten; de trainer besliste."},
    // {1}: the verdict's words
    {"classroom.report.group_verdict", "The group's choice: {1}.", "De keuze van de groep: {1}."},
    {"classroom.report.prompts", "Discussion prompts used", "Gebruikte gespreksvragen"},

    // --- classroom mode: the list of stored class runs (class_run_list.hpp) ----------------------------
    {"classroom.list.id", "ID", "Nr."},
    {"classroom.list.date", "Date", "Datum"},
    {"classroom.list.scenario", "Scenario", "Scenario"},
    {"classroom.list.language", "Language", "Taal"},
    {"classroom.list.decisions", "Decisions", "Beslissingen"},
    {"classroom.list.ending", "Ending", "Afloop"},
    {"classroom.list.score", "Group score", "Groepsscore"},
    {"classroom.list.votes", "Votes", "Stemmen"},
    {"classroom.list.damaged", "(damaged: cannot be read)", "(beschadigd: niet te lezen)"},
    {"classroom.list.unscored", "? = no score: the scenario file the class played is not at hand (give --scenarios).",
     "? = geen score: het scenariobestand van de les is er niet (geef --scenarios)."},
    // {1}: the database file
    {"classroom.list.none", "No class runs are stored in {1}.", "Er zijn geen groepsrondes opgeslagen in {1}."},

    {"transcript.totals", "Totals", "Totaal"},
    {"transcript.weighted", "weighted", "gewogen"},
    // {1}: the fact's title
    {"transcript.assumption", "Unsupported assumption: {1} was not established",
                              "Aanname zonder onderbouwing: {1} stond nog niet vast"},
    {"transcript.unnamed_fact", "a fact", "een feit"},
    // The header of an author's playtest (run --from); {1}: the first words of the node it starts at.
    {"transcript.playtest", "Playtest from “{1}” (not stored)", "Speltest vanaf “{1}” (niet bewaard)"},
    {"transcript.stuck",
     "The conversation cannot go on from here: no choice is available. This is a fault in the scenario.",
     "Het gesprek kan hier niet verder: er is geen keuze mogelijk. Dit is een fout in het scenario."},

    // --- while playing (report/play_words.hpp) ----------------------------------------------------------
    {"play.list_and", " and ", " en "},
    // {1}: fact titles, quoted and joined ("“A” and “B”")
    {"play.unavailable_needs", "Not possible yet: first find out {1}.", "Nog niet mogelijk. Zoek eerst uit: {1}."},
    // {1}: fact titles, as above
    {"play.unavailable_known", "No longer possible now that you know {1}.",
                               "Niet meer mogelijk nu je dit weet: {1}."},
    {"play.unavailable_conversation", "Not possible at this point: it depends on how the conversation has gone so far.",
                                      "Op dit moment niet mogelijk: dat hangt af van hoe het gesprek tot nu toe is gelopen."},

    // --- the terminal player ----------------------------------------------------------------------------
    // {1}: the number of options
    {"prompt.choose", "Choose 1-{1}, u = undo, q = quit: ", "Kies 1-{1}, u = terugdraaien, q = stoppen: "},
    {"prompt.option_unavailable", "Not possible at this point", "Op dit moment niet mogelijk"},
    {"prompt.nothing_to_undo", "Nothing to undo.", "Er is niets om terug te draaien."},
    {"prompt.undone", "-- undone --", "-- teruggedraaid --"},
    {"prompt.not_understood", "Please type a number from the list, u or q.", "Typ een nummer uit de lijst, u of q."},
    {"prompt.unavailable", "That option is not available now.", "Die keuze is nu niet mogelijk."},
};
// clang-format on

struct Table {
    std::unordered_map<std::string_view, const Entry*> by_key;
    std::vector<std::string_view> keys;
    Table() {
        for (const Entry& entry : kEntries) {
            by_key.emplace(entry.key, &entry);
            keys.emplace_back(entry.key);
        }
    }
};

const Table& table() {
    static const Table instance;
    return instance;
}

// Unknown keys are returned as themselves, zero-terminated and alive for the rest of the program.
const char* interned(std::string_view key) {
    static std::mutex mutex;
    static std::set<std::string, std::less<>> strings;
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = strings.find(key);
    if (it == strings.end()) it = strings.emplace(key).first;
    return it->c_str();
}

}  // namespace

const char* word(std::string_view key, std::string_view language) {
    const Table& t = table();
    const auto it = t.by_key.find(key);
    if (it == t.by_key.end()) return interned(key);
    return language == "nl" ? it->second->nl : it->second->en;
}

bool has_word(std::string_view key) {
    return table().by_key.count(key) != 0;
}

std::vector<std::string_view> word_keys() {
    return table().keys;
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> arguments) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < arguments.size()) {
                out += *(arguments.begin() + n);
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string phrase(std::string_view key, std::string_view language, std::initializer_list<std::string_view> arguments) {
    return fill(word(key, language), arguments);
}

std::string number(double value, int decimals, std::string_view language, Trim trim) {
    if (trim == Trim::WholeWithoutDecimals && std::fabs(value - std::round(value)) < 1e-9) decimals = 0;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);  // never "-0"
    if (language == "nl")
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string signed_number(double value, int decimals, std::string_view language) {
    std::string text = number(value, decimals, language, Trim::WholeWithoutDecimals);
    return value > 0 && text.find_first_not_of("0.,") != std::string::npos ? "+" + text : text;
}

}  // namespace salesdojo::report
