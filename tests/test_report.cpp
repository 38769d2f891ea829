// The report library: the nl/en catalogue, names instead of ids, number formatting, and every
// rendering of a debrief and transcript (text, Markdown, HTML, JSON) in Dutch on the bundled pack.
#include "test_support.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/debrief.hpp>
#include <salesdojo/report/names.hpp>
#include <salesdojo/report/transcript.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/session.hpp>

#include <cctype>
#include <filesystem>
#include <regex>
#include <set>

using namespace salesdojo;
using namespace salesdojo::test;
namespace fs = std::filesystem;

namespace {

const report::Languages kNl{"nl", "nl"};
const report::Languages kEn{"en", "en"};

// Interface words that must never appear in Dutch output (whole words, any case). Words Dutch shares
// with English ("score", "blunder", "was") are not listed.
const char* const kEnglishWords[] = {
    "the",        "and",         "you",          "your",       "with",         "when",        "not",
    "Totals",     "weighted",    "unsupported",  "assumption", "established",  "Debrief",     "Overall",
    "Accuracy",   "Ending",      "End",          "Costliest",  "Decisions",    "Decision",    "Principle",
    "Feedback",   "choice",      "chose",        "Better",     "range",        "chance",      "What if",
    "passed",     "pass mark",   "Qualifying",   "Declining",  "Relationship", "Outcome",     "Dimension",
    "Points",     "Explanation", "Slightly off", "Mistake",    "Good",         "Best choice", "Best line",
    "Full marks", "trade",       "calm",         "annoyed",    "pleased",      "surprised",   "worried",
    "stuck",      "finished",    "Cost",         "points",     "Qualified",    "Declined",    "Pursued",
    "good fit",   "poor fit",    "undo",         "quit",       "Choose",
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// Whole-word, case-insensitive search.
bool has_word_in(const std::string& text, const std::string& word) {
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string t = lower(text), w = lower(word);
    for (std::size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
        const bool starts = at == 0 || !is_word_char(t[at - 1]);
        const bool ends = at + w.size() >= t.size() || !is_word_char(t[at + w.size()]);
        if (starts && ends) return true;
    }
    return false;
}

// The text a reader sees in an HTML page: no style sheet, no tags, entities decoded.
std::string visible_text(std::string html) {
    html = std::regex_replace(html, std::regex("<style>[\\s\\S]*?</style>"), " ");
    html = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    for (auto [entity, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
        html = std::regex_replace(html, std::regex(entity), c);
    return html;
}

// Markdown with its escapes removed (an id "call_opens" would read call\_opens).
std::string unescaped_markdown(std::string md) {
    md = std::regex_replace(md, std::regex("\\\\(.)"), "$1");
    return std::regex_replace(md, std::regex("&lt;"), "<");
}

// Every Dutch text of the scenario itself (an id that is also a word the author wrote is not a leak).
std::string dutch_content(const Scenario& s) {
    std::string all;
    auto add = [&](const LocalizedText& t) { all += t.get("nl") + "\n"; };
    add(s.title);
    add(s.summary);
    for (const auto& c : s.cast) add(c.name);
    for (const auto& d : s.dimensions) add(d.title);
    for (const auto& p : s.principles) add(p.title), add(p.explanation);
    for (const auto& f : s.facts) add(f.title);
    for (const auto& o : s.outcomes) add(o.title);
    for (const auto& n : s.nodes) {
        add(n.text), add(n.narration), add(n.ending.title);
        for (const auto& c : n.choices) add(c.text), add(c.feedback);
    }
    return all;
}

std::set<std::string> raw_ids(const Scenario& s) {
    std::set<std::string> ids;
    for (const auto& d : s.dimensions) ids.insert(d.id);
    for (const auto& o : s.outcomes) ids.insert(o.id);
    for (const auto& f : s.facts) ids.insert(f.id);
    for (const auto& n : s.nodes) {
        ids.insert(n.id);
        for (const auto& c : n.choices) ids.insert(c.id);
    }
    return ids;
}

void check_dutch(const std::string& form, const std::string& text, const Scenario& s) {
    CAPTURE(form);
    INFO(text);
    const std::string content = dutch_content(s);
    for (const char* word : kEnglishWords) {
        if (has_word_in(content, word)) continue;  // the author's own Dutch uses it
        CAPTURE(word);
        CHECK_FALSE(has_word_in(text, word));
    }
    for (const auto& id : raw_ids(s)) {
        if (has_word_in(content, id)) continue;
        CAPTURE(id);
        CHECK_FALSE(has_word_in(text, id));
    }
}

std::vector<std::string> pack_files() {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(source_path("scenarios")))
        if (entry.path().extension() == ".json") files.push_back("scenarios/" + entry.path().filename().string());
    std::sort(files.begin(), files.end());
    return files;
}

// Plays option `pick(options)` at every decision until the end (or 60 decisions).
template <class Pick>
Session play_with(const std::shared_ptr<const Scenario>& s, std::uint64_t seed, Pick pick) {
    Session session(s, seed);
    for (int guard = 0; guard < 60 && session.state() == SessionState::AwaitingChoice; ++guard) {
        std::vector<int> available;
        for (const auto& o : session.options())
            if (o.available) available.push_back(o.index);
        session.choose(pick(available));
    }
    return session;
}

struct Rendered {
    std::string transcript, text, markdown, html;
    nlohmann::json json;
};

Rendered render_all(const Analysis& a, const Session& session, const report::Languages& l) {
    const Scenario& s = session.scenario();
    const Debrief d = make_debrief(a, session);
    return {report::transcript_text(session, l), report::debrief_text(d, s, l), report::debrief_markdown(d, s, l),
            report::debrief_html(d, s, l), report::debrief_json(d, s, l)};
}

}  // namespace

TEST_CASE("catalogue: every key has English and Dutch with the same placeholders and no printf '%'") {
    const auto keys = report::word_keys();
    REQUIRE(keys.size() > 60);
    std::set<std::string_view> seen;
    const std::regex placeholder("\\{[1-9]\\}");
    for (std::string_view key : keys) {
        CAPTURE(key);
        CHECK(seen.insert(key).second);
        const std::string en = report::word(key, "en"), nl = report::word(key, "nl");
        CHECK(!en.empty());
        CHECK(!nl.empty());
        CHECK(en != std::string(key));
        CHECK(en.find('%') == std::string::npos);
        CHECK(nl.find('%') == std::string::npos);
        CHECK(nl.find("\xE2\x88\x92") == std::string::npos);  // U+2212: the window's fonts lack it
        std::set<std::string> en_ph, nl_ph;
        for (std::sregex_iterator it(en.begin(), en.end(), placeholder), end; it != end; ++it) en_ph.insert(it->str());
        for (std::sregex_iterator it(nl.begin(), nl.end(), placeholder), end; it != end; ++it) nl_ph.insert(it->str());
        CHECK(en_ph == nl_ph);
    }
    CHECK(std::string(report::word("no.such.key", "nl")) == "no.such.key");
    CHECK(std::string(report::word("verdict.mistake", "de")) == "Mistake");  // other languages: English
}

TEST_CASE("numbers: a decimal comma in Dutch, a point in English, never -0") {
    CHECK(report::number(1.5, 1, "nl") == "1,5");
    CHECK(report::number(1.5, 1, "en") == "1.5");
    CHECK(report::number(-0.01, 1, "nl") == "0,0");
    CHECK(report::number(-0.4, 0, "en") == "0");
    CHECK(report::number(3.0, 2, "nl", report::Trim::WholeWithoutDecimals) == "3");
    CHECK(report::signed_number(2.25, 2, "nl") == "+2,25");
    CHECK(report::signed_number(-2, 0, "nl") == "-2");
    CHECK(report::signed_number(0, 0, "nl") == "0");
    CHECK(report::fill("{2} then {1}, {3}", {"a", "b"}) == "b then a, {3}");
    CHECK(report::loss_text(1.26, "nl") == "Kost: 1,3 punten");
    CHECK(report::accuracy_text(87.4, "nl") == "Nauwkeurigheid: 87%");
}

TEST_CASE("names: the scenario's own title, else the catalogue, never the id") {
    auto s = load_valid("tests/data/valid/assumption_without_bias.json");
    CHECK(report::dimension_name(*s, 0, kNl) == "Kwalificeren");  // untitled: catalogue
    CHECK(report::dimension_name(*s, 1, kEn) == "Relationship");  // the scenario's title
    CHECK(report::outcome_name(*s, 2, kNl) == "Niet-passende klant toch binnengehaald");
    CHECK(report::ending_title(*s, s->find_node("done").value(), kNl) == "Einde van het gesprek");
    CHECK(report::skill_name("bias", "nl") == "Vrij van vooroordeel");
    CHECK(report::skill_name("unknown_skill", "nl").empty());
    CHECK(std::string(report::verdict_name(Verdict::Inaccuracy, "nl")) == "Net niet");
    auto mini = load_valid("tests/data/valid/mini.json");
    CHECK(report::languages_for(*mini, "nl").content == "nl");
    Scenario english_only = *mini;
    english_only.languages = {"en"};
    const report::Languages l = report::languages_for(english_only, "nl");
    CHECK(l.words == "nl");
    CHECK(l.content == "en");
}

TEST_CASE("Dutch output of every form of every bundled scenario has no English word and no raw id") {
    const auto files = pack_files();
    REQUIRE(files.size() >= 3);
    for (const auto& file : files) {
        CAPTURE(file);
        auto s = load_valid(file);
        AnalysisResult analysed = analyse(s);
        REQUIRE(analysed.analysis);
        const Analysis& a = *analysed.analysis;
        // Three runs: always the first option, always the last, and alternating (costly decisions,
        // assumptions, random branches).
        int turn = 0;
        const Session runs[] = {
            play_with(s, 1, [](const std::vector<int>& v) { return v.front(); }),
            play_with(s, 2, [](const std::vector<int>& v) { return v.back(); }),
            play_with(s, 3, [&](const std::vector<int>& v) { return v[static_cast<std::size_t>(turn++) % v.size()]; }),
        };
        for (const Session& session : runs) {
            const Rendered r = render_all(a, session, kNl);
            check_dutch("transcript", r.transcript, *s);
            check_dutch("text", r.text, *s);
            check_dutch("markdown", unescaped_markdown(r.markdown), *s);
            check_dutch("html", visible_text(r.html), *s);
            // JSON keeps ids for machines; its sentences are Dutch.
            CHECK(r.json["scenario"] == s->id);
            for (const auto& dim : r.json["dimensions"])
                check_dutch("json explanation", dim["explanation"].get<std::string>(), *s);
        }
    }
}

TEST_CASE("Dutch numbers use a decimal comma in every form") {
    auto s = load_valid("tests/data/valid/mini.json");
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    Session session(s, 7);
    session.choose(1);  // pitch-now: a blunder costing 3 weighted points, all 3 of the range 4..7
    const Rendered nl = render_all(*analysed.analysis, session, kNl);
    CHECK(contains(nl.text, "Kost: 100,0 punten"));
    CHECK(contains(nl.markdown, "Kost: 100,0 punten"));
    CHECK(contains(nl.html, "Kost: 100,0 punten"));
    CHECK_FALSE(contains(nl.text, "100.0"));
    const Rendered en = render_all(*analysed.analysis, session, kEn);
    CHECK(contains(en.text, "Cost: 100.0 points"));
    // Weighted totals with a fraction: weight 1.5 on qualify.
    auto weighted = load_compact(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": {"en": "Q", "nl": "K"}, "weight": 1.5}]},
      "nodes": [{"id": "s", "choices": [{"id": "a", "score": {"qualify": 1}, "next": "e"}]},
                {"id": "e", "ending": {"outcome": "qualified-fit"}}]})",
                                 "weighted", "1.0.0", "Weighted");
    Session w(weighted, 0);
    w.choose(0);
    INFO(report::totals_text(w, kNl));
    CHECK(contains(report::totals_text(w, kNl), "(gewogen +1,50)"));
    CHECK(contains(report::totals_text(w, kEn), "(weighted +1.50)"));
}

