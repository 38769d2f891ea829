// Twee 3 import: see twee.hpp and docs/authoring-twee.md.
#include <salesdojo/authoring/twee.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace salesdojo::authoring {
namespace {

using nlohmann::ordered_json;

struct Link {
    std::string text, target, setter;
    int line = 0;
};

struct Passage {
    std::string name;
    std::vector<std::string> tags;
    int line = 0;  // of the header
    std::vector<std::pair<int, std::string>> content;  // line number, text
};

const char* const kOutcomes[] = {"qualified-fit", "declined-misfit", "pursued-misfit", "abandoned-fit"};

// Passages that belong to the compiler or the story format, not to the story.
bool special_passage(const Passage& p) {
    static const std::set<std::string> names = {
        "StoryTitle", "StoryData", "StoryAuthor", "StorySubtitle", "StoryMenu", "StorySettings", "StoryIncludes",
        "StoryInit", "StoryCaption", "StoryBanner", "StoryInterface", "StoryShare", "StoryJavaScript", "StoryStylesheet",
        "PassageReady", "PassageDone", "PassageHeader", "PassageFooter", "StoryDisplayTitle"};
    if (names.count(p.name)) return true;
    for (const auto& tag : p.tags)
        if (tag == "script" || tag == "stylesheet" || tag == "widget" || tag == "Twine.private") return true;
    return false;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

// Node and choice ids: letters, digits, '_', '-', '.' (docs/scenario-format.md#ids); lowercase snake_case.
std::string slug(std::string_view name, const char* fallback) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c) && c < 0x80) out += static_cast<char>(std::tolower(c));
        else if ((c == '-' || c == '.') && !out.empty()) out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && (out.back() == '_' || out.back() == '-' || out.back() == '.')) out.pop_back();
    if (out.size() > 100) out.resize(100);
    return out.empty() ? fallback : out;
}

// Ids handed out so far, and per base id the next number to try, so that thousands of names with
// the same slug cost no more than thousands of distinct ones.
struct IdPool {
    std::set<std::string> taken;
    std::map<std::string, int> next;
};

std::string unique(const std::string& id, IdPool& pool) {
    if (pool.taken.insert(id).second) return id;
    int& n = pool.next.emplace(id, 2).first->second;
    std::string candidate;
    do candidate = id + "_" + std::to_string(n++);
    while (!pool.taken.insert(candidate).second);
    return candidate;
}

class TweeReader {
public:
    TweeReader(std::string_view text, const std::string& file, const TweeOptions& options)
        : m_text(text), m_file(file), m_options(options) {}

    TweeImport run() {
        if (const auto bad = invalid_utf8_at(m_text)) {
            const auto [line, column] = line_and_column(m_text, *bad);
            problem(ProblemKind::Error, line, column, "invalid UTF-8 (Twee files are UTF-8)");
            return finish();
        }
        read_passages();
        read_special();
        std::vector<const Passage*> story;
        for (const auto& p : m_passages)
            if (!special_passage(p)) story.push_back(&p);
        if (story.empty()) {
            problem(ProblemKind::Error, 1, 0, "no story passages (a passage starts with a line '::  Name')");
            return finish();
        }
        build(story);
        return finish();
    }

private:
    void problem(ProblemKind kind, int line, int column, std::string message) {
        m_result.problems.push_back({kind, m_file, line, column, std::move(message)});
    }

    TweeImport finish() {
        std::stable_sort(m_result.problems.begin(), m_result.problems.end(),
                         [](const Problem& a, const Problem& b) { return a.line < b.line; });
        return std::move(m_result);
    }

