// Synthetic scenario generator for the benchmarks (see synthetic_scenario.hpp).
#include "synthetic_scenario.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>
#include <vector>

namespace salesdojo::bench {
namespace {

// xorshift64*: small, fast and the same everywhere (no std:: distributions, whose output varies).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed * 0x9e3779b97f4a7c15ULL + 0x2545f4914f6cdd1dULL) {
        if (m_state == 0) m_state = 1;
    }
    std::uint64_t next() {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545f4914f6cdd1dULL;
    }
    int below(int n) { return static_cast<int>((next() >> 33) % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

private:
    std::uint64_t m_state;
};

struct Pair {
    const char* nl;
    const char* en;
};

// Sentences of about 30 to 60 characters; two of them make one text of about 60 to 120.
const Pair kSpoken[] = {
    {"We kijken hier eerlijk gezegd al een tijdje naar.", "We have been looking at this for a while, honestly."},
    {"Mijn directeur wil vóór het eind van het kwartaal een besluit.", "My director wants a decision before the end of the quarter."},
    {"Vorig jaar hebben we iets vergelijkbaars geprobeerd.", "Last year we tried something similar."},
    {"Dat ging niet zoals we hadden gehoopt.", "It did not go the way we had hoped."},
    {"Het budget ligt nog niet vast, dat hangt van de raad af.", "The budget is not fixed yet; that depends on the board."},
    {"Onze monteurs hebben geen tijd voor een training van drie dagen.", "Our engineers have no time for a three-day training."},
    {"Wie heeft u eigenlijk mijn nummer gegeven?", "Who gave you my number, actually?"},
    {"Ik heb maar tien minuten, dus zeg het maar.", "I only have ten minutes, so go ahead."},
    {"We werken al jaren met een vaste partij samen.", "We have worked with the same supplier for years."},
    {"Eerlijk gezegd ben ik niet degene die dit beslist.", "To be honest, I am not the one who decides this."},
    {"Onze offertes blijven vaak weken liggen voordat iemand belt.", "Our quotes often sit for weeks before anyone calls."},
    {"Die prijs is voor ons echt te hoog, ben ik bang.", "That price is really too high for us, I am afraid."},
    {"Kunt u me iets op papier sturen? Dan kijk ik er later naar.", "Can you send me something in writing? I will look later."},
    {"We groeien snel, maar de verkoop houdt het niet bij.", "We are growing fast, but sales cannot keep up."},
    {"Mijn collega van inkoop wil er ook bij zijn.", "My colleague from purchasing wants to be there too."},
    {"U bent de derde deze week die me hierover belt.", "You are the third person this week to call me about this."},
    {"Wat maakt uw aanpak anders dan die van de rest?", "What makes your approach different from the rest?"},
    {"Ik wil eerst weten wat het oplevert voordat ik iets toezeg.", "I want to know what it yields before I commit to anything."},
    {"De vorige keer kwam uw collega helemaal uit Zwolle rijden.", "Last time your colleague drove all the way from Zwolle."},
    {"We hebben net een nieuwe cliënt binnen, dus het is druk.", "We have just landed a new client, so it is busy."},
    {"Ik ben wel geïnteresseerd, maar niet voor ‘even snel’.", "I am interested, but not in a ‘quick fix’."},
    {"Na de zomer wordt er opnieuw naar de begroting gekeken.", "After the summer the budget will be reviewed again."},
    {"Onze eigenaar is nogal wantrouwig tegenover adviseurs.", "Our owner is rather wary of consultants."},
    {"Als het past, wil ik best een uur vrijmaken.", "If it fits, I am happy to free up an hour."},
};

const Pair kSaid[] = {
    {"Wat is voor u de aanleiding om hier nu naar te kijken?", "What makes you look at this right now?"},
    {"Wie beslist er uiteindelijk over een traject als dit?", "Who finally decides on a project like this?"},
    {"Is er al een budget gereserveerd, of moet dat nog?", "Is there a budget set aside already, or not yet?"},
    {"Zal ik volgende week langskomen om het toe te lichten?", "Shall I drop by next week to explain it in person?"},
    {"Ik stuur u vandaag nog onze brochure en prijslijst.", "I will send you our brochure and price list today."},
    {"Dan is dit misschien niet het moment; dat is helemaal goed.", "Then this may not be the right moment; that is fine."},
    {"Mag ik vragen wat er vorig jaar misging?", "May I ask what went wrong last year?"},
    {"Wij geven deze maand twintig procent korting.", "We are giving twenty per cent off this month."},
    {"Wanneer moet het uiterlijk geregeld zijn?", "By when does it need to be settled at the latest?"},
    {"Ik kan u twee andere bureaus aanraden die beter passen.", "I can recommend two other firms that fit you better."},
    {"Kunnen we het gesprek met uw directeur samen voorbereiden?", "Can we prepare the talk with your director together?"},
    {"Hoe komen jullie nu aan nieuwe opdrachten?", "How do you win new work at the moment?"},
    {"Laat me eerst uitleggen wat wij allemaal doen.", "Let me first explain everything we do."},
    {"Wat zou er moeten veranderen om dit een succes te noemen?", "What would have to change to call this a success?"},
    {"Zullen we een korte belafspraak inplannen na de zomer?", "Shall we book a short call after the summer?"},
    {"Ik begrijp het; wat heeft u nodig om dit intern te verkopen?", "I understand; what do you need to sell this internally?"},
    {"Klopt het dat de eigenaar hier het laatste woord heeft?", "Is it right that the owner has the final say here?"},
    {"Ik kom morgen wel even langs, ik ben toch in de buurt.", "I will drop by tomorrow, I am in the area anyway."},
    {"Wat levert een offerte die blijft liggen u nu op?", "What does a quote that sits unanswered cost you now?"},
    {"Zal ik de afspraak per mail bevestigen, met een agenda?", "Shall I confirm the meeting by email, with an agenda?"},
};

const Pair kFeedback[] = {
    {"Goed: je vraagt naar de aanleiding voordat je iets aanbiedt.", "Good: you ask about the trigger before offering anything."},
    {"Je biedt korting op iets waarvan je niet weet of ze het nodig hebben.", "You offer a discount on something they may not need."},
    {"Een open vraag over hun situatie, niet over jouw product.", "An open question about their situation, not your product."},
    {"Je plant een reis van 200 km zonder te weten wie er beslist.", "You plan a 200 km trip without knowing who decides."},
    {"Een heldere nee met een alternatief laat een goed verhaal achter.", "A clear no with an alternative leaves a good story."},
    {"Je neemt een oordeel over zonder te weten waar het op berust.", "You adopt a verdict without knowing what it rests on."},
    {"Je maakt de behoefte concreet voordat je iets voorstelt.", "You make the need concrete before proposing anything."},
    {"Te vroeg: de prospect heeft nog niet gezegd wat er speelt.", "Too early: the prospect has not said what is going on."},
    {"Je respecteert haar tijd en vraagt wat zij nodig heeft.", "You respect her time and ask what she needs."},
    {"Het principe klopt, maar je past het toe zonder één vraag.", "The principle is sound, but you apply it without asking."},
    {"Je laat de beslisser buiten beeld en praat met de verkeerde.", "You leave the decision maker out and talk to the wrong one."},
    {"Sterk: je legt de volgende stap vast met datum en agenda.", "Strong: you fix the next step with a date and an agenda."},
    {"Je brochure beantwoordt een vraag die niemand stelde.", "Your brochure answers a question nobody asked."},
    {"Door te vragen wat er misging, leer je wat er nu moet.", "By asking what went wrong, you learn what is needed now."},
    {"Je kiest voor omzet op korte termijn boven een passende klant.", "You choose short-term revenue over a client who fits."},
    {"Eerlijk en vriendelijk: zo blijft de deur op een kier.", "Honest and friendly: that keeps the door ajar."},
};

const Pair kNarration[] = {
    {"Het blijft even stil aan de andere kant van de lijn.", "It is quiet on the other end of the line for a moment."},
    {"Ze kijkt op haar horloge en schuift haar koffie opzij.", "She glances at her watch and pushes her coffee aside."},
    {"De volgende ochtend staat er een mail in je inbox.", "The next morning there is an email in your inbox."},
    {"Je hoort op de achtergrond een telefoon overgaan.", "You hear a phone ringing in the background."},
    {"Twee dagen later belt de assistent je terug.", "Two days later the assistant calls you back."},
    {"Hij leunt achterover en vouwt zijn armen over elkaar.", "He leans back and folds his arms."},
};

const Pair kTitles[] = {
    {"Een nee waar hij respect voor heeft", "A no he respects"},
    {"Toch gebeld, en een afspraak", "Called after all, and a meeting"},
    {"Tweehonderd kilometer voor niets", "Two hundred kilometres for nothing"},
    {"Een klant die wél paste, gemist", "A client who did fit, missed"},
    {"Vastgelopen op een offerte", "Stalled on a quote"},
    {"Een warme doorverwijzing", "A warm referral"},
    {"Afspraak met de beslisser", "A meeting with the decision maker"},
    {"Het gesprek verwatert", "The conversation fizzles out"},
};

const char* const kFactIds[] = {"need_known", "budget_known", "decision_maker_known", "timing_known",
                                "trigger_known", "competitor_known", "history_known", "owner_known"};
const Pair kFactTitles[] = {
    {"De concrete behoefte", "The actual need"},
    {"Budget en termijn", "Budget and timing"},
    {"Wie er beslist", "Who decides"},
    {"Wanneer het geregeld moet zijn", "When it must be settled"},
    {"De aanleiding", "The trigger"},
    {"Met wie ze nu werken", "Who they work with now"},
    {"Wat er vorig jaar misging", "What went wrong last year"},
    {"Wat de eigenaar vindt", "What the owner thinks"},
};

const char* const kDimensions[] = {"qualify", "bias", "relationship"};
const char* const kPrinciples[] = {"ask_before_pitch", "own_view", "respectful_no"};
const char* const kCast[] = {"ingrid", "kees", "anja"};
const char* const kExpressions[] = {"neutral", "annoyed", "pleased", "surprised", "worried"};
const char* const kOutcomes[] = {"qualified-fit", "declined-misfit", "pursued-misfit", "abandoned-fit"};
const char* const kChoiceVerbs[] = {"ask", "propose", "offer", "decline", "probe", "send", "confirm", "listen", "refer", "visit"};
const char* const kChoiceTopics[] = {"trigger", "budget", "owner", "timing", "history", "price", "meeting", "need", "quote", "brochure"};

template <std::size_t N>
const Pair& pick(const Pair (&list)[N], Rng& rng) { return list[rng.below(static_cast<int>(N))]; }

// JSON output with just enough structure for readable, valid text.
class Writer {
public:
    explicit Writer(bool pretty) : m_pretty(pretty) { m_out.reserve(1 << 20); }
    std::string& out() { return m_out; }

    void raw(const char* s) { m_out += s; }
    void raw(const std::string& s) { m_out += s; }
    void string(const std::string& s) {
        m_out += '"';
        for (char c : s) {
            if (c == '"' || c == '\\') { m_out += '\\'; m_out += c; }
            else if (static_cast<unsigned char>(c) < 0x20) {
                char b[8];
                std::snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned char>(c));
                m_out += b;
            } else m_out += c;
        }
        m_out += '"';
    }
    void key(const char* k) { string(k); m_out += ": "; }
    void text(const std::string& nl, const std::string& en) {
        m_out += "{\"nl\": ";
        string(nl);
        m_out += ", \"en\": ";
        string(en);
        m_out += '}';
    }
    void text(const Pair& p) { text(p.nl, p.en); }
    // Separator between members: newline + indentation when pretty, else a space.
    void sep(int indent) {
        if (m_pretty) { m_out += '\n'; m_out.append(static_cast<std::size_t>(indent), ' '); }
        else m_out += ' ';
    }

private:
    bool m_pretty;
    std::string m_out;
};

// Two sentences: about 60 to 120 characters in each language.
void two_sentences(Writer& w, const Pair* list, int n, Rng& rng) {
    int a = rng.below(n), b = rng.below(n - 1);
    if (b >= a) ++b;
    w.text(std::string(list[a].nl) + " " + list[b].nl, std::string(list[a].en) + " " + list[b].en);
}
template <std::size_t N>
void two_sentences(Writer& w, const Pair (&list)[N], Rng& rng) { two_sentences(w, list, static_cast<int>(N), rng); }

enum class Kind { Choices, Continue, Random, Ending };

struct Edge {
    int target = 0;
    bool mandatory = false;  // keeps its target reachable: never conditional
};

struct PlanNode {
    std::string id;
    Kind kind = Kind::Choices;
    int layer = 0;
    std::vector<Edge> edges;  // choices, the `next` or random branches
};

}  // namespace

