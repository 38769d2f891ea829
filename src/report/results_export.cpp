// Export documents: names for ids, best choices, JSON out and back in, the content key, dates.
// See results_export.hpp and docs/export.md.
#include <salesdojo/report/catalogue.hpp>
#include <salesdojo/report/results_export.hpp>
#include <salesdojo/scoring.hpp>
#include <salesdojo/source.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>

namespace salesdojo::report {
namespace {

using nlohmann::json;

// Typed optional lookups by id (the scenario's own index types may change; ids do not).
std::optional<std::size_t> node_named(const Scenario& s, const std::string& id) {
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        if (s.nodes[i].id == id) return i;
    return std::nullopt;
}

std::string format_utc(std::int64_t unix_ms, const char* pattern) {
    const std::time_t seconds = static_cast<std::time_t>(unix_ms >= 0 ? unix_ms / 1000 : (unix_ms - 999) / 1000);
    std::tm parts{};
    if (!gmtime_r(&seconds, &parts)) return "?";
    char buffer[64];
    if (std::strftime(buffer, sizeof buffer, pattern, &parts) == 0) return "?";
    return buffer;
}

json optional_number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

json decision_json(const ExportedDecision& d, bool with_best) {
    json out = {{"node", d.node_id},      {"choice", d.choice_id}, {"verdict", d.verdict},
                {"loss", d.loss},         {"counted", d.counted},  {"seconds", optional_number(d.seconds)}};
    if (with_best && !d.best_choice_id.empty()) out["best_choice"] = d.best_choice_id;
    return out;
}

// The stored fields of an attempt (everything but best choices and derived dates).
json stored_json(const ExportedAttempt& a) {
    json decisions = json::array();
    for (const auto& d : a.decisions) decisions.push_back(decision_json(d, false));
    json dimensions = json::array();
    for (const auto& d : a.dimensions)
        dimensions.push_back({{"id", d.dimension_id}, {"raw_total", d.raw_total}, {"score", d.score}});
    return {{"uid", a.uid},
            {"trainee", a.trainee},
            {"scenario_id", a.scenario_id},
            {"scenario_version", a.scenario_version},
            {"content_hash", a.content_hash},
            {"language", a.language},
            {"mode", a.mode},
            {"seed", a.seed},
            {"started_ms", a.started_ms},
            {"ended_ms", a.ended_ms},
            {"finished", a.finished},
            {"ending_node", a.ending_node},
            {"outcome", a.outcome},
            {"weighted_total", a.weighted_total},
            {"overall", a.overall},
            {"accuracy", optional_number(a.accuracy)},
            {"passed", a.passed ? json(*a.passed) : json(nullptr)},
            {"decisions", std::move(decisions)},
            {"dimensions", std::move(dimensions)}};
}

json names_json(const ScenarioNames& n) {
    json nodes = json::object();
    for (const auto& [id, node] : n.nodes)
        nodes[id] = {{"speaker", node.speaker}, {"line", node.line}, {"choices", node.choices}};
    return {{"version", n.version},       {"content_hash", n.content_hash}, {"language", n.language},
            {"title", n.title},           {"dimensions", n.dimensions},     {"outcomes", n.outcomes},
            {"endings", n.endings},       {"nodes", std::move(nodes)}};
}

// Reading: every failure names the JSON pointer of the value and what was expected there.
class Reader {
public:
    Reader(std::string& error, std::string& pointer) : m_error(error), m_pointer(pointer) {}

    bool fail(const std::string& at, const std::string& message) {
        m_pointer = at;
        m_error = (at.empty() ? std::string("the document") : at.substr(1)) + ": " + message;
        return false;
    }

    const json* member(const json& object, const std::string& at, const char* key) {
        const auto it = object.find(key);
        if (it == object.end()) {
            fail(at, std::string("'") + key + "' is missing");
            return nullptr;
        }
        return &*it;
    }

    bool object(const json& value, const std::string& at) {
        return value.is_object() || fail(at, "expected an object");
    }
    bool array(const json& value, const std::string& at) {
        return value.is_array() || fail(at, "expected an array");
    }