TEST_CASE("HTML and Markdown escape scenario text: a <script> renders inert") {
    auto original = load_valid("tests/data/valid/mini.json");
    Scenario tricky = *original;
    const std::string attack = "<script>alert('x')</script> & \"co\"";
    tricky.title.by_language["nl"] = attack;
    tricky.nodes[0].text.by_language["nl"] = attack;
    tricky.nodes[0].choices[1].text.by_language["nl"] = attack;
    tricky.dimensions[0].title.by_language["nl"] = attack;
    tricky.principles[0].title.by_language["nl"] = attack;
    auto s = std::make_shared<const Scenario>(tricky);
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    Session session(s, 7);
    session.choose(1);
    const Rendered r = render_all(*analysed.analysis, session, kNl);
    CHECK(r.html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK_FALSE(contains(r.html, "<script"));
    CHECK(contains(r.html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"));
    CHECK_FALSE(contains(r.html, "src="));
    CHECK_FALSE(contains(r.html, "href="));
    CHECK_FALSE(contains(r.markdown, "<script"));
    CHECK(contains(r.markdown, "&lt;script&gt;"));
    CHECK(report::html_escape("a\"b'<>&") == "a&quot;b&#39;&lt;&gt;&amp;");
}

TEST_CASE("an assumption rule without a bias dimension loads, plays and debriefs in every form") {
    auto s = load_valid("tests/data/valid/assumption_without_bias.json");
    REQUIRE_FALSE(s->assumption_dimension);
    CHECK(s->assumption_penalty == 3);
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    Session session(s, 0);
    REQUIRE(session.find_choice("quote_high"));
    session.choose(*session.find_choice("quote_high"));
    session.choose(*session.find_choice("propose"));
    REQUIRE(session.finished());
    CHECK(session.transcript()[0].assumed_facts == std::vector<int>{0});
    CHECK(session.tallies() == std::vector<std::int64_t>{0, 1});  // recorded, never charged
    for (const auto* l : {&kNl, &kEn}) {
        const Rendered r = render_all(*analysed.analysis, session, *l);
        CHECK(!r.transcript.empty());
        CHECK(!r.text.empty());
        CHECK(!r.markdown.empty());
        CHECK(r.html.find("</html>") != std::string::npos);
        CHECK(r.json["decisions"][0]["assumed_facts"] == nlohmann::json::array({"budget_known"}));
    }
    const Rendered nl = render_all(*analysed.analysis, session, kNl);
    // The assumption is named, with no charge: no dimension to put it on.
    CHECK(contains(nl.transcript, "    ! Aanname zonder onderbouwing: Het budget stond nog niet vast\n"));
    CHECK(contains(nl.text, "Aanname zonder onderbouwing: Het budget"));
    CHECK(contains(visible_text(nl.html), "Aanname zonder onderbouwing: Het budget"));
    check_dutch("transcript", nl.transcript, *s);
    check_dutch("text", nl.text, *s);
    check_dutch("markdown", unescaped_markdown(nl.markdown), *s);
    check_dutch("html", visible_text(nl.html), *s);
}

TEST_CASE("a stuck run and an unfinished run are told in words") {
    auto s = load_valid("tests/data/valid/mini.json");
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    Session session(s, 0);
    session.choose(0);  // ask: now at `pitch`, not finished
    const Rendered r = render_all(*analysed.analysis, session, kNl);
    CHECK(contains(r.text, "Afloop: Het gesprek is niet afgemaakt."));
    CHECK(contains(r.markdown, "Het gesprek is niet afgemaakt."));
    CHECK(contains(r.html, "Het gesprek is niet afgemaakt."));
    CHECK_FALSE(r.json.contains("ending"));

    auto stuck_scenario = load_valid("tests/data/invalid/SD3003_stuck.json");  // plays; the analyser objects
    Session stuck(stuck_scenario, 0);
    stuck.choose(*stuck.find_choice("cold"));
    REQUIRE(stuck.state() == SessionState::Stuck);
    const std::string text = report::transcript_text(stuck, kNl);
    CHECK(contains(text, "!! Het gesprek kan hier niet verder: er is geen keuze mogelijk."));
    check_dutch("stuck transcript", text, *stuck_scenario);
}

namespace {

std::shared_ptr<const Scenario> words_scenario(const std::string& body) {
    return load_compact(body, "words_test", "1.0.0", "Words test");
}

Session play_ids(const std::shared_ptr<const Scenario>& s, const std::vector<std::string>& ids, std::uint64_t seed) {
    Session session(s, seed);
    for (const auto& id : ids) {
        INFO("choice " << id << " at node " << session.current().id);
        auto choice = session.find_choice(id);
        REQUIRE(choice.has_value());
        session.choose(*choice);
    }
    return session;
}

// Every form a person reads, with the HTML's and Markdown's markup removed.
std::vector<std::string> readable_forms(const Rendered& r) {
    return {r.text, unescaped_markdown(r.markdown), visible_text(r.html)};
}

// The first seed whose run of `ids` reaches `node`.
std::uint64_t seed_reaching(const std::shared_ptr<const Scenario>& s, const std::vector<std::string>& ids,
                            const std::string& node) {
    std::uint64_t seed = 0;
    while (seed < 1000 && play_ids(s, ids, seed).current().id != node) ++seed;
    REQUIRE(seed < 1000);
    return seed;
}

// meet (relationship +3, weight 2) beats call (qualify +3): the best line gives up 3 qualify points.
const char* const kTrade = R"({
  "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}, {"id": "relationship", "title": "Relationship", "weight": 2}]},
  "nodes": [
    {"id": "s", "choices": [
      {"id": "meet", "score": {"relationship": 3}, "next": "e"},
      {"id": "call", "score": {"qualify": 3}, "next": "e"}]},
    {"id": "e", "ending": {"outcome": "qualified-fit"}}
  ]})";

// safe +6, or gamble into a 1:9 jackpot (ending +10) or a bust: the gamble is worth 1 on average.
const char* const kGamble = R"({
  "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}]},
  "nodes": [
    {"id": "s", "choices": [{"id": "safe", "score": {"qualify": 6}, "next": "e"}, {"id": "gamble", "next": "roll"}]},
    {"id": "roll", "random": [{"weight": 1, "next": "jackpot"}, {"weight": 9, "next": "bust"}]},
    {"id": "e", "ending": {"outcome": "qualified-fit"}},
    {"id": "jackpot", "ending": {"outcome": "qualified-fit", "score": {"qualify": 10}}},
    {"id": "bust", "ending": {"outcome": "abandoned-fit"}}
  ]})";

