// The window's own interface strings in English and Dutch. See ui_text.hpp. Words the window shares
// with every other rendering (verdicts, dimensions, outcome classes, debrief headings and phrases)
// are in the report catalogue (salesdojo/report/catalogue.hpp) and nowhere here: ui() falls back to
// it, so a screen asks for "verdict.best" the same way either way.
//
// Conventions (checked by tests/gui/test_ui_text.cpp):
// - Keys are "<screen>.<name>", lower case. Scenario content is never here.
// - Strings with placeholders are printf formats; the placeholder comment next to the key says what
//   to pass, and both languages take the same placeholders in the same order. Strings without
//   placeholders contain no '%' at all, so any string may be passed as a format (ImGui::Text).
//   A literal percent sign in a format is "%%".
// - Every character is drawable by our fonts (fonts.hpp ranges): no U+2212 minus, no emoji.
// - Dutch is natural, informal ("je"), as a trainer would speak to a trainee.
#include "ui_text.hpp"

#include <salesdojo/report/catalogue.hpp>

#include <cassert>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace salesdojo::gui {
namespace {

struct Entry {
    const char* key;
    const char* en;
    const char* nl;
};

// clang-format off
const Entry kEntries[] = {
    // --- application -----------------------------------------------------------------------------
    {"app.title", "SalesDojo", "SalesDojo"},
    {"app.subtitle", "Sales conversations, practised safely", "Verkoopgesprekken, veilig geoefend"},
    {"app.quit", "Quit", "Afsluiten"},
    {"common.ok", "OK", "OK"},
    {"common.cancel", "Cancel", "Annuleren"},
    {"common.yes", "Yes", "Ja"},
    {"common.no", "No", "Nee"},
    {"common.close", "Close", "Sluiten"},
    {"common.back", "Back", "Terug"},
    {"common.home", "Home", "Overzicht"},

    // --- home ----------------------------------------------------------------------------------------
    {"home.heading", "Choose a conversation", "Kies een gesprek"},
    {"home.intro", "Pick a scenario, play the conversation and read the debrief.",
                   "Kies een scenario, voer het gesprek en lees daarna de nabespreking."},
    {"home.subtitle", "Practise a sales conversation, then read how you did.",
                      "Oefen een verkoopgesprek en lees daarna hoe het ging."},
    {"home.filter_skill", "Filter by skill", "Filter op vaardigheid"},
    {"home.filter_language", "Filter by language", "Filter op taal"},
    {"home.filter_difficulty", "Filter by difficulty", "Filter op moeilijkheid"},
    {"home.all", "All", "Alle"},
    {"home.mode", "Mode", "Modus"},
    {"home.practice", "Practice", "Oefenen"},
    {"home.assessment", "Assessment", "Toets"},
    {"home.practice_explanation",
     "Feedback after every choice, and you can undo a choice.",
     "Na elke keuze krijg je feedback, en je kunt een keuze terugdraaien."},
    {"home.assessment_explanation",
     "No feedback and no undo until the end; afterwards you review every choice.",
     "Geen feedback en niets terugdraaien tot het einde; daarna bespreek je elke keuze."},
    {"home.start", "Start", "Beginnen"},
    // %.0f: overall score 0..100
    {"home.last_score", "Last score: %.0f/100", "Laatste score: %.0f/100"},
    {"home.no_score", "No score yet", "Nog geen score"},
    // %d: estimated minutes
    {"home.minutes", "about %d min", "ca. %d min"},
    {"home.difficulty", "Difficulty", "Moeilijkheid"},
    {"home.skills", "Skills", "Vaardigheden"},
    {"home.languages", "Languages", "Talen"},
    {"home.settings", "Settings", "Instellingen"},
    {"home.no_match", "No scenarios match these filters.", "Geen scenario's die bij deze filters passen."},
    {"home.no_scenarios", "No scenarios were found.", "Er zijn geen scenario's gevonden."},
    // %d: number of scenario files that failed to load
    {"home.broken_scenarios", "Scenarios that could not be loaded: %d", "Scenario's die niet geladen konden worden: %d"},
    {"home.show_problems", "Show problems", "Problemen tonen"},
    // %zu scenarios loaded so far, %zu files in all
    {"home.loading", "Loading scenarios: %zu of %zu", "Scenario's laden: %zu van %zu"},
    // %zu files in the folder, %zu shown (views/catalogue.hpp kMaxCatalogueFiles)
    {"home.too_many", "This folder holds %zu scenario files; only the first %zu (by file name) are shown.",
     "Deze map bevat %zu scenariobestanden; alleen de eerste %zu (op bestandsnaam) worden getoond."},
    // %s: where the damaged file was kept
    {"home.progress_set_aside",
     "Your saved scores could not be read, so they were set aside as %s. New scores are saved in a fresh file.",
     "Je bewaarde scores konden niet gelezen worden en zijn apart gezet als %s. Nieuwe scores komen in een nieuw bestand."},
    // %s: the scores file
    {"home.progress_newer",
     "Your saved scores in %s come from a newer SalesDojo. They are left alone; scores from this session are not saved.",
     "Je bewaarde scores in %s komen uit een nieuwere SalesDojo. Ze blijven onaangeroerd; scores van deze sessie worden niet bewaard."},
    // %s: the scores file
    {"home.progress_unreadable",
     "Your saved scores in %s cannot be read and were left alone; scores from this session are not saved.",
     "Je bewaarde scores in %s kunnen niet gelezen worden en blijven onaangeroerd; scores van deze sessie worden niet bewaard."},
    {"home.open_file", "Open a scenario file...", "Scenariobestand openen..."},

    {"difficulty.easy", "Easy", "Makkelijk"},
    {"difficulty.medium", "Medium", "Gemiddeld"},
    {"difficulty.hard", "Hard", "Moeilijk"},


    // Language names, in the interface language.
    {"language.nl", "Dutch", "Nederlands"},
    {"language.en", "English", "Engels"},

    // --- play ----------------------------------------------------------------------------------------
    // %d: this decision (1-based), %d: estimated number of decisions in a typical playthrough
    {"play.progress", "Decision %d of ~%d", "Beslissing %d van ~%d"},
    {"play.continue", "Continue", "Verder"},
    {"play.continue_key", "Continue (Enter)", "Verder (Enter)"},
    {"play.undo", "Undo (Backspace)", "Terugdraaien (Backspace)"},
    {"play.skip_hint", "Click or press Space to show the whole line",
                       "Klik of druk op de spatiebalk om de hele zin te tonen"},
    {"play.choose_hint", "Press 1-9 to choose", "Druk op 1-9 om te kiezen"},
    {"play.choose_prompt", "What do you say?", "Wat zeg je?"},
    {"play.show_all", "Show the whole line", "Toon de hele zin"},
    {"play.no_feedback", "No feedback for this choice.", "Geen toelichting bij deze keuze."},
    {"play.finished", "The conversation is over.", "Het gesprek is afgelopen."},
    {"play.narration", "Narration", "Verteller"},
    {"play.you", "You", "Jij"},
    // %zu earlier lines left out (views/play_view.hpp kMaxLinesShown)
    {"play.lines_omitted", "(%zu earlier lines are not shown)", "(%zu eerdere regels worden niet getoond)"},
    {"play.your_choice", "Your choice", "Jouw keuze"},
    {"play.assessment_note", "Assessment: you get feedback at the end.",
                             "Toets: je krijgt de toelichting aan het einde."},
    {"play.back_home", "Back to home", "Terug naar het overzicht"},
    {"play.quit_confirm", "Leave this conversation? This attempt will not be saved.",
                          "Dit gesprek verlaten? Deze poging wordt niet bewaard."},
    {"play.quit_confirm_yes", "Leave", "Verlaten"},
    {"play.quit_confirm_no", "Keep playing", "Verder spelen"},
    {"play.to_debrief", "See the debrief", "Naar de nabespreking"},
    {"play.reviewing", "Reviewing: your answers cannot be changed.",
                       "Terugblik: je antwoorden kun je niet meer veranderen."},

    // --- debrief -------------------------------------------------------------------------------------
    {"debrief.hover_hint", "Hover over a bar to see its explanation.", "Beweeg de muis over een balk voor de uitleg."},
    {"debrief.replay", "Play again", "Opnieuw spelen"},
    {"debrief.show_best_line", "Show the best line", "Toon de beste route"},
    {"debrief.hide_best_line", "Hide the best line", "Verberg de beste route"},
    {"debrief.review", "Review my choices", "Mijn keuzes bekijken"},
    {"debrief.hide_review", "Hide my choices", "Mijn keuzes verbergen"},
    {"debrief.review_heading", "Your choices", "Jouw keuzes"},
    {"debrief.review_note", "Looking back: your answers cannot be changed.",
                            "Terugblik: je antwoorden kun je niet meer veranderen."},
    {"debrief.save_markdown", "Save as Markdown", "Opslaan als Markdown"},
    {"debrief.save_html", "Save as HTML", "Opslaan als HTML"},
    // %s: the file written
    {"debrief.saved_to", "Saved to %s", "Opgeslagen in %s"},
    // %s: the reason
    {"debrief.save_failed", "Could not save: %s", "Opslaan is niet gelukt: %s"},
    {"debrief.back_home", "Back to home", "Terug naar het overzicht"},

    // --- settings ------------------------------------------------------------------------------------
    {"settings.heading", "Settings", "Instellingen"},
    {"settings.language", "Interface language", "Taal van de interface"},
    {"settings.font_size", "Text size", "Tekstgrootte"},
    // %d: text size in percent of normal
    {"settings.font_size_value", "%d%%", "%d%%"},
    {"settings.larger", "Larger (Ctrl +)", "Groter (Ctrl +)"},
    {"settings.smaller", "Smaller (Ctrl -)", "Kleiner (Ctrl -)"},
    {"settings.text_size_keys", "Ctrl + and Ctrl - change the text size on every screen.",
                                "Met Ctrl + en Ctrl - verander je op elk scherm de tekstgrootte."},
    {"settings.high_contrast", "High contrast", "Hoog contrast"},
    {"settings.fullscreen", "Full screen (F11)", "Volledig scherm (F11)"},
    {"settings.read_aloud", "Read lines aloud", "Zinnen voorlezen"},
    {"settings.read_aloud_unavailable", "Read-aloud is unavailable: espeak-ng is not installed.",
                                        "Voorlezen is niet beschikbaar: espeak-ng is niet ge\u00efnstalleerd."},
    // %s: the reason
    {"settings.save_failed", "Could not save the settings: %s", "De instellingen konden niet worden opgeslagen: %s"},
    {"settings.close", "Close", "Sluiten"},
    {"settings.saved_note", "Changes are saved automatically.", "Wijzigingen worden automatisch bewaard."},

    // --- diagnostics panel ---------------------------------------------------------------------------
    {"diagnostics.heading", "This scenario has problems", "Dit scenario bevat fouten"},
    {"diagnostics.explanation",
     "The scenario file cannot be played as it is. Give this list to its author: each line says where "
     "the problem is and what is wrong.",
     "Het scenariobestand kan zo niet gespeeld worden. Geef deze lijst aan de auteur: elke regel zegt "
     "waar het probleem zit en wat er mis is."},
    {"diagnostics.file", "File", "Bestand"},
    {"diagnostics.line", "Line", "Regel"},
    {"diagnostics.column", "Column", "Kolom"},
    {"diagnostics.severity", "Severity", "Ernst"},
    {"diagnostics.code", "Code", "Code"},
    {"diagnostics.message", "Message", "Melding"},
    {"diagnostics.error", "error", "fout"},
    {"diagnostics.warning", "warning", "waarschuwing"},
    {"diagnostics.note", "note", "opmerking"},
    {"diagnostics.copy", "Copy to clipboard", "Naar klembord kopi\u00ebren"},
    {"diagnostics.back", "Back", "Terug"},
    {"diagnostics.none", "No problems found.", "Geen problemen gevonden."},
};
// clang-format on

// Second names for the same text (the screens were written against these names too). An alias never
// has text of its own, so the two can never drift apart; ui_keys() lists only the real keys. The key
// an alias names may be in this table or in the report catalogue.
// clang-format off
const std::pair<const char*, const char*> kAliases[] = {
    {"skill.qualify", "dimension.qualify"},
    {"skill.decline", "dimension.decline"},
    {"skill.bias", "dimension.bias"},
    {"skill.relationship", "dimension.relationship"},
    {"play.feedback", "debrief.feedback"},
    {"play.conversation_over", "debrief.untitled_ending"},
    {"play.stuck", "transcript.stuck"},
    {"play.choice_unavailable", "prompt.option_unavailable"},
    {"debrief.per_dimension", "debrief.dimensions"},
    {"common.settings", "home.settings"},
    {"home.not_played", "home.no_score"},
    {"mode.practice", "home.practice"},
    {"mode.assessment", "home.assessment"},
    {"mode.practice_note", "home.practice_explanation"},
    {"mode.assessment_note", "home.assessment_explanation"},
    {"play.reveal_hint", "play.skip_hint"},
    {"debrief.title", "debrief.heading"},
    {"debrief.best_line_heading", "debrief.best_line"},
    {"settings.title", "settings.heading"},
    {"settings.text_size", "settings.font_size"},
    {"settings.no_speech", "settings.read_aloud_unavailable"},
    {"diagnostics.title", "diagnostics.heading"},
};
// clang-format on

struct Table {
    std::unordered_map<std::string_view, const Entry*> by_key;
    std::unordered_map<std::string_view, std::string_view> report_alias;  // alias -> report catalogue key
    std::vector<std::string_view> keys;
    Table() {
        for (const Entry& entry : kEntries) {
            by_key.emplace(entry.key, &entry);
            keys.emplace_back(entry.key);
        }
        for (const auto& [alias, key] : kAliases) {
            const auto it = by_key.find(key);
            if (it != by_key.end()) {
                by_key.emplace(alias, it->second);
                continue;
            }
            assert(report::has_word(key) && "ui_text: an alias names a key that does not exist");
            report_alias.emplace(alias, key);
        }
    }
};

const Table& table() {
    static const Table instance;
    return instance;
}

// Unknown keys are returned as themselves; `key` need not be zero-terminated, so keep a copy whose
// c_str() lives for the rest of the program (std::set never moves its nodes).
const char* interned(std::string_view key) {
    static std::mutex mutex;
    static std::set<std::string, std::less<>> strings;
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = strings.find(key);
    if (it == strings.end()) it = strings.emplace(key).first;
    return it->c_str();
}

}  // namespace

const char* ui(std::string_view key, std::string_view language) {
    const Table& t = table();
    const auto it = t.by_key.find(key);
    if (it != t.by_key.end()) return language == "nl" ? it->second->nl : it->second->en;
    if (const auto alias = t.report_alias.find(key); alias != t.report_alias.end())
        return report::word(alias->second, language);
    if (report::has_word(key)) return report::word(key, language);
    return interned(key);
}

bool ui_has(std::string_view key) {
    const Table& t = table();
    return t.by_key.count(key) != 0 || t.report_alias.count(key) != 0 || report::has_word(key);
}

std::vector<std::string_view> ui_keys() { return table().keys; }

}  // namespace salesdojo::gui