    bool text(const json& object, const std::string& at, const char* key, std::string& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (!v->is_string()) return fail(at + "/" + key, "expected a text");
        out = v->get<std::string>();
        return true;
    }
    bool number(const json& object, const std::string& at, const char* key, double& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (!v->is_number()) return fail(at + "/" + key, "expected a number");
        out = v->get<double>();
        return true;
    }
    bool optional_number(const json& object, const std::string& at, const char* key, std::optional<double>& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (v->is_null()) return out.reset(), true;
        if (!v->is_number()) return fail(at + "/" + key, "expected a number or null");
        out = v->get<double>();
        return true;
    }
    bool integer(const json& object, const std::string& at, const char* key, std::int64_t& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (v->is_number_integer() && !(v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX)) {
            out = v->get<std::int64_t>();
            return true;
        }
        return fail(at + "/" + key, "expected a whole number");
    }
    bool unsigned_integer(const json& object, const std::string& at, const char* key, std::uint64_t& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (!v->is_number_unsigned()) return fail(at + "/" + key, "expected a whole number of zero or more");
        out = v->get<std::uint64_t>();
        return true;
    }
    bool boolean(const json& object, const std::string& at, const char* key, bool& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (!v->is_boolean()) return fail(at + "/" + key, "expected true or false");
        out = v->get<bool>();
        return true;
    }
    bool optional_boolean(const json& object, const std::string& at, const char* key, std::optional<bool>& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (v->is_null()) return out.reset(), true;
        if (!v->is_boolean()) return fail(at + "/" + key, "expected true, false or null");
        out = v->get<bool>();
        return true;
    }
    // An object of texts: {"id": "text", ...}
    bool text_map(const json& object, const std::string& at, const char* key, std::map<std::string, std::string>& out) {
        const json* v = member(object, at, key);
        if (!v) return false;
        if (!v->is_object()) return fail(at + "/" + key, "expected an object of texts");
        for (const auto& [id, text] : v->items()) {
            if (!text.is_string()) return fail(at + "/" + key + "/" + escaped(id), "expected a text");
            out[id] = text.get<std::string>();
        }
        return true;
    }