std::string generate_scenario(const SyntheticOptions& o, SyntheticStats* stats_out) {
    SyntheticStats stats;
    Rng rng(o.seed);
    const int total = std::max(20, o.nodes);
    const int facts = std::clamp(o.facts, 1, 8);

    // ----- layout: layers of node indices; early endings after them -----
    const int early = std::max(2, total / 100);
    const int layered = total - early;
    const int width = std::max(4, static_cast<int>(std::lround(std::sqrt(static_cast<double>(layered)))));
    // Ramp up by at most x3 per layer from the start, then full layers; the last layer (the endings)
    // takes the rest and is at most three times as wide as the one before it, so no node needs more
    // than three required children (see the edges below).
    std::vector<int> sizes{1};
    const int min_last = std::max(4, width / 2);
    for (int remaining = layered - 1; remaining > 0;) {
        const int previous = sizes.back();
        const int s = previous < width ? std::min(width, previous * 3) : width;
        if (remaining - s < min_last && remaining <= 3 * previous) {
            sizes.push_back(remaining);
            remaining = 0;
        } else {
            sizes.push_back(std::min(s, remaining));
            remaining -= sizes.back();
        }
    }
    const int layers = static_cast<int>(sizes.size());
    std::vector<int> first(static_cast<std::size_t>(layers) + 1, 0);
    for (int l = 0; l < layers; ++l) first[static_cast<std::size_t>(l) + 1] = first[static_cast<std::size_t>(l)] + sizes[static_cast<std::size_t>(l)];

    std::vector<PlanNode> plan(static_cast<std::size_t>(total));
    for (int l = 0; l < layers; ++l)
        for (int p = 0; p < sizes[static_cast<std::size_t>(l)]; ++p) {
            PlanNode& n = plan[static_cast<std::size_t>(first[static_cast<std::size_t>(l)] + p)];
            char id[48];
            if (l == 0) std::snprintf(id, sizeof id, "opening");
            else if (l == layers - 1) std::snprintf(id, sizeof id, "end_%04d", p);
            else std::snprintf(id, sizeof id, "scene%03d_%03d", l, p);
            n.id = id;
            n.layer = l;
            n.kind = l == layers - 1 ? Kind::Ending : Kind::Choices;
        }
    for (int e = 0; e < early; ++e) {
        PlanNode& n = plan[static_cast<std::size_t>(layered + e)];
        char id[48];
        std::snprintf(id, sizeof id, "early_end_%03d", e);
        n.id = id;
        n.kind = Kind::Ending;
        n.layer = -1;
    }

    // ----- edges: required children first (every node keeps a parent), then a window nearby -----
    for (int l = 0; l + 1 < layers; ++l) {
        const int a = sizes[static_cast<std::size_t>(l)], b = sizes[static_cast<std::size_t>(l) + 1];
        std::vector<std::vector<int>> required(static_cast<std::size_t>(a));
        for (int q = 0; q < b; ++q)
            required[static_cast<std::size_t>(static_cast<long long>(q) * a / b)].push_back(q);
        for (int p = 0; p < a; ++p) {
            PlanNode& n = plan[static_cast<std::size_t>(first[static_cast<std::size_t>(l)] + p)];
            const auto& req = required[static_cast<std::size_t>(p)];
            const int home = static_cast<int>(static_cast<long long>(p) * b / a);
            auto nearby = [&] {
                int q = ((home + rng.between(-2, 2)) % b + b) % b;
                return first[static_cast<std::size_t>(l) + 1] + q;
            };
            if (l > 0 && req.size() <= 1 && rng.chance(o.continue_rate)) {
                n.kind = Kind::Continue;
                n.edges.push_back({req.empty() ? first[static_cast<std::size_t>(l) + 1] + home
                                               : first[static_cast<std::size_t>(l) + 1] + req[0], true});
                continue;
            }
            if (l > 0 && rng.chance(o.random_rate)) {
                n.kind = Kind::Random;
                int branches = std::max<int>(static_cast<int>(req.size()), rng.between(2, 3));
                for (int q : req) n.edges.push_back({first[static_cast<std::size_t>(l) + 1] + q, true});
                while (static_cast<int>(n.edges.size()) < branches) n.edges.push_back({nearby(), false});
                continue;
            }
            int count = std::max<int>(static_cast<int>(req.size()), rng.between(2, 4));
            for (int q : req) n.edges.push_back({first[static_cast<std::size_t>(l) + 1] + q, true});
            if (n.edges.empty()) n.edges.push_back({first[static_cast<std::size_t>(l) + 1] + home, true});
            while (static_cast<int>(n.edges.size()) < count) n.edges.push_back({nearby(), false});
        }
    }
    // Early endings: each gets one choice in the middle of the story pointing at it.
    for (int e = 0; e < early; ++e) {
        for (int attempt = 0;; ++attempt) {
            int l = layers <= 3 ? 1 : rng.between(1, layers - 2);
            int p = rng.below(sizes[static_cast<std::size_t>(l)]);
            PlanNode& n = plan[static_cast<std::size_t>(first[static_cast<std::size_t>(l)] + p)];
            if (n.kind != Kind::Choices) continue;
            if (n.edges.size() < 4) { n.edges.push_back({layered + e, true}); break; }
            auto it = std::find_if(n.edges.begin(), n.edges.end(), [](const Edge& x) { return !x.mandatory; });
            if (it != n.edges.end()) { *it = {layered + e, true}; break; }
            if (attempt > 1000) { n.edges.push_back({layered + e, true}); break; }
        }
    }
    {
        std::vector<std::set<int>> parents(static_cast<std::size_t>(total));
        for (int i = 0; i < total; ++i)
            for (const Edge& e : plan[static_cast<std::size_t>(i)].edges) parents[static_cast<std::size_t>(e.target)].insert(i);
        for (const auto& p : parents) stats.merge_nodes += p.size() >= 2 ? 1 : 0;
    }

    // Conditions go on choices that are neither first nor required; scale so that the share over all
    // choices is condition_rate.
    double condition_share = 0.0;
    {
        long long all = 0, eligible = 0;
        for (const PlanNode& n : plan) {
            if (n.kind != Kind::Choices) continue;
            for (std::size_t c = 0; c < n.edges.size(); ++c) {
                ++all;
                eligible += c > 0 && !n.edges[c].mandatory ? 1 : 0;
            }
        }
        condition_share = eligible ? std::min(1.0, o.condition_rate * static_cast<double>(all) / static_cast<double>(eligible)) : 0.0;
    }

    // ----- text -----
    Writer w(o.pretty);
    w.raw("{");
    w.sep(2); w.key("format_version"); w.raw("1,");
    w.sep(2); w.key("id"); w.string("synthetic-" + std::to_string(total)); w.raw(",");
    w.sep(2); w.key("version"); w.string("1.0.0"); w.raw(",");
    w.sep(2); w.key("title"); w.text("Synthetisch gesprek met " + std::to_string(total) + " knopen",
                                      "Synthetic conversation with " + std::to_string(total) + " nodes"); w.raw(",");
    w.sep(2); w.key("summary"); two_sentences(w, kSpoken, rng); w.raw(",");
    w.sep(2); w.key("skills"); w.raw("[\"qualify\", \"bias\", \"relationship\"],");
    w.sep(2); w.key("difficulty"); w.string("hard"); w.raw(",");
    w.sep(2); w.key("estimated_minutes"); w.raw("30,");
    w.sep(2); w.key("languages"); w.raw("[\"nl\", \"en\"],");
    w.sep(2); w.key("author"); w.string("SalesDojo benchmark generator"); w.raw(",");
    w.sep(2); w.key("licence"); w.string("CC0-1.0"); w.raw(",");
    w.sep(2); w.key("start"); w.string("opening"); w.raw(",");

    w.sep(2); w.key("cast"); w.raw("[");
    const Pair kRoles[] = {{"Directeur, Bakker Logistiek", "Director, Bakker Logistiek"},
                           {"Senior accountmanager, je collega", "Senior account manager, your colleague"},
                           {"Eigenaar, Jansen Installatietechniek", "Owner, Jansen Installatietechniek"}};
    const char* const kNames[] = {"Ingrid Bakker", "Kees de Boer", "Anja Jansen"};
    for (int c = 0; c < 3; ++c) {
        w.sep(4);
        w.raw("{\"id\": "); w.string(kCast[c]);
        w.raw(", \"name\": "); w.string(kNames[c]);
        w.raw(", \"role\": "); w.text(kRoles[c]);
        w.raw(", \"appearance\": {\"description\": ");
        w.text("Veertiger, donker pak, kijkt je onderzoekend aan over een leesbril.",
               "In her forties, dark suit, looks at you searchingly over reading glasses.");
        w.raw(", \"skin\": \"#e0b48c\", \"hair\": \"#3b2a1a\", \"hair_style\": \"bun\", \"accessory\": \"glasses\"}}");
        if (c < 2) w.raw(",");
    }
    w.sep(2); w.raw("],");

    w.sep(2); w.key("rubric"); w.raw("{");
    w.sep(4); w.key("dimensions"); w.raw("[");
    const Pair kDimTitles[] = {{"Kwalificeren", "Qualify"}, {"Zonder vooroordeel", "Free of bias"}, {"Relatie", "Relationship"}};
    const double kWeights[] = {2.0, 1.0, 1.0};
    for (int d = 0; d < 3; ++d) {
        w.sep(6);
        w.raw("{\"id\": "); w.string(kDimensions[d]);
        w.raw(", \"title\": "); w.text(kDimTitles[d]);
        w.raw(", \"description\": "); two_sentences(w, kFeedback, rng);
        w.raw(", \"weight\": "); w.raw(std::to_string(static_cast<int>(kWeights[d])));
        w.raw(d < 2 ? "}," : "}");
    }
    w.sep(4); w.raw("],");
    w.sep(4); w.key("principles"); w.raw("[");
    const Pair kPrincipleTitles[] = {{"Eerst vragen, dan voorstellen", "Ask before you pitch"},
                                     {"Vorm je eigen beeld", "Form your own view"},
                                     {"Een nee met een uitweg", "A no with a way forward"}};
    for (int p = 0; p < 3; ++p) {
        w.sep(6);
        w.raw("{\"id\": "); w.string(kPrinciples[p]);
        w.raw(", \"title\": "); w.text(kPrincipleTitles[p]);
        w.raw(", \"explanation\": "); two_sentences(w, kFeedback, rng);
        w.raw(p < 2 ? "}," : "}");
    }
    w.sep(4); w.raw("],");
    w.sep(4); w.key("assumption"); w.raw("{\"dimension\": \"bias\", \"penalty\": 2},");
    w.sep(4); w.key("pass_mark"); w.raw("60");
    w.sep(2); w.raw("},");

    w.sep(2); w.key("variables"); w.raw("[");
    w.sep(4); w.raw("{\"id\": \"trust\", \"type\": \"int\", \"min\": 0, \"max\": " + std::to_string(std::max(1, o.trust_max)) +
                    ", \"initial\": 1}");
    w.sep(2); w.raw("],");
    w.sep(2); w.key("facts"); w.raw("[");
    for (int f = 0; f < facts; ++f) {
        w.sep(4);
        w.raw("{\"id\": "); w.string(kFactIds[f]);
        w.raw(", \"title\": "); w.text(kFactTitles[f]);
        w.raw(f + 1 < facts ? "}," : "}");
    }
    w.sep(2); w.raw("],");

    // Conditions: always satisfiable, over trust and the facts.
    auto condition = [&]() -> std::string {
        const std::string fact = kFactIds[rng.below(facts)];
        switch (rng.below(5)) {
            case 0: return "trust >= 2";
            case 1: return "not " + fact;
            case 2: return fact;
            case 3: return "trust >= 1 and " + fact;
            default: return "trust <= 1 or not " + fact;
        }
    };

    w.sep(2); w.key("nodes"); w.raw("[");
    for (int i = 0; i < total; ++i) {
        const PlanNode& n = plan[static_cast<std::size_t>(i)];
        w.sep(4); w.raw("{");
        w.sep(6); w.key("id"); w.string(n.id); w.raw(",");
        bool narrator = n.kind == Kind::Continue || rng.chance(0.1);
        if (!narrator) {
            w.sep(6); w.key("speaker"); w.string(kCast[rng.below(3)]); w.raw(",");
            w.sep(6); w.key("expression"); w.string(kExpressions[rng.below(5)]); w.raw(",");
        }
        w.sep(6); w.key("text"); two_sentences(w, kSpoken, rng); w.raw(",");
        if (rng.chance(0.15)) { w.sep(6); w.key("narration"); w.text(pick(kNarration, rng)); w.raw(","); }
        if (rng.chance(0.05)) { w.sep(6); w.key("trainer_notes"); two_sentences(w, kFeedback, rng); w.raw(","); }
        w.sep(6);
        switch (n.kind) {
            case Kind::Ending: {
                ++stats.endings;
                if (n.layer < 0) ++stats.early_endings;
                w.key("ending");
                w.raw("{\"outcome\": "); w.string(kOutcomes[rng.below(4)]);
                w.raw(", \"title\": "); w.text(pick(kTitles, rng)); w.raw("}");
                break;
            }
            case Kind::Continue:
                ++stats.continue_nodes;
                w.key("next"); w.string(plan[static_cast<std::size_t>(n.edges[0].target)].id);
                break;
            case Kind::Random: {
                ++stats.random_nodes;
                w.key("random"); w.raw("[");
                for (std::size_t r = 0; r < n.edges.size(); ++r) {
                    w.raw(r ? ", " : "");
                    w.raw("{\"weight\": " + std::to_string(rng.between(1, 3)) + ", \"next\": ");
                    w.string(plan[static_cast<std::size_t>(n.edges[r].target)].id);
                    w.raw("}");
                }
                w.raw("]");
                break;
            }
            case Kind::Choices: {
                ++stats.choice_nodes;
                w.key("choices"); w.raw("[");
                std::set<std::string> used;
                // Score effects on one or two dimensions, -3..+3, redrawn until no option of the node is
                // dominated by a sibling on every dimension (a real author gives each option a temptation).
                std::vector<std::array<int, 3>> scores(n.edges.size());
                for (int attempt = 0; attempt < 5000; ++attempt) {
                    for (auto& v : scores) {
                        v = {0, 0, 0};
                        int d1 = rng.below(3);
                        v[static_cast<std::size_t>(d1)] = rng.between(-3, 3);
                        if (rng.chance(0.6)) v[static_cast<std::size_t>((d1 + 1 + rng.below(2)) % 3)] = rng.between(-3, 3);
                    }
                    bool dominated = false;
                    for (std::size_t i = 0; i < scores.size() && !dominated; ++i)
                        for (std::size_t j = 0; j < scores.size() && !dominated; ++j) {
                            if (i == j) continue;
                            bool all = true, some = false;
                            for (std::size_t d = 0; d < 3; ++d) {
                                all = all && scores[j][d] >= scores[i][d];
                                some = some || scores[j][d] > scores[i][d];
                            }
                            dominated = all && some;
                        }
                    if (!dominated) break;
                }
                for (std::size_t c = 0; c < n.edges.size(); ++c) {
                    ++stats.choices;
                    const Edge& e = n.edges[c];
                    std::string id;
                    for (int attempt = 0; id.empty() || used.count(id); ++attempt)
                        id = std::string(kChoiceVerbs[rng.below(10)]) + "_" + kChoiceTopics[rng.below(10)] +
                             (attempt > 3 ? "_" + std::to_string(c) : "");
                    used.insert(id);
                    w.sep(8);
                    w.raw("{\"id\": "); w.string(id);
                    w.raw(", \"text\": "); two_sentences(w, kSaid, rng);
                    // Rates are per choice overall; the first choice and required edges stay unconditional.
                    if (c > 0 && !e.mandatory && rng.chance(condition_share)) {
                        ++stats.conditional_choices;
                        w.raw(", \"condition\": "); w.string(condition());
                    }
                    w.raw(", \"score\": {");
                    bool any = false;
                    for (int d = 0; d < 3; ++d) {
                        if (scores[c][static_cast<std::size_t>(d)] == 0) continue;
                        w.raw(any ? ", " : "");
                        w.string(kDimensions[d]);
                        w.raw(": " + std::to_string(scores[c][static_cast<std::size_t>(d)]));
                        any = true;
                    }
                    w.raw("}");
                    double r = static_cast<double>(rng.below(1000)) / 1000.0;
                    if (r < 0.18) w.raw(", \"add\": {\"trust\": 1}");
                    else if (r < 0.30) w.raw(", \"add\": {\"trust\": -1}");
                    if (rng.chance(o.learn_rate)) {
                        ++stats.learning_choices;
                        w.raw(", \"learns\": ["); w.string(kFactIds[rng.below(facts)]); w.raw("]");
                    }
                    if (rng.chance(o.require_rate)) {
                        ++stats.requiring_choices;
                        w.raw(", \"requires\": ["); w.string(kFactIds[rng.below(facts)]); w.raw("]");
                    }
                    w.raw(", \"feedback\": "); two_sentences(w, kFeedback, rng);
                    w.raw(", \"principles\": ["); w.string(kPrinciples[rng.below(3)]); w.raw("]");
                    w.raw(", \"next\": "); w.string(plan[static_cast<std::size_t>(e.target)].id);
                    w.raw(c + 1 < n.edges.size() ? "}," : "}");
                }
                w.sep(6); w.raw("]");
                break;
            }
        }
        w.sep(4); w.raw(i + 1 < total ? "}," : "}");
    }
    w.sep(2); w.raw("]");
    w.raw("\n}\n");

    stats.nodes = total;
    stats.layers = layers;
    stats.width = width;
    stats.bytes = w.out().size();
    if (stats_out) *stats_out = stats;
    return std::move(w.out());
}

}  // namespace salesdojo::bench
