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
    // --- trainees, saved runs and the results database (results.hpp) -------------------------------
    {"home.trainee", "Trainee", "Deelnemer"},
    {"home.new_trainee", "New trainee", "Nieuwe deelnemer"},
    {"home.trainee_name", "Name", "Naam"},
    {"home.add_trainee", "Add", "Toevoegen"},
    {"home.trainee_empty", "Type a name first.", "Typ eerst een naam."},
    {"home.trainee_too_long", "A name may have at most 64 characters.", "Een naam mag hoogstens 64 tekens hebben."},
    {"home.history", "My history", "Mijn geschiedenis"},
    {"home.results_off", "results are not saved", "resultaten worden niet bewaard"},
    {"home.resume_heading", "Unfinished", "Niet afgemaakt"},
    // %zu decisions taken, %s mode (mode.*), %s date and time
    {"home.resume_detail", "%zu decision(s) taken  \u00b7  %s  \u00b7  %s",
                           "%zu beslissing(en) genomen  \u00b7  %s  \u00b7  %s"},
    {"home.resume", "Continue", "Verdergaan"},
    {"home.discard", "Discard", "Weggooien"},
    // %zu unfinished conversations not shown as cards
    {"home.resume_more", "%zu more unfinished conversation(s) are kept; Start on a card begins that one afresh.",
                         "Nog %zu niet afgemaakte gesprek(ken) bewaard; Beginnen op een kaart start dat gesprek opnieuw."},
    // %s: the scenario's title
    {"home.resume_failed",
     "The saved conversation \u201c%s\u201d no longer fits the scenario, which has changed since. Start it again from its card.",
     "Het bewaarde gesprek \u201c%s\u201d past niet meer bij het scenario, dat intussen is veranderd. Begin het opnieuw vanaf de kaart."},
    {"home.dismiss", "Dismiss", "Verbergen"},
    // %s: the results database file (each of home.results_*)
    {"home.results_damaged",
     "Your results file %s is damaged, so results are not saved now. Move it aside and SalesDojo starts a new one. You can still play.",
     "Je resultatenbestand %s is beschadigd, dus resultaten worden nu niet bewaard. Zet het apart en SalesDojo begint een nieuw bestand. Spelen kan gewoon."},
    {"home.results_read_only",
     "Your results file %s cannot be written, so results are not saved now. You can still play.",
     "In je resultatenbestand %s kan niet geschreven worden, dus resultaten worden nu niet bewaard. Spelen kan gewoon."},
    {"home.results_newer",
     "Your results file %s comes from a newer SalesDojo; it is left alone and results are not saved now. You can still play.",
     "Je resultatenbestand %s komt uit een nieuwere SalesDojo; het blijft onaangeroerd en resultaten worden nu niet bewaard. Spelen kan gewoon."},
    {"home.results_full",
     "The disk with your results file %s is full, so results are not saved now. You can still play.",
     "De schijf met je resultatenbestand %s is vol, dus resultaten worden nu niet bewaard. Spelen kan gewoon."},
    {"home.results_unavailable",
     "Your results cannot be saved in %s right now. You can still play.",
     "Je resultaten kunnen nu niet bewaard worden in %s. Spelen kan gewoon."},
    {"home.open_file", "Open a scenario file...", "Scenariobestand openen..."},

    // --- home: search, sort and filters (views/card_filter.hpp) --------------------------------------
    {"home.search", "Search", "Zoeken"},
    {"home.search_hint", "words in the title or summary", "woorden uit titel of samenvatting"},
    {"home.sort", "Sort", "Sorteren"},
    {"home.sort_suggested", "Suggested order", "Voorgestelde volgorde"},
    {"home.sort_title", "Title (A-Z)", "Titel (A-Z)"},
    {"home.sort_difficulty", "Difficulty (easy first)", "Moeilijkheid (makkelijk eerst)"},
    {"home.sort_length", "Length (short first)", "Lengte (kort eerst)"},
    {"home.sort_last_played", "Last played first", "Laatst gespeeld eerst"},
    {"home.sort_score", "Lowest score first", "Laagste score eerst"},
    {"home.not_played_only", "Not played yet", "Nog niet gespeeld"},
    {"home.skill", "Skill", "Vaardigheid"},
    {"home.language", "Language", "Taal"},
    {"home.length", "Length", "Lengte"},
    // %d: minutes
    {"home.length_short", "Short (up to %d min)", "Kort (tot %d min)"},
    // %d, %d: the range in minutes
    {"home.length_medium", "Medium (%d-%d min)", "Middellang (%d-%d min)"},
    // %d: minutes
    {"home.length_long", "Long (over %d min)", "Lang (meer dan %d min)"},

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
    {"play.quit_confirm", "Leave this conversation? It is kept for later: continue it from the home screen.",
                          "Dit gesprek verlaten? Het wordt bewaard: je gaat later verder vanaf het overzicht."},
    {"play.quit_confirm_unsaved", "Leave this conversation? Results cannot be saved right now, so it is not kept.",
                                  "Dit gesprek verlaten? Resultaten kunnen nu niet bewaard worden, dus het gesprek blijft niet bewaard."},
    {"play.quit_confirm_yes", "Leave", "Verlaten"},
    {"play.quit_confirm_no", "Keep playing", "Verder spelen"},
    {"play.to_debrief", "See the debrief", "Naar de nabespreking"},
    {"play.reviewing", "Reviewing: your answers cannot be changed.",
                       "Terugblik: je antwoorden kun je niet meer veranderen."},

    // --- play: backlog, hint, text speed (views/play_view.hpp) ---------------------------------------
    {"play.backlog_open", "Conversation so far (B)", "Gesprek tot nu toe (B)"},
    {"play.backlog_close", "Latest lines (B)", "Laatste zinnen (B)"},
    {"play.backlog_heading", "The conversation so far", "Het gesprek tot nu toe"},
    {"play.backlog_keys", "Scroll with the mouse wheel, the arrow keys or Page Up and Page Down. B or Esc goes back.",
                          "Scrol met het muiswiel, de pijltjestoetsen of Page Up en Page Down. B of Esc gaat terug."},
    {"play.choose_hint_practice", "Press 1-9 to choose, H for a hint", "Druk op 1-9 om te kiezen, H voor een tip"},
    {"play.hint_button", "Hint (H)", "Tip (H)"},
    {"play.hint_heading", "Hint: what matters at this decision", "Tip: waar het bij deze beslissing om draait"},
    {"play.hint_none", "No principle is named for this decision. Ask yourself what you know for sure and what you still need to find out.",
                       "Bij deze beslissing hoort geen principe. Vraag je af wat je zeker weet en wat je nog moet uitzoeken."},
    // "Hints used at decisions 1, 3": report::hints_sentence (the saved debriefs say it too)
    {"settings.text_speed", "Text speed", "Tekstsnelheid"},
    {"settings.speed_slow", "Slow", "Langzaam"},
    {"settings.speed_normal", "Normal", "Normaal"},
    {"settings.speed_fast", "Fast", "Snel"},
    {"settings.speed_instant", "Instant", "Meteen"},

    // --- read-aloud (read_aloud.hpp) -----------------------------------------------------------------
    {"settings.read_aloud_keys", "While reading: Ctrl stops, F5 reads the screen again.",
                                 "Tijdens het voorlezen: Ctrl stopt, F5 leest het scherm opnieuw voor."},
    {"speech.not_installed", "Read-aloud is on, but espeak-ng is not installed, so nothing is read aloud. Install espeak-ng, or turn read-aloud off in Settings.",
                             "Voorlezen staat aan, maar espeak-ng is niet ge\u00efnstalleerd, dus er wordt niets voorgelezen. Installeer espeak-ng of zet voorlezen uit bij Instellingen."},
    {"speech.cannot_start", "Read-aloud is on, but espeak-ng could not be started, so nothing is read aloud. Reinstall espeak-ng, or turn read-aloud off in Settings.",
                            "Voorlezen staat aan, maar espeak-ng kon niet starten, dus er wordt niets voorgelezen. Installeer espeak-ng opnieuw of zet voorlezen uit bij Instellingen."},
    // %d: espeak-ng's exit status
    {"speech.failed", "Read-aloud stopped: espeak-ng ended with error %d. Check the sound, or turn read-aloud off in Settings.",
                      "Voorlezen is gestopt: espeak-ng eindigde met fout %d. Controleer het geluid of zet voorlezen uit bij Instellingen."},

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

    // --- history (views/history_view.hpp) -------------------------------------------------------------
    {"history.title", "History", "Geschiedenis"},
    // %s: the trainee's name
    {"history.heading", "Results of %s", "Resultaten van %s"},
    {"history.empty", "No attempts yet: finish a conversation and it appears here.",
                      "Nog geen pogingen: maak een gesprek af en het verschijnt hier."},
    {"history.unavailable", "Results are not available: see the notice on the home screen.",
                            "Resultaten zijn niet beschikbaar: zie de melding op het overzicht."},
    {"history.next_heading", "What to practise next", "Wat je nu kunt oefenen"},
    // %s: the skill, %.0f: its average score 0..100, %zu: attempts in the average
    {"history.weakest", "Your weakest skill now: %s (on average %.0f/100 in your last %zu attempt(s) that scored it).",
                        "Je zwakste vaardigheid nu: %s (gemiddeld %.0f/100 in je laatste %zu poging(en) waarin die meetelde)."},
    // %s: the scenario's title, %s: the skill
    {"history.suggest_new", "Suggested: \u201c%s\u201d. It trains %s, and you have not played it yet.",
                            "Voorstel: \u201c%s\u201d. Dit scenario traint %s, en je hebt het nog niet gespeeld."},
    // %s: the scenario's title, %s: the skill, %s: the date it was last played
    {"history.suggest_again",
     "Suggested: \u201c%s\u201d. It trains %s; you last played it on %s, the longest ago of the scenarios that train it.",
     "Voorstel: \u201c%s\u201d. Dit scenario traint %s; je speelde het voor het laatst op %s, het langst geleden van de scenario\u2019s die dit trainen."},
    {"history.start_suggested", "Start this scenario", "Dit scenario beginnen"},
    {"history.no_skills_yet", "Scores per skill appear once you finish a conversation (earlier scores have none).",
                              "Scores per vaardigheid verschijnen zodra je een gesprek afmaakt (eerdere scores hebben die niet)."},
    {"history.plot_heading", "Scores per skill over time", "Scores per vaardigheid in de tijd"},
    // %zu attempts plotted, %s first date, %s last date
    {"history.plot_range", "%zu attempt(s) from %s to %s, oldest on the left; each line runs from 0 to 100.",
                           "%zu poging(en) van %s tot %s, oudste links; elke lijn loopt van 0 tot 100."},
    // %.0f: the latest score 0..100
    {"history.latest", "latest %.0f/100", "laatste %.0f/100"},
    {"history.per_scenario", "Per scenario: first, best and latest score", "Per scenario: eerste, beste en laatste score"},
    // %zu: number of attempts
    {"history.attempts", "Every attempt (%zu)", "Alle pogingen (%zu)"},
    {"history.showing", "The newest %zu of %zu attempts.", "De nieuwste %zu van %zu pogingen."},
    {"history.older", "Show older attempts", "Oudere pogingen tonen"},
    {"history.col_date", "Date", "Datum"},
    {"history.col_scenario", "Scenario", "Scenario"},
    {"history.col_mode", "Mode", "Modus"},
    {"history.col_score", "Score", "Score"},
    {"history.col_attempts", "Attempts", "Pogingen"},
    {"history.col_first", "First", "Eerste"},
    {"history.col_best", "Best", "Beste"},
    {"history.col_latest", "Latest", "Laatste"},
    {"history.mode_scripted", "Command line", "Opdrachtregel"},
    {"history.mode_imported", "Earlier score", "Eerdere score"},
    {"history.mode_other", "Other", "Anders"},
    {"history.export_label", "Save every attempt as:", "Alle pogingen opslaan als:"},
    {"history.export_json", "JSON file", "JSON-bestand"},
    {"history.export_csv", "CSV tables", "CSV-tabellen"},
    {"history.export_html", "HTML pages", "HTML-pagina's"},
    // %s: the full path of the file(s) or folder written
    {"history.exported_to", "Saved to %s", "Opgeslagen in %s"},
    // %s: the folder (or the results database) that could not be used
    {"history.export_failed", "Could not save the attempts to %s. Check that this folder can be written to.",
                              "De pogingen konden niet worden opgeslagen in %s. Kijk of je in deze map mag schrijven."},
    {"history.unknown_scenario", "A scenario not in this collection", "Een scenario dat hier niet staat"},

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

    // --- debrief: every decision, every option's score, what the figures mean (views/debrief_view) ---
    {"debrief.show_all_scores", "Show every option's score", "Toon de score van elke keuze"},
    {"debrief.hide_all_scores", "Hide every option's score", "Verberg de score van elke keuze"},
    // %s: the overall score with the better option ("92/100"), %s: with the option chosen ("78/100")
    {"debrief.with_better", "With the better choice: %s (with yours: %s)", "Met de betere keuze: %s (met de jouwe: %s)"},
    {"debrief.figures", "What the numbers mean", "Wat de getallen betekenen"},
    {"debrief.explain_overall",
     "Overall score: how good your decisions were, from 0 (the worst answer every time) to 100 (the best "
     "line). Chance is left out.",
     "Totaalscore: hoe goed je beslissingen waren, van 0 (steeds het slechtste antwoord) tot 100 (de beste "
     "route). Toeval telt niet mee."},
    {"debrief.explain_accuracy",
     "Accuracy: on average how close each answer came to the best answer at that moment (100 percent: the "
     "best, 0 percent: the worst). Only decisions where the answers differed count.",
     "Nauwkeurigheid: gemiddeld hoe dicht elk antwoord bij het beste antwoord op dat moment kwam (100 procent: "
     "het beste, 0 procent: het slechtste). Alleen beslissingen waarbij de antwoorden verschilden tellen mee."},
    {"debrief.explain_pass_mark", "Pass mark: the overall score needed to pass this scenario.",
     "Geslaagd vanaf: de totaalscore die nodig is om voor dit scenario te slagen."},
    {"debrief.explain_dimensions",
     "Per skill: the same 0 to 100 for each part of the conversation; the sentence under it names the "
     "decision that cost most there.",
     "Per onderdeel: dezelfde 0 tot 100 voor elk onderdeel van het gesprek; de zin eronder noemt de "
     "beslissing die daar het meest kostte."},
    {"debrief.explain_cost",
     "Cost: how many points of the overall score of 100 a decision gave away compared with the best answer "
     "at that moment.",
     "Kost: hoeveel punten van de totaalscore van 100 een beslissing weggaf vergeleken met het beste "
     "antwoord op dat moment."},
    {"debrief.explain_what_if",
     "An option's score: your overall score had you taken that option there and played the best line after it.",
     "De score van een keuze: je totaalscore als je daar die keuze had gemaakt en daarna de beste route had "
     "gevolgd."},
    {"debrief.explain_verdicts",
     "Verdicts go by the cost: best choice (nothing lost), good, slightly off, mistake, blunder (the most lost).",
     "Het oordeel hangt af van de kosten: beste keuze (niets verloren), goed, net niet, fout, flinke misser "
     "(het meeste verloren)."},

    // --- keyboard: the key legend (F1) and key hints (views/key_legend.hpp) ---------------------------
    {"keys.title", "Keys on this screen", "Toetsen op dit scherm"},
    {"keys.hint", "F1: keys", "F1: toetsen"},
    {"keys.tab", "Tab / Shift+Tab", "Tab / Shift+Tab"},
    {"keys.next_control", "Next / previous control (the one in focus has a frame)",
     "Volgend / vorig onderdeel (het onderdeel met de focus heeft een kader)"},
    {"keys.arrows", "Arrow keys", "Pijltjestoetsen"},
    {"keys.move_focus", "Move the focus left, right, up, down", "De focus naar links, rechts, boven, onder"},
    {"keys.enter_space", "Enter or Space", "Enter of spatiebalk"},
    {"keys.press", "Press the control in focus", "Het onderdeel met de focus indrukken"},
    {"keys.page", "Page Down / Page Up", "Pagina omlaag / Pagina omhoog"},
    {"keys.scroll_cards", "Scroll the scenarios", "Door de scenario's bladeren"},
    {"keys.space_enter", "Space or Enter", "Spatiebalk of Enter"},
    {"keys.continue", "Show the next lines, continue after the feedback",
     "De volgende zinnen tonen, verder na de terugkoppeling"},
    {"keys.digits", "1 to 9", "1 tot 9"},
    {"keys.choose", "Choose that answer", "Dat antwoord kiezen"},
    {"keys.backspace", "Backspace", "Terugtoets"},
    {"keys.undo", "Take back the last answer (practice)", "Het laatste antwoord terugnemen (oefenen)"},
    {"keys.scroll", "Up / Down, Page Up / Page Down, Home / End",
     "Omhoog / omlaag, Pagina omhoog / omlaag, naar begin / einde"},
    {"keys.scroll_panel", "Scroll the panel on the right", "Het rechterpaneel verschuiven"},
    {"keys.shift_scroll", "Shift + those keys", "Shift + die toetsen"},
    {"keys.scroll_scores", "Scroll the scores on the left", "De scores links verschuiven"},
    {"keys.backlog", "The conversation so far (B or Esc returns)", "Het gesprek tot nu toe (B of Esc gaat terug)"},
    {"keys.h", "H", "H"},
    {"keys.hint_request", "A hint: the principle at stake (practice)", "Een tip: het principe dat hier speelt (oefenen)"},
    {"keys.ctrl", "Ctrl", "Ctrl"},
    {"keys.stop_reading", "Stop reading aloud", "Stoppen met voorlezen"},
    {"keys.f5", "F5", "F5"},
    {"keys.read_again", "Read the screen aloud again", "Het scherm opnieuw voorlezen"},
    {"keys.d", "D", "D"},
    {"keys.decisions", "Your decisions, one by one", "Je beslissingen, \u00e9\u00e9n voor \u00e9\u00e9n"},
    {"keys.r", "R", "R"},
    {"keys.review", "Review the conversation", "Het gesprek teruglezen"},
    {"keys.b", "B", "B"},
    {"keys.best_line", "The best line", "De beste route"},
    {"keys.a", "A", "A"},
    {"keys.alternatives", "Show or hide every answer's score", "De score van elk antwoord tonen of verbergen"},
    {"keys.s", "S", "S"},
    {"keys.save_markdown", "Save the debrief as Markdown", "De nabespreking opslaan als Markdown"},
    {"keys.w", "W", "W"},
    {"keys.save_html", "Save the debrief as a web page (HTML)", "De nabespreking opslaan als webpagina (HTML)"},
    {"keys.p", "P", "P"},
    {"keys.play_again", "Play again", "Opnieuw spelen"},
    {"keys.esc", "Esc", "Esc"},
    {"keys.home", "Back to the scenarios", "Terug naar de scenario's"},
    {"keys.f1", "F1", "F1"},
    {"keys.legend", "Show or hide this list", "Deze lijst tonen of verbergen"},
    {"keys.ctrl_plus_minus", "Ctrl + / Ctrl - / Ctrl 0", "Ctrl + / Ctrl - / Ctrl 0"},
    {"keys.text_size", "Larger / smaller / normal text", "Grotere / kleinere / gewone tekst"},
    {"keys.f11", "F11", "F11"},
    {"keys.fullscreen", "Full screen on or off", "Volledig scherm aan of uit"},
    {"keys.ctrl_q", "Ctrl+Q", "Ctrl+Q"},
    {"keys.quit", "Quit (asks first during a conversation)", "Afsluiten (vraagt het eerst tijdens een gesprek)"},
    // --- classroom mode (app_classroom.cpp, views/class_*.hpp, docs/classroom.md) ----------------------
    {"class.home_button", "Run a class", "Groepsles geven"},
    {"class.setup_heading", "Run a class", "Groepsles geven"},
    {"class.setup_intro",
     "The group plays one conversation together on the projector and votes on every decision, by raising hands "
     "or on their phones. You open the vote, reveal the tally, lead the discussion and confirm the group's answer. "
     "F1 shows the keys.",
     "De groep voert samen een gesprek op het grote scherm en stemt over elke beslissing, met handen of met de "
     "telefoon. Jij opent de stemming, toont de uitslag, leidt het gesprek en bevestigt het antwoord van de groep. "
     "F1 toont de toetsen."},
    {"class.setup_scenario", "Scenario", "Scenario"},
    {"class.setup_language", "Language of the class", "Taal van de les"},
    {"class.language_en", "English", "Engels"},
    {"class.language_nl", "Dutch", "Nederlands"},
    {"class.setup_phones", "Phones vote", "Stemmen met de telefoon"},
    {"class.setup_phones_help", "A voting page on this network, with a join code and a QR code; no internet needed. Off: hands only.",
                                "Een stempagina op dit netwerk, met een toegangscode en een QR-code; internet is niet nodig. Uit: alleen handen."},
    {"class.setup_names", "Ask for names", "Om namen vragen"},
    {"class.setup_names_help", "Otherwise the votes are anonymous.", "Anders wordt er anoniem gestemd."},
    {"class.setup_start", "Run as a class", "Als groepsles starten"},
    {"class.server_failed", "The voting page could not start:", "De stempagina kon niet starten:"},
    // %zu: the decision's number
    {"class.decision", "Decision %zu", "Beslissing %zu"},
    {"class.status_showing", "Read the options. The vote opens soon.", "Lees de antwoorden. Zo meteen wordt er gestemd."},
    // %zu: votes so far
    {"class.status_voting", "Vote now: %zu votes", "Stem nu: %zu stemmen"},
    {"class.status_revealed", "The vote is closed: %zu votes", "De stemming is gesloten: %zu stemmen"},
    // %zu: the option's number
    {"class.status_chosen", "The group chose answer %zu", "De groep koos antwoord %zu"},
    // %zu: votes in all, by hands, by phones
    {"class.option_votes", "%zu votes (%zu hands, %zu phones)", "%zu stemmen (%zu handen, %zu telefoons)"},
    {"class.no_votes", "Nobody voted: the trainer chooses.", "Niemand stemde: de trainer kiest."},
    {"class.prompt", "Discuss:", "Bespreek:"},
    {"class.finished_heading", "The conversation has ended", "Het gesprek is afgelopen"},
    {"class.join_heading", "Vote on your phone", "Stem met je telefoon"},
    {"class.join_address", "Scan the code or open:", "Scan de code of open:"},
    {"class.trainer_heading", "For the trainer only", "Alleen voor de trainer"},
    {"class.trainer_private", "Show this on your own screen only. T hides it.",
                              "Laat dit alleen op je eigen scherm zien. T verbergt het."},
    {"class.trainer_blank", "The projector is blank (B shows it again).", "Het grote scherm is zwart (B toont het weer)."},
    {"class.next_open", "Page Down: open the vote", "Pagina omlaag: de stemming openen"},
    {"class.next_reveal", "Page Down: close the vote and show the tally", "Pagina omlaag: de stemming sluiten en de uitslag tonen"},
    {"class.next_confirm", "Page Down: confirm the majority's answer", "Pagina omlaag: het antwoord van de meerderheid bevestigen"},
    {"class.next_feedback", "Page Down: show the feedback and the verdict", "Pagina omlaag: de toelichting en het oordeel tonen"},
    {"class.next_decision", "Page Down: the next decision", "Pagina omlaag: de volgende beslissing"},
    {"class.next_report", "Page Down: end the class and show the report", "Pagina omlaag: de les afsluiten en het verslag tonen"},
    {"class.next_button", "Next step", "Volgende stap"},
    {"class.note_tie", "A tie, or no votes: press O, then the number of the group's answer.",
                       "Gelijke stand of geen stemmen: druk op O en dan op het nummer van het antwoord van de groep."},
    {"class.note_no_back", "Nothing to go back to: votes and choices stay as they are.",
                           "Niets om naar terug te gaan: stemmen en keuzes blijven staan."},
    {"class.note_no_option", "There is no answer with that number.", "Er is geen antwoord met dat nummer."},
    {"class.note_press_o", "To choose another answer than the majority, press O first.",
                           "Druk eerst op O om een ander antwoord dan dat van de meerderheid te kiezen."},
    {"class.note_override_when", "Choosing an answer yourself is possible once the tally is shown.",
                                 "Zelf een antwoord kiezen kan zodra de uitslag te zien is."},
    {"class.note_no_prompt", "No more discussion questions here.", "Hier zijn geen gespreksvragen meer."},
    // %zu: hands, phones, together
    {"class.trainer_counts", "hands %zu, phones %zu: %zu", "handen %zu, telefoons %zu: %zu"},
    // %s: the digits typed so far
    {"class.trainer_typing", "typing: %s (Enter stores)", "typen: %s (Enter bewaart)"},
    {"class.trainer_best", "best answer", "beste antwoord"},
    {"class.trainer_majority", "majority", "meerderheid"},
    // %zu: the option's number
    {"class.trainer_confirm", "Choose %zu", "Kies %zu"},
    {"class.trainer_majority_is", "The majority chose answer %zu.", "De meerderheid koos antwoord %zu."},
    {"class.trainer_tie", "No majority (a tie, or no votes): you choose. Press O, then the answer's number.",
                          "Geen meerderheid (gelijke stand of geen stemmen): jij kiest. Druk op O en dan op het nummer."},
    {"class.trainer_hands_help", "Hands: press the answer's number, type the count, then Enter.",
                                 "Handen: druk op het nummer van het antwoord, typ het aantal en dan Enter."},
    {"class.trainer_override_armed", "Press the number of the answer you confirm for the group.",
                                     "Druk op het nummer van het antwoord dat je voor de groep bevestigt."},
    {"class.trainer_override_help", "Another answer than the majority: O, then its number.",
                                    "Een ander antwoord dan de meerderheid: O en dan het nummer."},
    {"class.trainer_notes", "Trainer notes", "Aantekeningen voor de trainer"},
    {"class.trainer_prompts", "Discussion questions (P shows the next)", "Gespreksvragen (P toont de volgende)"},
    {"class.trainer_prompt_shown", "shown to the room", "aan de groep getoond"},
    {"class.trainer_show_prompt", "Show to the room", "Aan de groep tonen"},
    // %s: the join address; %zu: phones joined
    {"class.trainer_phones", "Phones: %s (%zu joined)", "Telefoons: %s (%zu aangemeld)"},
    {"class.end_title", "End the class?", "Les afsluiten?"},
    {"class.end_question", "The class log is kept and the class report is shown.",
                           "Het verloop van de les wordt bewaard en het verslag wordt getoond."},
    {"class.end_yes", "End the class (Y)", "Les afsluiten (J)"},
    {"class.end_no", "Keep going (N)", "Doorgaan (N)"},
    {"class.report_heading", "The class report", "Verslag van de groepsles"},
    {"class.export_html", "Save as a web page (HTML)", "Opslaan als webpagina (HTML)"},
    {"class.export_csv", "Save as tables (CSV)", "Opslaan als tabellen (CSV)"},
    // %s: the file written
    {"class.saved", "Saved: %s", "Opgeslagen: %s"},
    // %s: why not
    {"class.save_failed", "Could not save: %s", "Opslaan lukte niet: %s"},
    // %s: the database file
    {"class.stored", "The class log is kept in %s", "Het verloop van de les is bewaard in %s"},
    // %s: why not
    {"class.not_stored", "The class log could not be kept: %s", "Het verloop van de les kon niet bewaard worden: %s"},
    {"class.not_stored_empty", "No decision was reached, so nothing was kept.", "Er is geen beslissing genomen, dus er is niets bewaard."},
    {"class.no_database", "Results are not kept (no database).", "Resultaten worden niet bewaard (geen database)."},
    // %s: why not
    {"class.no_report", "No report: %s", "Geen verslag: %s"},
    // %s: the ending; %s: the outcome
    {"class.report_ending", "Ending: %s (%s)", "Afloop: %s (%s)"},
    {"class.report_unfinished", "The class ended before the conversation did.", "De les stopte voordat het gesprek afgelopen was."},
    // %.0f: decision score; %.0f: accuracy
    {"class.report_scores", "The group's decision score: %.0f/100, accuracy %.0f%%",
                            "Beslisscore van de groep: %.0f/100, nauwkeurigheid %.0f%%"},
    {"class.report_passed", "(passed)", "(geslaagd)"},
    {"class.report_failed", "(not passed)", "(niet geslaagd)"},
    {"class.report_chosen", "the group's answer", "antwoord van de groep"},
    // %zu: votes for the best answer; %zu: all votes
    {"class.report_best_votes", "%zu of %zu votes went to the best answer.", "%zu van de %zu stemmen gingen naar het beste antwoord."},
    {"class.report_tie", "A tie: the trainer chose.", "Gelijke stand: de trainer koos."},
    {"class.report_overridden", "The trainer chose another answer than the majority.",
                                "De trainer koos een ander antwoord dan de meerderheid."},
    {"class.report_verdict", "Verdict of the group's answer:", "Oordeel over het antwoord van de groep:"},
    // key legend of the classroom screen
    {"keys.class_next", "Page Down, Space or Right", "Pagina omlaag, spatiebalk of pijl rechts"},
    {"keys.class_next_action", "Next step: open the vote, show the tally, confirm, feedback, next decision",
                               "Volgende stap: stemming openen, uitslag tonen, bevestigen, toelichting, volgende beslissing"},
    {"keys.class_back", "Page Up or Left", "Pagina omhoog of pijl links"},
    {"keys.class_back_action", "The previous discussion question shown (nothing is undone)",
                               "De vorige getoonde gespreksvraag (er wordt niets teruggedraaid)"},
    {"keys.class_hands", "1 to 9, digits, Enter", "1 tot 9, cijfers, Enter"},
    {"keys.class_hands_action", "While voting: an answer's number, its hand count, Enter stores it",
                                "Tijdens het stemmen: nummer van het antwoord, aantal handen, Enter bewaart"},
    {"keys.class_o", "O, then 1 to 9", "O, dan 1 tot 9"},
    {"keys.class_o_action", "Confirm that answer instead of the majority (also after a tie)",
                            "Dat antwoord bevestigen in plaats van de meerderheid (ook bij gelijke stand)"},
    {"keys.class_b", "B or .", "B of ."},
    {"keys.class_b_action", "Blank screen on or off", "Zwart scherm aan of uit"},
    {"keys.class_t", "T", "T"},
    {"keys.class_t_action", "The trainer's private panel on or off", "Het eigen paneel van de trainer aan of uit"},
    {"keys.class_p_action", "Show the next discussion question", "De volgende gespreksvraag tonen"},
    {"keys.class_c", "C", "C"},
    {"keys.class_c_action", "High contrast on or off", "Hoog contrast aan of uit"},
    {"keys.class_esc_action", "End the class (asks first; the class log is kept)",
                              "De les afsluiten (vraagt het eerst; het verloop wordt bewaard)"},
    // Keys added when every screen got its keys (issue 12): settings, leaving a conversation, authoring.
    {"keys.f2", "F2", "F2"},
    {"keys.settings", "Settings", "Instellingen"},
    {"keys.close_settings", "Close the settings", "De instellingen sluiten"},
    {"keys.leave_play", "Back to the scenarios (asks first once you have chosen)",
                        "Terug naar de scenario's (vraagt het eerst als je al gekozen hebt)"},
    {"keys.esc_backlog", "Esc (conversation so far open)", "Esc (gesprek tot nu toe open)"},
    {"keys.close_backlog", "Back to the current line", "Terug naar de huidige zin"},
    // --- authoring screen (views/author_view.hpp, docs/authoring-window.md) ---------------------------
    {"author.open_button", "Open a file", "Bestand openen"},
    {"author.title", "Authoring", "Scenario's schrijven"},
    {"author.intro",
     "Open a scenario file to check it while you write: its analysis, its graph, and playtests from any "
     "point. The file is watched: save it in your editor and it reloads here. Open a folder to play its "
     "scenarios from the home screen.",
     "Open een scenariobestand om het te controleren terwijl je schrijft: de analyse, de plattegrond en "
     "speltests vanaf elk punt. Het bestand wordt gevolgd: bewaar het in je tekstverwerker en het wordt "
     "hier opnieuw geladen. Open een map om de scenario's daarin vanaf het overzicht te spelen."},
    {"author.path_label", "File or folder:", "Bestand of map:"},
    {"author.path_hint", "/path/to/scenario.json", "/pad/naar/scenario.json"},
    {"author.open", "Open", "Openen"},
    {"author.recent", "Recent:", "Onlangs:"},
    {"author.note_opened", "Opened. Save the file in your editor and it reloads here.",
                           "Geopend. Bewaar het bestand in je tekstverwerker en het wordt hier opnieuw geladen."},
    {"author.note_reloaded", "Reloaded.", "Opnieuw geladen."},
    {"author.note_replayed", "%zu choices replayed.", "%zu keuzes opnieuw gemaakt."},
    {"author.note_replayed_one", "%zu choice replayed.", "%zu keuze opnieuw gemaakt."},
    {"author.note_dropped", "%zu dropped from '%s' on, which no longer applies.",
                            "%zu vervallen vanaf '%s', die niet meer past."},
    {"author.note_start_lost", "Its start node is gone: started from the beginning.",
                               "Het beginpunt bestaat niet meer: opnieuw begonnen bij het begin."},
    {"author.note_broken_one", "The last save does not load (%zu error): the version before it stays playable.",
                               "De laatste versie laadt niet (%zu fout): de versie daarvoor blijft speelbaar."},
    {"author.note_broken", "The last save does not load (%zu errors): the version before it stays playable.",
                           "De laatste versie laadt niet (%zu fouten): de versie daarvoor blijft speelbaar."},
    {"author.note_missing", "The file is gone: the last version stays playable until it is back.",
                            "Het bestand is weg: de laatste versie blijft speelbaar tot het terug is."},
    {"author.note_open_failed_one", "This file does not load (%zu error). Fix it and save: it opens by itself.",
                                    "Dit bestand laadt niet (%zu fout). Herstel het en bewaar: het opent vanzelf."},
    {"author.note_open_failed", "This file does not load (%zu errors). Fix it and save: it opens by itself.",
                                "Dit bestand laadt niet (%zu fouten). Herstel het en bewaar: het opent vanzelf."},
    {"author.last_good_kept", "Shown: the last version that loaded.", "Getoond: de laatste versie die laadde."},
    {"author.playtest_start", "Playtest from the start", "Speltest vanaf het begin"},
    {"author.playtest_from", "or from", "of vanaf"},
    {"author.playtest_go", "Playtest", "Speltest"},
    {"author.playtest_with", "with", "met"},
    {"author.playtest_with_hint", "trust=3 need_known", "trust=3 need_known"},
    {"author.playtest_not_started", "Playtest not started:", "Speltest niet gestart:"},
    {"author.playtest_continue", "Back to the playtest", "Terug naar de speltest"},
    {"author.panel_analysis", "Analysis (%zu)", "Analyse (%zu)"},
    {"author.panel_graph", "Graph", "Plattegrond"},
    {"author.panel_problems", "Problems (%zu)", "Problemen (%zu)"},
    {"author.mismatches", "Intent mismatches (%zu)", "Afwijkingen van de bedoeling (%zu)"},
    {"author.no_mismatches", "Every graded option gets the verdict its author meant.",
                             "Elke beoordeelde keuze krijgt het oordeel dat de auteur bedoelde."},
    {"author.analysis_warnings", "Analysis warnings (%zu)", "Waarschuwingen uit de analyse (%zu)"},
    {"author.no_analysis_warnings", "The analysis found nothing to warn about.",
                                    "De analyse vond niets om voor te waarschuwen."},
    {"author.other_warnings", "Other warnings (%zu)", "Overige waarschuwingen (%zu)"},
    {"author.no_other_warnings", "None.", "Geen."},
    {"author.node", "node", "knooppunt"},
    {"author.playtest_here", "Playtest here", "Speltest hier"},
    {"author.show_in_graph", "Show in graph", "Toon op plattegrond"},
    {"author.graph_fit", "Fit", "Passend"},
    {"author.graph_hint", "Drag to move, wheel to zoom, click a node to playtest from there.",
                          "Sleep om te schuiven, draai het wiel om te zoomen, klik op een knooppunt voor een speltest vanaf daar."},
    {"author.graph_plain", "A simple layout (Graphviz could not lay this graph out). Click a node to playtest from there.",
                           "Een eenvoudige indeling (Graphviz kon deze plattegrond niet indelen). Klik op een knooppunt voor een speltest vanaf daar."},
    {"author.graph_busy", "Graphviz is laying the graph out; meanwhile a simple layout. Click a node to playtest from there.",
                          "Graphviz deelt de plattegrond in; intussen een eenvoudige indeling. Klik op een knooppunt voor een speltest vanaf daar."},
    {"author.graph_click", "Click: playtest from here", "Klik: speltest vanaf hier"},
    {"author.graph_dense", "Too much to draw at this size: zoom in.", "Te veel om op deze grootte te tekenen: zoom in."},
    {"author.playtest_chip", "Playtest", "Speltest"},
    {"author.playtest_banner", "from '%s': not stored as an attempt.", "vanaf '%s': wordt niet als poging bewaard."},
    {"author.back_to_file", "Back to the file", "Terug naar het bestand"},
    // --- the trainer's second window (trainer_screen.hpp): its title in the task bar --------------------
    {"trainer_window.title", "SalesDojo: for the trainer", "SalesDojo: voor de trainer"},
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
