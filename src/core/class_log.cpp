#include <salesdojo/class_log.hpp>

#include <nlohmann/json.hpp>

#include <numeric>

namespace salesdojo {

const char* vote_channel_id(VoteChannel channel) { return channel == VoteChannel::Hands ? "hands" : "phones"; }

std::size_t ClassDecisionLog::total_votes() const {
    return std::accumulate(hand_votes.begin(), hand_votes.end(), std::size_t{0}) +
           std::accumulate(phone_votes.begin(), phone_votes.end(), std::size_t{0});
}

Playthrough ClassLog::playthrough() const {
    Playthrough p;
    p.scenario_id = scenario_id;
    p.scenario_version = scenario_version;
    p.content_hash = content_hash;
    p.seed = seed;
    for (const ClassDecisionLog& d : decisions)
        if (!d.chosen_id.empty()) p.choices.push_back(d.chosen_id);
    return p;
}

nlohmann::json class_log_to_json(const ClassLog& log) {
    nlohmann::json decisions = nlohmann::json::array();
    for (const ClassDecisionLog& d : log.decisions) {
        nlohmann::json named = nlohmann::json::array();
        for (const NamedVote& v : d.named_votes) named.push_back({{"name", v.name}, {"choice", v.choice_id}});
        decisions.push_back({{"node", d.node_id},
                             {"options", d.option_ids},
                             {"hands", d.hand_votes},
                             {"phones", d.phone_votes},
                             {"vote_opened", d.vote_opened},
                             {"tally_revealed", d.tally_revealed},
                             {"majority", d.majority_id ? nlohmann::json(*d.majority_id) : nlohmann::json(nullptr)},
                             {"chosen", d.chosen_id},
                             {"overridden", d.overridden},
                             {"feedback_revealed", d.feedback_revealed},
                             {"prompts_shown", d.prompts_shown},
                             {"named_votes", std::move(named)}});
    }
    return {{"class_log_format", kClassLogFormat},
            {"uid", log.uid},
            {"scenario_id", log.scenario_id},
            {"scenario_version", log.scenario_version},
            {"content_hash", log.content_hash},
            {"seed", log.seed},
            {"language", log.language},
            {"started_ms", log.started_ms},
            {"ended_ms", log.ended_ms},
            {"names_requested", log.names_requested},
            {"finished", log.finished},
            {"ending_node", log.ending_node},
            {"decisions", std::move(decisions)}};
}

namespace {

// Reads typed fields of one object, remembering the first problem with the path to it.
class Reader {
public:
    Reader(const nlohmann::json& object, std::string where, std::string& error)
        : m_object(object), m_where(std::move(where)), m_error(error) {}

    bool fail(const std::string& key, const char* expected) {
        if (m_error.empty()) m_error = "class log: " + m_where + "'" + key + "' must be " + expected;
        return false;
    }
    const nlohmann::json* find(const std::string& key) {
        auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }
    bool text(const std::string& key, std::string& out) {
        const auto* v = find(key);
        if (!v || !v->is_string()) return fail(key, "a string");
        out = v->get<std::string>();
        return true;
    }
    bool flag(const std::string& key, bool& out) {
        const auto* v = find(key);
        if (!v || !v->is_boolean()) return fail(key, "true or false");
        out = v->get<bool>();
        return true;
    }
    template <typename Int>
    bool integer(const std::string& key, Int& out) {
        const auto* v = find(key);
        if (!v || !v->is_number_integer() || (std::is_unsigned_v<Int> && !v->is_number_unsigned()))
            return fail(key, std::is_unsigned_v<Int> ? "a non-negative integer" : "an integer");
        out = v->get<Int>();
        return true;
    }
    template <typename T>
    bool list(const std::string& key, std::vector<T>& out) {
        const auto* v = find(key);
        if (!v || !v->is_array()) return fail(key, "an array");
        for (const auto& item : *v) {
            const bool ok = std::is_same_v<T, std::string> ? item.is_string() : item.is_number_unsigned();
            if (!ok) return fail(key, std::is_same_v<T, std::string> ? "an array of strings" : "an array of non-negative integers");
            out.push_back(item.get<T>());
        }
        return true;
    }

private:
    const nlohmann::json& m_object;
    std::string m_where;
    std::string& m_error;
};

}  // namespace

std::optional<ClassLog> class_log_from_json(const nlohmann::json& j, std::string& error) {
    error.clear();
    if (!j.is_object()) {
        error = "class log: must be a JSON object";
        return std::nullopt;
    }
    ClassLog log;
    Reader r(j, "", error);
    int format = 0;
    if (!r.integer("class_log_format", format)) return std::nullopt;
    if (format != kClassLogFormat) {
        error = "class log: format " + std::to_string(format) + " is not known (this build reads " +
                std::to_string(kClassLogFormat) + ")";
        return std::nullopt;
    }
    if (!r.text("uid", log.uid) || !r.text("scenario_id", log.scenario_id) ||
        !r.text("scenario_version", log.scenario_version) || !r.text("content_hash", log.content_hash) ||
        !r.integer("seed", log.seed) || !r.text("language", log.language) || !r.integer("started_ms", log.started_ms) ||
        !r.integer("ended_ms", log.ended_ms) || !r.flag("names_requested", log.names_requested) ||
        !r.flag("finished", log.finished) || !r.text("ending_node", log.ending_node))
        return std::nullopt;
    const auto* decisions = r.find("decisions");
    if (!decisions || !decisions->is_array()) {
        r.fail("decisions", "an array");
        return std::nullopt;
    }
    for (std::size_t i = 0; i < decisions->size(); ++i) {
        const auto& item = (*decisions)[i];
        const std::string where = "decisions[" + std::to_string(i) + "].";
        if (!item.is_object()) {
            error = "class log: decisions[" + std::to_string(i) + "] must be an object";
            return std::nullopt;
        }
        Reader d(item, where, error);
        ClassDecisionLog entry;
        if (!d.text("node", entry.node_id) || !d.list("options", entry.option_ids) || !d.list("hands", entry.hand_votes) ||
            !d.list("phones", entry.phone_votes) || !d.flag("vote_opened", entry.vote_opened) ||
            !d.flag("tally_revealed", entry.tally_revealed) || !d.text("chosen", entry.chosen_id) ||
            !d.flag("overridden", entry.overridden) || !d.flag("feedback_revealed", entry.feedback_revealed) ||
            !d.list("prompts_shown", entry.prompts_shown))
            return std::nullopt;
        if (entry.hand_votes.size() != entry.option_ids.size() || entry.phone_votes.size() != entry.option_ids.size()) {
            error = "class log: " + where + "'hands' and 'phones' need one count per option";
            return std::nullopt;
        }
        const auto* majority = d.find("majority");
        if (!majority || !(majority->is_null() || majority->is_string())) {
            d.fail("majority", "a choice id or null");
            return std::nullopt;
        }
        if (majority->is_string()) entry.majority_id = majority->get<std::string>();
        const auto* named = d.find("named_votes");
        if (!named || !named->is_array()) {
            d.fail("named_votes", "an array");
            return std::nullopt;
        }
        for (const auto& v : *named) {
            if (!v.is_object() || !v.contains("name") || !v["name"].is_string() || !v.contains("choice") ||
                !v["choice"].is_string()) {
                d.fail("named_votes", "an array of {\"name\", \"choice\"} objects");
                return std::nullopt;
            }
            entry.named_votes.push_back({v["name"].get<std::string>(), v["choice"].get<std::string>()});
        }
        log.decisions.push_back(std::move(entry));
    }
    return log;
}

}  // namespace salesdojo