    // --- passages ------------------------------------------------------------------------------
    void read_passages() {
        std::string_view text = m_text;
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        int number = 0;
        bool warned_preamble = false;
        for (std::size_t start = 0; start <= text.size();) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            ++number;
            if (line.substr(0, 2) == "::") {
                read_header(line.substr(2), number);
            } else if (!m_passages.empty()) {
                m_passages.back().content.emplace_back(number, std::string(line));
            } else if (!trim(line).empty() && !warned_preamble) {
                problem(ProblemKind::Warning, number, 1, "text before the first passage header is ignored");
                warned_preamble = true;
            }
            if (end == text.size()) break;
            start = end + 1;
        }
        for (auto& p : m_passages)  // trailing blank lines are not content (Twee 3 specification)
            while (!p.content.empty() && trim(p.content.back().second).empty()) p.content.pop_back();
    }

    // Reads up to an unescaped stop character; backslash escapes any character.
    static std::string read_escaped(std::string_view s, std::size_t& i, std::string_view stops) {
        std::string out;
        while (i < s.size() && stops.find(s[i]) == std::string_view::npos) {
            if (s[i] == '\\' && i + 1 < s.size()) ++i;
            out += s[i++];
        }
        return out;
    }

    void read_header(std::string_view rest, int line) {
        Passage p;
        p.line = line;
        std::size_t i = 0;
        p.name = trim(read_escaped(rest, i, "[{"));
        if (i < rest.size() && rest[i] == '[') {
            ++i;
            std::string tags = read_escaped(rest, i, "]");
            if (i >= rest.size()) problem(ProblemKind::Warning, line, static_cast<int>(i) + 3, "the tag block is never closed with ']'");
            else ++i;
            std::size_t t = 0;
            while (t < tags.size()) {
                const std::size_t space = tags.find(' ', t);
                const std::string tag = tags.substr(t, space == std::string::npos ? std::string::npos : space - t);
                if (!tag.empty()) p.tags.push_back(tag);
                if (space == std::string::npos) break;
                t = space + 1;
            }
        }
        while (i < rest.size() && rest[i] == ' ') ++i;
        if (i < rest.size() && rest[i] == '{') {
            const std::string metadata = trim(rest.substr(i));
            if (!ordered_json::accept(metadata))
                problem(ProblemKind::Warning, line, static_cast<int>(i) + 3, "the metadata block is not valid JSON; it is ignored");
            i = rest.size();
        }
        if (!trim(rest.substr(std::min(i, rest.size()))).empty())
            problem(ProblemKind::Warning, line, static_cast<int>(i) + 3, "text after the passage name, tags and metadata is ignored");
        if (p.name.empty()) {
            problem(ProblemKind::Warning, line, 1, "a passage without a name is ignored");
            m_passages.push_back({});  // its content still belongs to no story passage
            m_passages.back().name = "";
            m_passages.back().tags = {"Twine.private"};
            return;
        }
        if (auto [first, fresh] = m_first_line.emplace(p.name, line); !fresh) {
            problem(ProblemKind::Warning, line, 1,
                    "a second passage named '" + p.name + "' (the first is on line " + std::to_string(first->second) + ") is ignored");
            p.tags = {"Twine.private"};
        }
        m_passages.push_back(std::move(p));
    }

    std::string content_of(const Passage& p) const {
        std::string out;
        for (const auto& [n, line] : p.content) out += (out.empty() ? "" : "\n") + line;
        return out;
    }

    void read_special() {
        for (const auto& p : m_passages) {
            if (p.name == "StoryTitle") m_title = trim(content_of(p));
            else if (p.name == "StoryAuthor") m_author = trim(content_of(p));
            else if (p.name == "StoryData") {
                const auto data = ordered_json::parse(content_of(p), nullptr, false);
                if (data.is_discarded() || !data.is_object()) {
                    problem(ProblemKind::Warning, p.line, 1, "StoryData is not a JSON object; it is ignored");
                    continue;
                }
                if (auto it = data.find("start"); it != data.end() && it->is_string()) m_start = it->get<std::string>();
                if (auto it = data.find("format"); it != data.end() && it->is_string()) m_format = it->get<std::string>();
            } else if (special_passage(p) && !p.name.empty() && !trim(content_of(p)).empty() &&
                       std::find(p.tags.begin(), p.tags.end(), "Twine.private") == p.tags.end()) {
                problem(ProblemKind::Todo, p.line, 1,
                        "'" + p.name + "' holds story-format code or style, which SalesDojo does not run: "
                        "turn what matters into variables, conditions and effects");
            }
        }
    }

    // --- links ---------------------------------------------------------------------------------
    Link parse_link(std::string inner, int line) {
        Link link;
        link.line = line;
        if (const auto p = inner.find("]["); p != std::string::npos) {  // [[link][setter]]
            link.setter = inner.substr(p + 2);
            inner.resize(p);
        }
        if (const auto p = inner.rfind("->"); p != std::string::npos) {
            link.text = inner.substr(0, p);
            link.target = inner.substr(p + 2);
        } else if (const auto q = inner.find("<-"); q != std::string::npos) {
            link.target = inner.substr(0, q);
            link.text = inner.substr(q + 2);
        } else if (const auto r = inner.rfind('|'); r != std::string::npos) {
            link.text = inner.substr(0, r);
            link.target = inner.substr(r + 1);
        } else {
            link.text = link.target = inner;
        }
        link.text = trim(link.text);
        link.target = trim(link.target);
        if (link.text.empty()) link.text = link.target;
        return link;
    }

    // The passage's text with its link markup taken out, and its links in order.
    std::string read_links(const Passage& p, std::vector<Link>& links) {
        std::vector<std::string> lines;
        for (const auto& [number, line] : p.content) {
            std::string out, outside;  // the line with link texts; only what lies outside links
            std::size_t pos = 0;
            bool had_link = false;
            while (true) {
                std::size_t k = line.find("[[", pos);
                if (k == std::string::npos) break;
                while (k + 2 < line.size() && line[k + 2] == '[') ++k;  // "[[[x]]]": a hook around a link
                const std::size_t end = line.find("]]", k + 2);
                if (end == std::string::npos) {
                    problem(ProblemKind::Todo, number, static_cast<int>(k) + 1, "a link that is never closed with ']]' in '" + p.name + "'");
                    break;
                }
                out += line.substr(pos, k - pos);
                outside += line.substr(pos, k - pos);
                Link link = parse_link(line.substr(k + 2, end - k - 2), number);
                out += link.text;  // a link inside a sentence leaves its words
                if (link.target.empty()) {
                    problem(ProblemKind::Todo, number, static_cast<int>(k) + 1, "a link without a target in '" + p.name + "' is left out");
                } else {
                    had_link = true;
                    links.push_back(std::move(link));
                }
                pos = end + 2;
            }
            out += line.substr(std::min(pos, line.size()));
            outside += line.substr(std::min(pos, line.size()));
            if (had_link && trim(outside).empty()) continue;  // a line of links only
            lines.push_back(out);
        }
        // Join, without leading, trailing or repeated blank lines.
        std::string text;
        int blanks = 0;
        for (const auto& line : lines) {
            if (trim(line).empty()) { ++blanks; continue; }
            if (!text.empty()) text += blanks ? "\n\n" : "\n";
            text += line;
            blanks = 0;
        }
        return text;
    }

    void report_markup(const Passage& p) {
        for (const auto& [number, line] : p.content) {
            std::string what;
            for (std::size_t i = 0; i + 1 < line.size() && what.empty(); ++i) {
                const char c = line[i], d = line[i + 1];
                if (c == '<' && d == '<') what = "a macro (<<...>>)";
                else if (c == '(' && std::isalpha(static_cast<unsigned char>(d))) {
                    std::size_t j = i + 1;
                    while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '-')) ++j;
                    if (j < line.size() && line[j] == ':') what = "a macro (" + line.substr(i, j - i + 1) + "...)";
                } else if ((c == '$' || c == '_') && (std::isalpha(static_cast<unsigned char>(d))) && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '('))
                    what = "a story variable (" + line.substr(i, 2) + "...)";
                else if (c == '<' && (std::isalpha(static_cast<unsigned char>(d)) || d == '/')) what = "HTML";
            }
            if (!what.empty()) {
                problem(ProblemKind::Todo, number, 1,
                        "'" + p.name + "' uses " + what + ", which SalesDojo shows as plain text: rewrite it, or turn it into a "
                        "condition or an effect");
                return;  // once per passage
            }
        }
    }

    // --- the scenario --------------------------------------------------------------------------
    void build(const std::vector<const Passage*>& story) {
        std::map<std::string, std::size_t> by_name;
        for (std::size_t i = 0; i < story.size(); ++i) by_name.emplace(story[i]->name, i);
        std::vector<std::string> texts(story.size());
        std::vector<std::vector<Link>> links(story.size());
        for (std::size_t i = 0; i < story.size(); ++i) texts[i] = read_links(*story[i], links[i]);

        std::size_t start = 0;
        if (!m_start.empty()) {
            if (auto it = by_name.find(m_start); it != by_name.end()) start = it->second;
            else problem(ProblemKind::Warning, 1, 0, "StoryData names '" + m_start + "' as the start, but there is no such passage; the first passage starts");
        } else if (auto it = by_name.find("Start"); it != by_name.end()) {
            start = it->second;
        }

        // Reachable passages, and the link targets that are no passage.
        std::vector<bool> reached(story.size(), false);
        std::vector<std::size_t> work{start};
        reached[start] = true;
        std::vector<std::string> missing;
        std::set<std::string> missing_seen;
        while (!work.empty()) {
            const std::size_t i = work.back();
            work.pop_back();
            for (const auto& link : links[i]) {
                auto it = by_name.find(link.target);
                if (it == by_name.end()) {
                    if (missing_seen.insert(link.target).second) {
                        missing.push_back(link.target);
                        problem(ProblemKind::Todo, link.line, 0,
                                "'" + story[i]->name + "' links to '" + link.target +
                                    "', which is no passage: it goes to a placeholder ending for now");
                    }
                    continue;
                }
                if (!reached[it->second]) {
                    reached[it->second] = true;
                    work.push_back(it->second);
                }
            }
        }

        IdPool taken;
        std::vector<std::string> ids(story.size());
        for (std::size_t i = 0; i < story.size(); ++i)
            if (reached[i]) ids[i] = unique(slug(story[i]->name, "passage"), taken);
        std::map<std::string, std::string> missing_ids;
        for (const auto& name : missing) missing_ids[name] = unique("todo_" + slug(name, "passage"), taken);

        ordered_json nodes = ordered_json::array();
        std::vector<std::vector<std::string>> edges;  // node index -> next ids (for the way-out check)
        std::vector<const Passage*> origins;          // node index -> its passage (none for placeholders)
        for (std::size_t i = 0; i < story.size(); ++i) {
            const Passage& p = *story[i];
            if (!reached[i]) {
                problem(ProblemKind::Todo, p.line, 1, "'" + p.name + "' cannot be reached from the start and is left out");
                continue;
            }
            ++m_result.passages;
            report_markup(p);
            ordered_json node = {{"id", ids[i]}};
            if (texts[i].empty()) {
                node["text"] = "TODO: what happens in '" + p.name + "'.";
                problem(ProblemKind::Todo, p.line, 1, "'" + p.name + "' has no text of its own");
            } else {
                node["text"] = texts[i];
            }
            std::vector<std::string> next;
            if (links[i].empty()) {
                node["ending"] = ending_for(p);
                ++m_result.endings;
            } else {
                ordered_json choices = ordered_json::array();
                IdPool choice_ids;
                for (const auto& link : links[i]) {
                    auto target = by_name.find(link.target);
                    const std::string to = target != by_name.end() ? ids[target->second] : missing_ids[link.target];
                    choices.push_back({{"id", unique(slug(link.text, "choice"), choice_ids)}, {"text", link.text}, {"next", to}});
                    next.push_back(to);
                    ++m_result.choices;
                    if (!link.setter.empty())
                        problem(ProblemKind::Todo, link.line, 0,
                                "the link '" + link.text + "' sets '" + link.setter + "': turn it into the choice's \"set\" or \"add\"");
                }
                node["choices"] = std::move(choices);
            }
            nodes.push_back(std::move(node));
            edges.push_back(std::move(next));
            origins.push_back(&p);
        }
        for (const auto& name : missing) {
            nodes.push_back({{"id", missing_ids[name]},
                             {"text", "TODO: write the passage '" + name + "'."},
                             {"ending", {{"outcome", kOutcomes[0]}, {"title", name}}}});
            edges.emplace_back();
        }
        add_ways_out(nodes, edges, origins, taken);

        const std::string title = m_title.empty() ? m_options.fallback_id : m_title;
        std::string id = slug(title, "");
        id.erase(std::remove(id.begin(), id.end(), '.'), id.end());
        if (id.empty() || id.front() == '_' || id.front() == '-') id = "imported_story";
        ordered_json scenario = {{"format_version", 1},
                                 {"id", id},
                                 {"version", "0.1.0"},
                                 {"title", title.empty() ? "Imported story" : title},
                                 {"summary", "TODO: one to three sentences about the situation."},
                                 {"languages", {m_options.language}}};
        if (!m_author.empty()) scenario["author"] = m_author;
        scenario["start"] = ids[start];
        scenario["nodes"] = std::move(nodes);
        m_result.scenario = std::move(scenario);
        if (m_title.empty()) problem(ProblemKind::Todo, 1, 0, "no StoryTitle passage: give the scenario a title");
        problem(ProblemKind::Todo, 1, 0,
                "write the summary, and give choices their score, feedback and principles (Twine has no word for them)");
        if (!m_format.empty())
            problem(ProblemKind::Todo, 1, 0, "the story was written for " + m_format +
                                                 "; its macros and variables are not imported (see the passages named below)");
    }

    ordered_json ending_for(const Passage& p) {
        ordered_json ending = {{"outcome", kOutcomes[0]}, {"title", p.name}};
        for (const auto& tag : p.tags)
            for (const char* outcome : kOutcomes)
                if (tag == outcome) {
                    ending["outcome"] = outcome;
                    return ending;
                }
        problem(ProblemKind::Todo, p.line, 1,
                "'" + p.name + "' has no links, so it is an ending: choose its outcome class (now qualified-fit; "
                "a tag such as declined-misfit sets it)");
        return ending;
    }

    // Nodes from which no ending can be reached get a placeholder way out (the loader refuses them,
    // SD2009). Linear in nodes and links: "can reach an ending" spreads backwards along the links.
    void add_ways_out(ordered_json& nodes, const std::vector<std::vector<std::string>>& edges,
                      const std::vector<const Passage*>& origins, IdPool& taken) {
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < nodes.size(); ++i) index[nodes[i]["id"].get<std::string>()] = i;
        std::vector<std::vector<std::size_t>> from(nodes.size());  // node -> the nodes that link to it
        for (std::size_t i = 0; i < edges.size(); ++i)
            for (const auto& to : edges[i]) from[index[to]].push_back(i);
        std::vector<bool> ends(nodes.size(), false);
        std::vector<std::size_t> work;
        const auto reaches_an_ending = [&](std::size_t i) {
            if (ends[i]) return;
            ends[i] = true;
            work.push_back(i);
            while (!work.empty()) {
                const std::size_t k = work.back();
                work.pop_back();
                for (std::size_t before : from[k])
                    if (!ends[before]) {
                        ends[before] = true;
                        work.push_back(before);
                    }
            }
        };
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].contains("ending")) reaches_an_ending(i);
        std::string way_out;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (ends[i]) continue;
            if (way_out.empty()) way_out = unique("todo_way_out", taken);
            nodes[i]["choices"].push_back({{"id", "todo_way_out"}, {"text", "TODO: a way out"}, {"next", way_out}});
            const Passage* origin = i < origins.size() ? origins[i] : nullptr;  // placeholders are endings
            problem(ProblemKind::Todo, origin ? origin->line : 0, origin ? 1 : 0,
                    "'" + (origin ? origin->name : nodes[i]["id"].get<std::string>()) +
                        "' is in a loop no ending can be reached from: it got a placeholder way out, the choice 'todo_way_out'");
            reaches_an_ending(i);
        }
        if (!way_out.empty())
            nodes.push_back({{"id", way_out}, {"text", "TODO: how the conversation ends here."},
                             {"ending", {{"outcome", kOutcomes[0]}, {"title", "TODO"}}}});
    }

    std::string_view m_text;
    std::string m_file;
    TweeOptions m_options;
    TweeImport m_result;
    std::vector<Passage> m_passages;
    std::string m_title, m_author, m_start, m_format;
    std::map<std::string, int> m_first_line;  // passage name -> line of its header
};

}  // namespace

TweeImport import_twee(std::string_view text, const std::string& file_name, const TweeOptions& options) {
    return TweeReader(text, file_name, options).run();
}

}  // namespace salesdojo::authoring
