// libFuzzer harness: the scenario loader, with a differential JSON oracle.
//
// Each input is a scenario file's bytes. The harness checks that
//   1. our JSON parser (the fast path in source.cpp and its nlohmann fallback, through parse_json
//      and parse_document) agrees with nlohmann::json::parse: whatever we accept nlohmann accepts,
//      with the same value and the same number types; what nlohmann accepts we accept too, unless
//      one of our documented stricter rules applies (nesting depth, a NUL byte, a repeated key);
//   2. parse_json and parse_document give the same answer and the same diagnostics;
//   3. load_scenario_text never crashes, returns a scenario exactly when it reports no error, and
//      gives every diagnostic a code and a position inside the text;
//   4. a loaded scenario can be played: a session from the start, always taking the first option.
// A broken invariant aborts, which libFuzzer reports as a crash with the input saved.
#include "fuzz_check.hpp"

#include <salesdojo/loader.hpp>
#include <salesdojo/session.hpp>
#include <salesdojo/source.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

using namespace salesdojo;

namespace {

// Same type and same value, node by node (nlohmann's operator== would call 5u equal to 5).
template <typename A, typename B>
bool same_value(const A& a, const B& b) {
    if (static_cast<int>(a.type()) != static_cast<int>(b.type())) return false;
    switch (a.type()) {
        case nlohmann::json::value_t::object: {
            if (a.size() != b.size()) return false;
            auto ib = b.begin();
            for (auto ia = a.begin(); ia != a.end(); ++ia, ++ib) {
                if (ia.key() != ib.key() || !same_value(ia.value(), ib.value())) return false;
            }
            return true;
        }
        case nlohmann::json::value_t::array: {
            if (a.size() != b.size()) return false;
            for (std::size_t i = 0; i < a.size(); ++i)
                if (!same_value(a[i], b[i])) return false;
            return true;
        }
        case nlohmann::json::value_t::string:
            return a.template get_ref<const typename A::string_t&>() == b.template get_ref<const typename B::string_t&>();
        case nlohmann::json::value_t::boolean: return a.template get<bool>() == b.template get<bool>();
        case nlohmann::json::value_t::number_integer:
            return a.template get<std::int64_t>() == b.template get<std::int64_t>();
        case nlohmann::json::value_t::number_unsigned:
            return a.template get<std::uint64_t>() == b.template get<std::uint64_t>();
        case nlohmann::json::value_t::number_float: {
            const double x = a.template get<double>(), y = b.template get<double>();
            return x == y || (x != x && y != y);
        }
        default: return true;  // null, discarded, binary (never produced by a JSON parse)
    }
}

// Deepest nesting of objects and arrays outside strings (a reference independent of source.cpp).
int nesting_depth(const std::string& text) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

// A SAX pass over what nlohmann reads: true when some object repeats a key.
class RepeatedKeyFinder : public nlohmann::json_sax<nlohmann::json> {
public:
    bool found = false;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { m_keys.emplace_back(); return true; }
    bool key(string_t& k) override {
        if (!m_keys.back().insert(k).second) found = true;
        return true;
    }
    bool end_object() override { m_keys.pop_back(); return true; }
    bool start_array(std::size_t) override { m_keys.emplace_back(); return true; }
    bool end_array() override { m_keys.pop_back(); return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    std::vector<std::set<std::string>> m_keys;
};

bool has_repeated_key(const std::string& text) {
    RepeatedKeyFinder finder;
    nlohmann::json::sax_parse(text, &finder);
    return finder.found;
}

bool same_diagnostics(const Diagnostics& a, const Diagnostics& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].code != b[i].code || a[i].message != b[i].message || a[i].line != b[i].line ||
            a[i].column != b[i].column)
            return false;
    }
    return true;
}

void check_json_oracle(const std::string& text) {
    const SourceLimits limits;
    const SourceText source("fuzz.json", text);

    Diagnostics ours_diagnostics;
    const std::optional<nlohmann::json> ours = parse_json(source, limits, ours_diagnostics);
    Diagnostics document_diagnostics;
    const std::optional<Document> document = parse_document(source, limits, document_diagnostics);

    FUZZ_CHECK(ours.has_value() == document.has_value(), "parse_json and parse_document disagree on accepting");
    FUZZ_CHECK(same_diagnostics(ours_diagnostics, document_diagnostics),
               "parse_json and parse_document give different diagnostics");
    if (ours && document) FUZZ_CHECK(same_value(*ours, document->root()), "parse_json and parse_document give different values");
    FUZZ_CHECK(ours.has_value() == ours_diagnostics.empty(), "a refusal without a diagnostic, or an acceptance with one");
    for (const Diagnostic& d : ours_diagnostics) {
        const bool positioned = d.code == "SD1003" || d.code == "SD1004" || d.code == "SD1005";
        if (positioned && d.message.find("out of memory") == std::string::npos)
            FUZZ_CHECK(d.line >= 1 && d.column >= 1, "a syntax diagnostic without line:col");
    }

    nlohmann::json theirs;
    bool theirs_ok = false;
    try {
        theirs = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        theirs_ok = !theirs.is_discarded();
    } catch (const std::exception&) {
        theirs_ok = false;
    }

    if (ours) {
        FUZZ_CHECK(theirs_ok, "we accept a document nlohmann rejects");
        FUZZ_CHECK(same_value(*ours, theirs), "we parse a different value than nlohmann");
        return;
    }
    if (!theirs_ok) return;  // both refuse
    // nlohmann accepts what we refuse: only for the documented stricter rules.
    const bool too_deep = nesting_depth(text) > limits.max_depth;
    const bool has_nul = text.find('\0') != std::string::npos;  // nlohmann stops reading at a NUL
    FUZZ_CHECK(too_deep || has_nul || has_repeated_key(text),
               "we refuse a document nlohmann accepts, and no stricter rule explains it");
}

void check_loader(const std::string& text) {
    LoadResult result = load_scenario_text(text, "fuzz.json");
    FUZZ_CHECK(result.ok() == !has_errors(result.diagnostics), "ok() disagrees with the diagnostics");
    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const Diagnostic& d : result.diagnostics) {
        FUZZ_CHECK(d.code.size() == 6 && d.code.compare(0, 2, "SD") == 0, "a diagnostic code is not SDnnnn");
        FUZZ_CHECK(find_diagnostic_code(d.code) != nullptr, "a diagnostic code missing from the table");
        FUZZ_CHECK(!d.message.empty(), "a diagnostic without a message");
        FUZZ_CHECK(d.line >= 0 && d.line <= lines && d.column >= 0, "a diagnostic positioned outside the text");
        FUZZ_CHECK((d.line == 0) == (d.column == 0), "a diagnostic with a line but no column, or the reverse");
    }
    if (!result.ok()) return;

    // Play a little: the first available option at every decision (bounded).
    Session session(result.scenario, 7);
    std::vector<int> available;
    for (int step = 0; step < 64 && session.state() == SessionState::AwaitingChoice; ++step) {
        const std::size_t capacity = session.current().choices.size();
        if (capacity == 0) break;
        if (available.size() < capacity) available.resize(capacity);
        const std::size_t n = session.available_choices(available.data(), capacity);
        if (n == 0) break;
        session.choose(available[0]);
    }
    if (session.can_undo()) {
        const std::size_t before = session.decision_count();
        session.undo();
        FUZZ_CHECK(session.decision_count() == before - 1, "undo did not take back one decision");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    check_json_oracle(text);
    check_loader(text);
    return 0;
}