    // A JSON pointer reference token: ~ and / escaped (RFC 6901).
    static std::string escaped(const std::string& token) {
        std::string out;
        for (char c : token) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
        return out;
    }

private:
    std::string& m_error;
    std::string& m_pointer;
};

bool read_decision(Reader& r, const json& j, const std::string& at, ExportedDecision& d) {
    if (!r.object(j, at) || !r.text(j, at, "node", d.node_id) || !r.text(j, at, "choice", d.choice_id) ||
        !r.text(j, at, "verdict", d.verdict) || !r.number(j, at, "loss", d.loss) || !r.boolean(j, at, "counted", d.counted) ||
        !r.optional_number(j, at, "seconds", d.seconds))
        return false;
    if (const auto it = j.find("best_choice"); it != j.end()) {
        if (!it->is_string()) return r.fail(at + "/best_choice", "expected a text");
        d.best_choice_id = it->get<std::string>();
    }
    return true;
}

bool read_attempt(Reader& r, const json& j, const std::string& at, ExportedAttempt& a) {
    if (!r.object(j, at)) return false;
    if (!r.text(j, at, "uid", a.uid) || !r.text(j, at, "trainee", a.trainee) || !r.text(j, at, "scenario_id", a.scenario_id) ||
        !r.text(j, at, "scenario_version", a.scenario_version) || !r.text(j, at, "content_hash", a.content_hash) ||
        !r.text(j, at, "language", a.language) || !r.text(j, at, "mode", a.mode) ||
        !r.unsigned_integer(j, at, "seed", a.seed) || !r.integer(j, at, "started_ms", a.started_ms) ||
        !r.integer(j, at, "ended_ms", a.ended_ms) || !r.boolean(j, at, "finished", a.finished) ||
        !r.text(j, at, "ending_node", a.ending_node) || !r.text(j, at, "outcome", a.outcome) ||
        !r.number(j, at, "weighted_total", a.weighted_total) || !r.number(j, at, "overall", a.overall) ||
        !r.optional_number(j, at, "accuracy", a.accuracy) || !r.optional_boolean(j, at, "passed", a.passed))
        return false;
    if (a.uid.empty()) return r.fail(at + "/uid", "an attempt needs a non-empty uid (its identity)");
    const json* decisions = r.member(j, at, "decisions");
    if (!decisions || !r.array(*decisions, at + "/decisions")) return false;
    a.decisions.resize(decisions->size());
    for (std::size_t i = 0; i < decisions->size(); ++i)
        if (!read_decision(r, (*decisions)[i], at + "/decisions/" + std::to_string(i), a.decisions[i])) return false;
    const json* dimensions = r.member(j, at, "dimensions");
    if (!dimensions || !r.array(*dimensions, at + "/dimensions")) return false;
    a.dimensions.resize(dimensions->size());
    for (std::size_t i = 0; i < dimensions->size(); ++i) {
        const std::string here = at + "/dimensions/" + std::to_string(i);
        const json& d = (*dimensions)[i];
        std::int64_t raw = 0;
        if (!r.object(d, here) || !r.text(d, here, "id", a.dimensions[i].dimension_id) || !r.integer(d, here, "raw_total", raw) ||
            !r.number(d, here, "score", a.dimensions[i].score))
            return false;
        a.dimensions[i].raw_total = raw;
    }
    return true;
}

bool read_names(Reader& r, const json& j, const std::string& at, ScenarioNames& n) {
    if (!r.object(j, at) || !r.text(j, at, "version", n.version) || !r.text(j, at, "content_hash", n.content_hash) ||
        !r.text(j, at, "language", n.language) || !r.text(j, at, "title", n.title) ||
        !r.text_map(j, at, "dimensions", n.dimensions) || !r.text_map(j, at, "outcomes", n.outcomes) ||
        !r.text_map(j, at, "endings", n.endings))
        return false;
    const json* nodes = r.member(j, at, "nodes");
    if (!nodes || !r.object(*nodes, at + "/nodes")) return false;
    for (const auto& [id, node] : nodes->items()) {
        const std::string here = at + "/nodes/" + Reader::escaped(id);
        ScenarioNames::NodeNames& out = n.nodes[id];
        if (!r.object(node, here) || !r.text(node, here, "speaker", out.speaker) || !r.text(node, here, "line", out.line) ||
            !r.text_map(node, here, "choices", out.choices))
            return false;
    }
    return true;
}

}  // namespace

Playthrough ExportedAttempt::playthrough() const {
    Playthrough p{scenario_id, scenario_version, content_hash, seed, {}};
    p.choices.reserve(decisions.size());
    for (const auto& d : decisions) p.choices.push_back(d.choice_id);
    return p;
}

std::string iso_utc(std::int64_t unix_ms) {
    return format_utc(unix_ms, "%Y-%m-%dT%H:%M:%SZ");
}

std::string readable_utc(std::int64_t unix_ms) {
    return format_utc(unix_ms, "%Y-%m-%d %H:%M UTC");
}

ScenarioNames scenario_names(const Scenario& s, const Languages& l, const std::vector<ExportedAttempt>& attempts) {
    ScenarioNames n;
    n.version = s.version;
    n.content_hash = s.content_hash;
    n.language = l.content;
    n.title = s.title.get(l.content);
    for (std::size_t i = 0; i < s.dimensions.size(); ++i)
        n.dimensions[s.dimensions[i].id] = dimension_name(s, static_cast<int>(i), l);
    for (std::size_t i = 0; i < s.outcomes.size(); ++i)
        n.outcomes[s.outcomes[i].id] = outcome_name(s, static_cast<int>(i), l);
    for (const auto& a : attempts) {
        if (a.scenario_id != s.id) continue;
        if (!a.ending_node.empty() && !n.endings.count(a.ending_node))
            if (const auto ending = node_named(s, a.ending_node); ending && s.nodes[*ending].kind == NodeKind::Ending)
                n.endings[a.ending_node] = ending_title(s, static_cast<int>(*ending), l);
        for (const auto& d : a.decisions) {
            if (n.nodes.count(d.node_id)) continue;
            const auto index = node_named(s, d.node_id);
            if (!index) continue;  // a node removed since: its id stays an id
            const Node& node = s.nodes[*index];
            ScenarioNames::NodeNames& names = n.nodes[d.node_id];
            if (node.speaker) names.speaker = s.cast[static_cast<std::size_t>(*node.speaker)].name.get(l.content);
            names.line = node.text.get(l.content);
            for (const auto& choice : node.choices) names.choices[choice.id] = choice.text.get(l.content);
        }
    }
    return n;
}

void add_best_choices(ExportedAttempt& attempt, const ScenarioAtHand& at_hand) {
    if (!at_hand.scenario || !at_hand.analysis || at_hand.scenario->content_hash != attempt.content_hash) return;
    std::string error;
    const auto session = replay_playthrough(at_hand.scenario, attempt.playthrough(), error);
    if (!session) return;
    const Scenario& s = *at_hand.scenario;
    const Debrief debrief = make_debrief(*at_hand.analysis, *session);
    // Decisions are the transcript's entries with a choice, in order; the reviews point at entries.
    std::size_t position = 0;
    std::size_t review = 0;
    const auto& transcript = session->transcript();
    for (std::size_t i = 0; i < transcript.size() && position < attempt.decisions.size(); ++i) {
        if (!transcript[i].choice) continue;
        while (review < debrief.decisions.size() && debrief.decisions[review].transcript_index < i) ++review;
        if (review < debrief.decisions.size() && debrief.decisions[review].transcript_index == i) {
            const DecisionReview& r = debrief.decisions[review];
            const int best = r.better.value_or(r.chosen);
            attempt.decisions[position].best_choice_id =
                s.nodes[static_cast<std::size_t>(r.node)].choices[static_cast<std::size_t>(best)].id;
        }
        ++position;
    }
}

ExportDocument make_export_document(std::vector<ExportedAttempt> attempts, const ScenarioShelf& shelf,
                                    std::string_view language, std::int64_t now_ms) {
    ExportDocument document;
    document.exported_ms = now_ms;
    document.generator = std::string("salesdojo ") + SALESDOJO_VERSION;
    document.language = language == "nl" ? "nl" : "en";
    for (auto& attempt : attempts) {
        const auto it = shelf.find(attempt.scenario_id);
        if (it == shelf.end()) continue;
        add_best_choices(attempt, it->second);
        if (!document.scenarios.count(attempt.scenario_id))
            document.scenarios[attempt.scenario_id] =
                scenario_names(*it->second.scenario, languages_for(*it->second.scenario, document.language), attempts);
    }
    document.attempts = std::move(attempts);
    return document;
}

nlohmann::json export_json(const ExportDocument& document) {
    json attempts = json::array();
    for (const auto& a : document.attempts) {
        json j = stored_json(a);
        j["started_at"] = iso_utc(a.started_ms);
        j["ended_at"] = iso_utc(a.ended_ms);
        json& decisions = j["decisions"];
        for (std::size_t i = 0; i < a.decisions.size(); ++i)
            if (!a.decisions[i].best_choice_id.empty()) decisions[i]["best_choice"] = a.decisions[i].best_choice_id;
        attempts.push_back(std::move(j));
    }
    json scenarios = json::object();
    for (const auto& [id, names] : document.scenarios) scenarios[id] = names_json(names);
    return {{"format", kExportFormatName},
            {"format_version", kExportFormatVersion},
            {"generator", document.generator},
            {"exported_ms", document.exported_ms},
            {"exported_at", iso_utc(document.exported_ms)},
            {"language", document.language},
            {"attempts", std::move(attempts)},
            {"scenarios", std::move(scenarios)}};
}

std::optional<ExportDocument> export_from_json(const nlohmann::json& j, std::string& error, std::string& error_pointer) {
    Reader r(error, error_pointer);
    if (!j.is_object()) {
        r.fail("", std::string("expected an object (an export of SalesDojo attempts, \"format\": \"") + kExportFormatName + "\")");
        return std::nullopt;
    }
    std::string format;
    if (!r.text(j, "", "format", format)) return std::nullopt;
    if (format != kExportFormatName) {
        r.fail("/format", "this is not an export of SalesDojo attempts (expected \"" + std::string(kExportFormatName) + "\")");
        return std::nullopt;
    }
    std::int64_t version = 0;
    if (!r.integer(j, "", "format_version", version)) return std::nullopt;
    if (version < 1 || version > kExportFormatVersion) {
        r.fail("/format_version", "format version " + std::to_string(version) + " is not one this SalesDojo reads (it reads 1 to " +
                                      std::to_string(kExportFormatVersion) + ")");
        return std::nullopt;
    }
    ExportDocument document;
    if (!r.text(j, "", "generator", document.generator) || !r.integer(j, "", "exported_ms", document.exported_ms) ||
        !r.text(j, "", "language", document.language))
        return std::nullopt;
    const json* attempts = r.member(j, "", "attempts");
    if (!attempts || !r.array(*attempts, "/attempts")) return std::nullopt;
    document.attempts.resize(attempts->size());
    for (std::size_t i = 0; i < attempts->size(); ++i)
        if (!read_attempt(r, (*attempts)[i], "/attempts/" + std::to_string(i), document.attempts[i])) return std::nullopt;
    const json* scenarios = r.member(j, "", "scenarios");
    if (!scenarios || !r.object(*scenarios, "/scenarios")) return std::nullopt;
    for (const auto& [id, names] : scenarios->items())
        if (!read_names(r, names, "/scenarios/" + Reader::escaped(id), document.scenarios[id])) return std::nullopt;
    return document;
}

std::optional<ExportDocument> read_export_file(const std::string& path, std::string& message) {
    SourceLimits limits;
    limits.max_bytes = kMaxExportFileBytes;
    limits.max_depth = kMaxExportDepth;
    Diagnostics diagnostics;
    auto text = read_source_file(path, limits, diagnostics);
    const auto first_problem = [&] {
        const Diagnostic& d = diagnostics.front();
        std::string where = path;
        if (d.line > 0) where += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
        return where + ": " + d.message;
    };
    if (!text) {
        message = diagnostics.empty() ? path + ": cannot be read" : first_problem();
        return std::nullopt;
    }
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
        message = path + ": the file is empty; an export is a JSON object";
        return std::nullopt;
    }
    const SourceText source(path, std::move(*text));
    auto parsed = parse_json(source, limits, diagnostics);
    if (!parsed) {
        message = diagnostics.empty() ? path + ": not JSON" : first_problem();
        return std::nullopt;
    }
    std::string error, pointer;
    auto document = export_from_json(*parsed, error, pointer);
    if (!document) {
        std::string where = path;
        if (const auto offset = source.offset_of_pointer(pointer)) {
            const Position p = source.position_of_offset(*offset);
            where += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
        }
        message = where + ": " + error;
        return std::nullopt;
    }
    return document;
}

