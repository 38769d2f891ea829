#include "hostile_files.hpp"

#include "synthetic_scenario.hpp"

#include <algorithm>

namespace salesdojo::bench {
namespace {

std::string header(const std::string& languages, const std::string& start) {
    return "{\"format_version\": 1, \"id\": \"hostile\", \"version\": \"1\", \"title\": \"Hostile\",\n"
           " \"summary\": \"Generated.\", \"languages\": " + languages + ", \"start\": \"" + start + "\",\n";
}

std::string ending(const std::string& id) {
    return "{\"id\": \"" + id + "\", \"text\": \"End.\", \"ending\": {\"outcome\": \"qualified-fit\"}}";
}

// 1,000 nodes, one per line, each with ten unknown keys: 10,000 SD1009 warnings.
std::string warnings_spread() {
    std::string t = header("[\"en\"]", "n0") + " \"nodes\": [\n";
    for (int i = 0; i < 1000; ++i) {
        t += "  {\"id\": \"n" + std::to_string(i) + "\", \"text\": \"Hello.\", \"next\": \"n" + std::to_string(i + 1) + "\"";
        for (int k = 0; k < 10; ++k) t += ", \"extra" + std::to_string(k) + "\": " + std::to_string(k);
        t += "},\n";
    }
    return t + "  " + ending("n1000") + "\n]}\n";
}

// 10,000 unknown keys in the top-level object, all on one line: 10,000 SD1009 warnings.
std::string warnings_one_line() {
    std::string t = header("[\"en\"]", "a");
    t.erase(std::remove(t.begin(), t.end(), '\n'), t.end());
    for (int k = 0; k < 10000; ++k) t += "\"unknown_key_" + std::to_string(k) + "\": \"\u00e9\u00e9n\", ";
    return t + "\"nodes\": [" + ending("a") + "]}\n";
}

// 5,000 nodes in two languages, every text given in Dutch only: 10,000 SD2004 errors.
std::string missing_translation() {
    std::string t = header("[\"nl\", \"en\"]", "n0");
    t.replace(t.find("\"Hostile\""), 9, "{\"nl\": \"H\", \"en\": \"H\"}");
    t.replace(t.find("\"Generated.\""), 12, "{\"nl\": \"G\", \"en\": \"G\"}");
    t += " \"nodes\": [\n";
    for (int i = 0; i < 5000; ++i)
        t += "  {\"id\": \"n" + std::to_string(i) + "\", \"text\": {\"nl\": \"Goedemorgen.\"}, \"choices\": [{\"id\": \"c\", "
             "\"text\": {\"nl\": \"Verder.\"}, \"next\": \"n" + std::to_string(i + 1) + "\"}]},\n";
    return t + "  {\"id\": \"n5000\", \"text\": {\"nl\": \"Einde.\", \"en\": \"End.\"}, \"ending\": {\"outcome\": \"qualified-fit\"}}\n]}\n";
}

// 300 nodes with 120-character ids, each with ten choices to unknown 64-character targets: 3,000
// SD2002 errors, each asking "did you mean" over 300 long ids.
std::string did_you_mean() {
    const std::string stem(110, 'a');
    std::string t = header("[\"en\"]", stem + "0") + " \"nodes\": [\n";
    for (int i = 0; i < 300; ++i) {
        t += "  {\"id\": \"" + stem + std::to_string(i) + "\", \"text\": \"Hi.\", \"choices\": [";
        for (int c = 0; c < 10; ++c)
            t += std::string(c ? ", " : "") + "{\"id\": \"c" + std::to_string(c) + "\", \"text\": \"Go.\", \"next\": \"" +
                 std::string(60, 'b') + std::to_string(1000 + i * 10 + c) + "\"}";
        t += "]},\n";
    }
    return t + "  " + ending("end") + "\n]}\n";
}

// A chain of 40,000 decisions, each scoring one point: analyse builds best and worst witnesses.
std::string chain(int decisions) {
    std::string t = header("[\"en\"]", "n0") + " \"nodes\": [\n";
    for (int i = 0; i < decisions; ++i)
        t += "  {\"id\": \"n" + std::to_string(i) + "\", \"text\": \"Q?\", \"choices\": [{\"id\": \"c\", \"text\": \"A.\", "
             "\"score\": {\"qualify\": 1, \"decline\": 1, \"bias\": 1, \"relationship\": 1}, \"next\": \"n" +
             std::to_string(i + 1) + "\"}]},\n";
    return t + "  " + ending("n" + std::to_string(decisions)) + "\n]}\n";
}

// 100,001 automatic nodes in a row: the session gives up after 100,000 steps.
std::string automatic_chain() {
    std::string t = header("[\"en\"]", "n0") + " \"nodes\": [\n";
    for (int i = 0; i < 100001; ++i)
        t += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"On.\", \"next\": \"n" + std::to_string(i + 1) + "\"},\n";
    return t + ending("n100001") + "\n]}\n";
}

// About 31 MiB of a realistic scenario whose last member is followed by a trailing comma.
std::string trailing_comma() {
    SyntheticOptions options;
    options.nodes = 15000;
    std::string t = generate_scenario(options);
    const auto close = t.rfind('}');
    t.insert(close, ",");
    return t;
}

}  // namespace

std::vector<HostileFile> hostile_files() {
    return {
        {"warnings_10000_spread", "10,000 unknown keys over 1,000 nodes (SD1009)", HostileAction::Load, warnings_spread},
        {"warnings_10000_one_line", "10,000 unknown keys in one object on one line (SD1009)", HostileAction::Load, warnings_one_line},
        {"missing_translation_5000", "5,000 nodes missing the English text everywhere (SD2004)", HostileAction::Load, missing_translation},
        {"did_you_mean_300", "300 long ids, 3,000 unknown targets (SD2002 with suggestions)", HostileAction::Load, did_you_mean},
        {"chain_40000_analyze", "a 40,000-decision chain, analysed with witnesses", HostileAction::Analyze, [] { return chain(40000); }},
        {"chain_20000_undo", "20,000 decisions played, then undone one by one", HostileAction::Undo, [] { return chain(20000); }},
        {"automatic_100001", "100,001 automatic nodes in a row", HostileAction::Load, automatic_chain},
        {"trailing_comma_31mib", "a 31 MiB scenario ending in a trailing comma (SD1005)", HostileAction::Load, trailing_comma},
    };
}

}  // namespace salesdojo::bench
