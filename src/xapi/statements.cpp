// A stored attempt as xAPI statements. See statements.hpp and docs/xapi.md.
#include <salesdojo/xapi/statements.hpp>
#include <salesdojo/xapi/uuid.hpp>

#include <cmath>
#include <cstdio>
#include <ctime>

namespace salesdojo::xapi {
namespace {

using nlohmann::json;

const char* const kAdlVerbs = "http://adlnet.gov/expapi/verbs/";
const char* const kAdlActivities = "http://adlnet.gov/expapi/activities/";

// Unreserved characters (RFC 3986) stay; every other byte is percent-encoded, so an id can never
// add a path segment or a query to an activity IRI.
std::string percent_encode(const std::string& text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

std::string with_slash(std::string base) {
    if (base.empty() || base.back() != '/') base += '/';
    return base;
}

// xAPI language maps need a language tag; a plain (language-neutral) text goes under `language`.
json language_map(const LocalizedText& text, const std::string& language) {
    json map = json::object();
    for (const auto& [tag, value] : text.by_language) map[tag.empty() ? language : tag] = value;
    return map;
}

json verb(const std::string& name) {
    return {{"id", std::string(kAdlVerbs) + name}, {"display", {{"en-US", name}}}};
}

// The attempt as one string: who, what (scenario id and the exact bytes played), with which seed, when.
std::string attempt_identity(const store::AttemptRecord& a, const std::string& trainee_name) {
    return "salesdojo-attempt\n" + trainee_name + "\n" + a.scenario_id + "\n" + a.content_hash + "\n" +
           std::to_string(a.seed) + "\n" + std::to_string(a.started_ms) + "\n" + std::to_string(a.ended_ms);
}

const UuidBytes& salesdojo_namespace() {
    static const UuidBytes space = [] {
        const std::string text = uuid_v5(kUrlNamespace, kProfileBase);  // a namespace of our own
        UuidBytes bytes{};
        std::size_t j = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '-') continue;
            const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
            bytes[j / 2] = static_cast<std::uint8_t>(bytes[j / 2] | nibble(text[i]) << (j % 2 ? 0 : 4));
            ++j;
        }
        return bytes;
    }();
    return space;
}

// Each decision's time: the start plus the seconds taken so far when every decision's time is known
// (interactive play), else spread evenly between start and end (scripted play records none).
std::vector<std::int64_t> decision_times(const store::AttemptRecord& a) {
    const std::size_t n = a.decisions.size();
    std::vector<std::int64_t> times(n, a.started_ms);
    bool all_known = true;
    for (const auto& d : a.decisions) all_known = all_known && d.seconds && std::isfinite(*d.seconds) && *d.seconds >= 0;
    const std::int64_t end = std::max(a.ended_ms, a.started_ms);
    double elapsed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t t;
        if (all_known) {
            elapsed += *a.decisions[i].seconds;
            t = a.started_ms + static_cast<std::int64_t>(std::llround(elapsed * 1000.0));
        } else {
            t = a.started_ms + (end - a.started_ms) * static_cast<std::int64_t>(i + 1) / static_cast<std::int64_t>(n + 1);
        }
        times[i] = std::min(t, end);
    }
    return times;
}

// By id, not by index: the stored attempt names nodes by id (and this stays independent of how the
// core spells "no such node").
const Node* find_node(const Scenario* scenario, const std::string& id) {
    if (!scenario) return nullptr;
    for (const Node& node : scenario->nodes)
        if (node.id == id) return &node;
    return nullptr;
}

double finite_or_zero(double value) { return std::isfinite(value) ? value : 0.0; }

}  // namespace

std::string extension_iri(const std::string& name) { return std::string(kProfileBase) + "extensions/" + name; }

std::string scenario_activity_id(const StatementOptions& options, const std::string& scenario_id) {
    return with_slash(options.activity_base) + "scenarios/" + percent_encode(scenario_id);
}

std::string node_activity_id(const StatementOptions& options, const std::string& scenario_id, const std::string& node_id) {
    return scenario_activity_id(options, scenario_id) + "/nodes/" + percent_encode(node_id);
}

std::string iso8601_utc(std::int64_t unix_ms) {
    std::int64_t seconds = unix_ms / 1000, millis = unix_ms % 1000;
    if (millis < 0) {
        millis += 1000;
        --seconds;
    }
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm parts{};
    ::gmtime_r(&t, &parts);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, static_cast<int>(millis));
    return buffer;
}

std::string iso8601_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds <= 0) return "PT0S";
    long long centis = std::llround(seconds * 100.0);
    const long long hours = centis / 360000;
    centis -= hours * 360000;
    const long long minutes = centis / 6000;
    centis -= minutes * 6000;
    std::string out = "PT";
    if (hours) out += std::to_string(hours) + "H";
    if (minutes) out += std::to_string(minutes) + "M";
    if (centis || (!hours && !minutes)) {
        out += std::to_string(centis / 100);
        if (centis % 100) {
            char frac[24];
            std::snprintf(frac, sizeof frac, ".%02lld", centis % 100);
            std::string f = frac;
            while (f.back() == '0') f.pop_back();
            out += f;
        }
        out += "S";
    }
    return out;
}

std::string attempt_registration(const store::AttemptRecord& attempt, const std::string& trainee_name) {
    return uuid_v5(salesdojo_namespace(), attempt_identity(attempt, trainee_name) + "\nregistration");
}