const char* const kTradeEn = "A deliberate trade: the best line gives up";
const char* const kTradeNl = "Een bewuste ruil: de beste route levert hier";

}  // namespace

TEST_CASE("a traded dimension is named as a deliberate trade, not as a failure, in every form") {
    auto s = words_scenario(kTrade);
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    const Session perfect = play_ids(s, {"meet"}, 0);
    const Debrief d = make_debrief(*analysed.analysis, perfect);
    REQUIRE(d.dimensions[0].traded);
    REQUIRE_FALSE(d.dimensions[1].traded);
    CHECK(report::dimension_sentence(d, *s, 0, kEn) ==
          "A deliberate trade: the best line gives up 3 points here that another path collects.");
    CHECK(report::dimension_sentence(d, *s, 0, kNl) ==
          "Een bewuste ruil: de beste route levert hier 3 punten in die een andere route wel haalt.");
    CHECK(report::dimension_sentence(d, *s, 1, kEn) == report::word("debrief.full_marks", "en"));
    for (const std::string& form : readable_forms(render_all(*analysed.analysis, perfect, kEn)))
        CHECK(contains(form, "gives up 3 points here that another path collects."));
    for (const std::string& form : readable_forms(render_all(*analysed.analysis, perfect, kNl)))
        CHECK(contains(form, "levert hier 3 punten in die een andere route wel haalt."));

    // One point: singular.
    std::string one = kTrade;
    one.replace(one.find("\"qualify\": 3"), 12, "\"qualify\": 1");
    auto single = words_scenario(one);
    AnalysisResult single_analysed = analyse(single);
    REQUIRE(single_analysed.analysis);
    const Debrief ds = make_debrief(*single_analysed.analysis, play_ids(single, {"meet"}, 0));
    CHECK(report::dimension_sentence(ds, *single, 0, kNl) ==
          "Een bewuste ruil: de beste route levert hier 1 punt in dat een andere route wel haalt.");
    CHECK(report::dimension_sentence(ds, *single, 0, kEn) ==
          "A deliberate trade: the best line gives up 1 point here that another path collects.");

    // No trade (the best option is best on both dimensions), no such sentence, whatever was chosen.
    auto plain = words_scenario(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}, {"id": "relationship", "title": "Relationship"}]},
      "nodes": [
        {"id": "s", "choices": [
          {"id": "meet", "score": {"relationship": 3, "qualify": 2}, "next": "e"},
          {"id": "call", "score": {"qualify": 1}, "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})");
    AnalysisResult plain_analysed = analyse(plain);
    REQUIRE(plain_analysed.analysis);
    for (const char* id : {"meet", "call"}) {
        CAPTURE(id);
        const Session session = play_ids(plain, {id}, 0);
        const Debrief pd = make_debrief(*plain_analysed.analysis, session);
        for (const auto& dim : pd.dimensions) CHECK_FALSE(dim.traded);
        for (const std::string& form : readable_forms(render_all(*plain_analysed.analysis, session, kEn)))
            CHECK_FALSE(contains(form, kTradeEn));
        for (const std::string& form : readable_forms(render_all(*plain_analysed.analysis, session, kNl)))
            CHECK_FALSE(contains(form, kTradeNl));
    }
}

// x and y tie on the weighted total (x first: the best line's), z costs 1. The best line (x) gives up
// 1 qualify point (y collects it) and 1 relationship point (z collects it); y, a best move, gives up
// the relationship point. Its relationship bar is then both a fair trade and a traded dimension: one
// trade sentence, not two.
TEST_CASE("a tied best move on a traded dimension gets one trade sentence, not two") {
    auto s = words_scenario(R"({
      "rubric": {"dimensions": [{"id": "qualify", "title": "Qualify"}, {"id": "relationship", "title": "Relationship"}]},
      "nodes": [
        {"id": "s", "choices": [
          {"id": "x", "score": {"qualify": 2, "relationship": 1}, "next": "e"},
          {"id": "y", "score": {"qualify": 3}, "next": "e"},
          {"id": "z", "score": {"relationship": 2}, "next": "e"}]},
        {"id": "e", "ending": {"outcome": "qualified-fit"}}
      ]})");
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    const Session tied = play_ids(s, {"y"}, 0);
    const Debrief d = make_debrief(*analysed.analysis, tied);
    REQUIRE(d.decisions.size() == 1);
    REQUIRE(d.decisions[0].verdict == Verdict::Best);     // a tie: no loss
    REQUIRE(d.dimensions[1].traded);                      // the best line gives up relationship
    REQUIRE(d.dimensions[1].score < 100.0);               // and y gives up more of it
    CHECK(report::dimension_sentence(d, *s, 1, kEn) ==
          "A fair trade: the best move overall gave up a little here, at “Say y.”");
    CHECK_FALSE(contains(report::dimension_sentence(d, *s, 1, kNl), kTradeNl));
    // In every form the deliberate trade is told once: for qualify (100/100, traded), not again
    // after the fair trade on relationship.
    auto occurrences = [](const std::string& text, const std::string& needle) {
        std::size_t n = 0;
        for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
        return n;
    };
    for (const std::string& form : readable_forms(render_all(*analysed.analysis, tied, kEn)))
        CHECK(occurrences(form, kTradeEn) == 1);
    for (const std::string& form : readable_forms(render_all(*analysed.analysis, tied, kNl)))
        CHECK(occurrences(form, kTradeNl) == 1);
}

TEST_CASE("when chance played a part, one line after the overall score says what it did") {
    auto s = words_scenario(kGamble);
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    const Analysis& a = *analysed.analysis;

    // A lucky blunder: the jackpot (100) against a decision score of 0 (the gamble, worth 1, is the
    // bottom of a scale that runs from 6 down to 1).
    const Session lucky = play_ids(s, {"gamble"}, seed_reaching(s, {"gamble"}, "jackpot"));
    const Debrief dl = make_debrief(a, lucky);
    REQUIRE(dl.luck > 0.05);
    CHECK(report::chance_sentence(dl, "en") == "Chance helped: the conversation ended at 100/100; your decisions score 0/100.");
    CHECK(report::chance_sentence(dl, "nl") ==
          "Het toeval hielp mee: het gesprek eindigde op 100/100; je beslissingen scoren 0/100.");
    const Rendered en = render_all(a, lucky, kEn);
    CHECK(contains(en.text, "Overall score: 0/100   Accuracy: 0%\nChance helped: the conversation ended at 100/100"));
    CHECK(contains(en.markdown, "- **Overall score:** 0/100\n- Chance helped: the conversation ended at 100/100"));
    CHECK(contains(en.html, "<p class=\"dim\">Chance helped: the conversation ended at 100/100; your decisions score 0/100.</p>"));
    for (const std::string& form : readable_forms(render_all(a, lucky, kNl)))
        CHECK(contains(form, "Het toeval hielp mee: het gesprek eindigde op 100/100; je beslissingen scoren 0/100."));

    // An unlucky one: the bust (0). Chance took what the gamble was worth on average, but both
    // scores read 0/100, so there is nothing to tell.
    const Session unlucky = play_ids(s, {"gamble"}, seed_reaching(s, {"gamble"}, "bust"));
    const Debrief du = make_debrief(a, unlucky);
    REQUIRE(du.luck < -0.05);
    CHECK(report::chance_sentence(du, "en").empty());
    Debrief against = du;  // the same run had its decisions scored 17
    against.overall_score = 17.0;
    CHECK(report::chance_sentence(against, "en") ==
          "Chance was against you: the conversation ended at 0/100; your decisions score 17/100.");
    CHECK(report::chance_sentence(against, "nl") ==
          "Het toeval zat tegen: het gesprek eindigde op 0/100; je beslissingen scoren 17/100.");

    // No chance in the scenario: no line, in either language.
    auto trade = words_scenario(kTrade);
    AnalysisResult trade_analysed = analyse(trade);
    REQUIRE(trade_analysed.analysis);
    for (const char* id : {"meet", "call"}) {
        const Session session = play_ids(trade, {id}, 0);
        const Debrief d = make_debrief(*trade_analysed.analysis, session);
        CHECK(report::chance_sentence(d, "en").empty());
        for (const auto* l : {&kEn, &kNl})
            for (const std::string& form : readable_forms(render_all(*trade_analysed.analysis, session, *l))) {
                CHECK_FALSE(contains(form, "Chance helped"));
                CHECK_FALSE(contains(form, "Chance was against you"));
                CHECK_FALSE(contains(form, "Chance played a part"));
                CHECK_FALSE(contains(form, "Het toeval"));
            }
    }
    // Scores that read the same ("8/100" twice) make no line; a half point apart they do.
    Debrief close;
    close.finished = true;
    close.ending_node = 0;
    close.overall_score = 8.0;
    close.outcome_score = 8.3;
    close.luck = 0.2;
    CHECK(report::chance_sentence(close, "nl").empty());
    close.outcome_score = 8.6;
    CHECK(report::chance_sentence(close, "nl") ==
          "Het toeval hielp mee: het gesprek eindigde op 9/100; je beslissingen scoren 8/100.");
    close.luck = 0.0;
    CHECK(report::chance_sentence(close, "en") ==
          "Chance played a part: the conversation ended at 9/100; your decisions score 8/100.");
    // An unfinished run tells no outcome.
    Session open(s, 0);
    CHECK(report::chance_sentence(make_debrief(a, open), "en").empty());
}

TEST_CASE("a decision's cost is in points of the overall score of 100, explained once") {
    auto s = words_scenario(kGamble);
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    const Session session = play_ids(s, {"gamble"}, 0);
    const Debrief d = make_debrief(*analysed.analysis, session);
    REQUIRE(d.decisions.size() == 1);
    CHECK(d.decisions[0].loss == doctest::Approx(5.0));          // weighted points: q 1 against 6
    CHECK(d.decisions[0].loss_points == doctest::Approx(100.0));  // of the scale 1..6: all of it
    const Rendered en = render_all(*analysed.analysis, session, kEn);
    CHECK(contains(en.text, "Cost: 100.0 points"));
    CHECK_FALSE(contains(en.text, "Cost: 5.0 points"));
    const Rendered nl = render_all(*analysed.analysis, session, kNl);
    for (const std::string& form : readable_forms(nl)) {
        CHECK(contains(form, "Kost: 100,0 punten"));
        const std::string note = "Kosten zijn punten van de totaalscore van 100.";
        CHECK(contains(form, note));
        CHECK(form.find(note) == form.rfind(note));  // once
    }
    for (const std::string& form : readable_forms(en)) CHECK(contains(form, "Costs are points of the overall score of 100."));
    // No cost anywhere: no note.
    const Rendered safe = render_all(*analysed.analysis, play_ids(s, {"safe"}, 0), kEn);
    for (const std::string& form : readable_forms(safe)) CHECK_FALSE(contains(form, "Costs are points"));
}

TEST_CASE("hints asked in the window are listed in the text, Markdown and HTML debrief, in both languages") {
    auto s = load_valid(pack_files().front());
    AnalysisResult analysed = analyse(s);
    REQUIRE(analysed.analysis);
    const Session session = play_with(s, 1, [](const std::vector<int>& v) { return v.front(); });
    const Debrief d = make_debrief(*analysed.analysis, session);
    const report::DebriefExtras two{{0, 2}};
    const report::DebriefExtras one{{1}};
    for (const report::Languages& l : {kEn, kNl}) {
        CAPTURE(l.words);
        const std::string both = l.words == "nl" ? "Tips gebruikt bij beslissingen 1, 3" : "Hints used at decisions 1, 3";
        const std::string single = l.words == "nl" ? "Tip gebruikt bij beslissing 2" : "Hint used at decision 2";
        CHECK(report::hints_sentence(two.hints, l.words) == both);
        CHECK(report::hints_sentence(one.hints, l.words) == single);
        CHECK(report::hints_sentence({}, l.words).empty());
        const std::string forms[] = {report::debrief_text(d, *s, l, two), report::debrief_markdown(d, *s, l, two),
                                     report::debrief_html(d, *s, l, two)};
        for (const std::string& form : forms) CHECK(form.find(both) != std::string::npos);
        CHECK(report::debrief_markdown(d, *s, l, one).find(single) != std::string::npos);
        CHECK(report::debrief_html(d, *s, l, one).find(single) != std::string::npos);
        // Without hints nothing is said, and the forms are as before.
        const std::string none[] = {report::debrief_text(d, *s, l), report::debrief_markdown(d, *s, l),
                                    report::debrief_html(d, *s, l)};
        for (const std::string& form : none) CHECK(form.find(l.words == "nl" ? "gebruikt bij beslissing" : "used at decision") == std::string::npos);
        CHECK(report::debrief_markdown(d, *s, l, {}) == none[1]);
    }
    check_dutch("markdown with hints", unescaped_markdown(report::debrief_markdown(d, *s, kNl, two)), *s);
    check_dutch("html with hints", visible_text(report::debrief_html(d, *s, kNl, two)), *s);
}