std::vector<ExportFileResult> read_export_files(const std::vector<std::string>& paths, unsigned threads) {
    std::vector<ExportFileResult> results(paths.size());
    if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(paths.size(), 1)));
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < paths.size(); i = next++)
            results[i].document = read_export_file(paths[i], results[i].message);
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
    work();
    for (auto& worker : workers) worker.join();
    return results;
}

// Every stored field, each as <length>:<bytes> so no value can imitate a separator; doubles with 17
// significant digits, which tell any two different doubles apart. (Hand-made: the class report makes
// one key per attempt, and building a JSON value for each cost a third of the report's time.)
std::string attempt_content_key(const ExportedAttempt& a) {
    std::string key;
    key.reserve(256 + 64 * a.decisions.size());
    const auto text = [&](std::string_view value) {
        key += std::to_string(value.size());
        key += ':';
        key += value;
    };
    const auto real = [&](double value) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
        text(buffer);
    };
    const auto maybe_real = [&](const std::optional<double>& value) {
        if (value) real(*value);
        else text("null");
    };
    text(a.uid), text(a.trainee), text(a.scenario_id), text(a.scenario_version), text(a.content_hash);
    text(a.language), text(a.mode), text(std::to_string(a.seed)), text(std::to_string(a.started_ms));
    text(std::to_string(a.ended_ms)), text(a.finished ? "1" : "0"), text(a.ending_node), text(a.outcome);
    real(a.weighted_total), real(a.overall), maybe_real(a.accuracy);
    text(a.passed ? (*a.passed ? "1" : "0") : "null");
    text(std::to_string(a.decisions.size()));
    for (const auto& d : a.decisions) {
        text(d.node_id), text(d.choice_id), text(d.verdict), real(d.loss), text(d.counted ? "1" : "0");
        maybe_real(d.seconds);
    }
    text(std::to_string(a.dimensions.size()));
    for (const auto& d : a.dimensions) text(d.dimension_id), text(std::to_string(d.raw_total)), real(d.score);
    return key;
}

}  // namespace salesdojo::report