std::vector<json> attempt_statements(const store::AttemptRecord& a, const std::string& trainee_name,
                                     const Scenario* scenario, const StatementOptions& options) {
    const std::string identity = attempt_identity(a, trainee_name);
    const std::string registration = attempt_registration(a, trainee_name);
    const std::string language = a.language.empty() ? "und" : a.language;
    const std::string scenario_iri = scenario_activity_id(options, a.scenario_id);

    const json actor = {{"objectType", "Agent"},
                        {"name", trainee_name},
                        {"account", {{"homePage", options.home_page}, {"name", trainee_name}}}};
    json scenario_definition = {{"type", std::string(kAdlActivities) + "simulation"}};
    if (scenario) {
        if (!scenario->title.empty()) scenario_definition["name"] = language_map(scenario->title, language);
        if (!scenario->summary.empty()) scenario_definition["description"] = language_map(scenario->summary, language);
    }
    const json scenario_activity = {{"objectType", "Activity"}, {"id", scenario_iri}, {"definition", scenario_definition}};
    json context_extensions = {{extension_iri("scenario-version"), a.scenario_version},
                               {extension_iri("content-hash"), a.content_hash},
                               {extension_iri("mode"), a.mode},
                               {extension_iri("seed"), std::to_string(a.seed)}};
    const json category = json::array({{{"objectType", "Activity"}, {"id", std::string(kProfileBase) + "profile"}}});

    auto statement = [&](const std::string& key, const std::string& verb_name, json object, std::int64_t when,
                         bool in_scenario) {
        json context = {{"registration", registration},
                        {"platform", std::string("SalesDojo ") + SALESDOJO_VERSION},
                        {"language", language},
                        {"extensions", context_extensions},
                        {"contextActivities", {{"category", category}}}};
        if (in_scenario) context["contextActivities"]["parent"] = json::array({{{"objectType", "Activity"}, {"id", scenario_iri}}});
        return json{{"id", uuid_v5(salesdojo_namespace(), identity + "\n" + key)},
                    {"actor", actor},
                    {"verb", verb(verb_name)},
                    {"object", std::move(object)},
                    {"context", std::move(context)},
                    {"timestamp", iso8601_utc(when)}};
    };

    std::vector<json> out;
    out.push_back(statement("launched", "launched", scenario_activity, a.started_ms, false));
    out.push_back(statement("initialized", "initialized", scenario_activity, a.started_ms, false));

    const std::vector<std::int64_t> times = decision_times(a);
    for (std::size_t i = 0; i < a.decisions.size(); ++i) {
        const store::DecisionRecord& d = a.decisions[i];
        json definition = {{"type", std::string(kAdlActivities) + "cmi.interaction"}, {"interactionType", "choice"}};
        if (const Node* found = find_node(scenario, d.node_id)) {
            const Node& node = *found;
            if (!node.text.empty()) definition["description"] = language_map(node.text, language);
            json choices = json::array();
            for (const Choice& choice : node.choices) {
                json component = {{"id", choice.id}};
                if (!choice.text.empty()) component["description"] = language_map(choice.text, language);
                choices.push_back(std::move(component));
            }
            definition["choices"] = std::move(choices);
        }
        definition["name"] = {{"en-US", a.scenario_id + " / " + d.node_id}};
        json result = {{"response", d.choice_id}};
        json extensions = {{extension_iri("decision-index"), i + 1}, {extension_iri("counted"), d.counted}};
        if (!d.verdict.empty()) {
            extensions[extension_iri("verdict")] = d.verdict;
            result["success"] = d.verdict == "best" || d.verdict == "good";
        }
        extensions[extension_iri("loss")] = finite_or_zero(d.loss);
        result["extensions"] = std::move(extensions);
        if (d.seconds && std::isfinite(*d.seconds) && *d.seconds >= 0) result["duration"] = iso8601_duration(*d.seconds);
        json s = statement("decision/" + std::to_string(i + 1), "answered",
                           {{"objectType", "Activity"},
                            {"id", node_activity_id(options, a.scenario_id, d.node_id)},
                            {"definition", std::move(definition)}},
                           times[i], true);
        s["result"] = std::move(result);
        out.push_back(std::move(s));
    }

    if (!a.finished) return out;
    const double overall = std::min(100.0, std::max(0.0, finite_or_zero(a.overall)));
    json score = {{"scaled", overall / 100.0}, {"raw", overall}, {"min", 0}, {"max", 100}};
    json dimension_scores = json::object(), dimension_raw = json::object();
    for (const auto& dim : a.dimensions) {
        dimension_scores[dim.dimension_id] = finite_or_zero(dim.score);
        dimension_raw[dim.dimension_id] = dim.raw_total;
    }
    json result_extensions = {{extension_iri("dimension-scores"), dimension_scores},
                              {extension_iri("dimension-raw-totals"), dimension_raw},
                              {extension_iri("weighted-total"), finite_or_zero(a.weighted_total)},
                              {extension_iri("outcome"), a.outcome},
                              {extension_iri("ending"), a.ending_node}};
    if (a.accuracy) result_extensions[extension_iri("accuracy")] = finite_or_zero(*a.accuracy);
    const double duration_seconds = static_cast<double>(std::max<std::int64_t>(0, a.ended_ms - a.started_ms)) / 1000.0;
    json completed = statement("completed", "completed", scenario_activity, a.ended_ms, false);
    completed["result"] = {{"completion", true},
                           {"score", score},
                           {"duration", iso8601_duration(duration_seconds)},
                           {"extensions", result_extensions}};
    out.push_back(std::move(completed));
    if (a.passed) {
        json judged = statement("result", *a.passed ? "passed" : "failed", scenario_activity, a.ended_ms, false);
        judged["result"] = {{"success", *a.passed},
                            {"completion", true},
                            {"score", score},
                            {"duration", iso8601_duration(duration_seconds)},
                            {"extensions", result_extensions}};
        out.push_back(std::move(judged));
    }
    return out;
}

}  // namespace salesdojo::xapi
