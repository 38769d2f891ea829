// parse_document (the loader's fast parser into an arena) must agree with nlohmann::json::parse on
// every input: the same tree when nlohmann accepts, a diagnostic when nlohmann rejects.
#include <doctest/doctest.h>

#include <salesdojo/source.hpp>

#include <random>

using namespace salesdojo;

namespace {

nlohmann::json random_value(std::mt19937& rng, int depth) {
    std::uniform_int_distribution<int> kind(0, depth > 4 ? 4 : 6);
    switch (kind(rng)) {
        case 0: return nullptr;
        case 1: return rng() % 2 == 0;
        case 2: return static_cast<std::int64_t>(rng() % 2000) - 1000;
        case 3: return (static_cast<double>(rng() % 100000) - 50000) / 64.0;
        case 4: {
            static const char* pieces[] = {"a", "é", "€", "\"", "\\", "\n", "\t", "één", "“x”", " ", "\x01", "🙂"};
            std::string s;
            for (int i = static_cast<int>(rng() % 6); i > 0; --i) s += pieces[rng() % 12];
            return s;
        }
        case 5: {
            nlohmann::json array = nlohmann::json::array();
            for (int i = static_cast<int>(rng() % 5); i > 0; --i) array.push_back(random_value(rng, depth + 1));
            return array;
        }
        default: {
            nlohmann::json object = nlohmann::json::object();
            for (int i = static_cast<int>(rng() % 5); i > 0; --i)
                object["k" + std::to_string(rng() % 8)] = random_value(rng, depth + 1);
            return object;
        }
    }
}

std::string mutate(std::string text, std::mt19937& rng) {
    static const char alphabet[] = "{}[],:\"\\ 0123456789.eE+-truefalsnl\n\x80\xff";
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < edits && !text.empty(); ++i) {
        std::size_t at = rng() % text.size();
        switch (rng() % 3) {
            case 0: text.erase(at, 1); break;
            case 1: text.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]); break;
            default: text[at] = alphabet[rng() % (sizeof alphabet - 1)]; break;
        }
    }
    return text;
}

}  // namespace

TEST_CASE("parse_document agrees with nlohmann on random valid and broken documents") {
    std::mt19937 rng(20261123);
    int accepted = 0, rejected = 0;
    for (int i = 0; i < 6000; ++i) {
        nlohmann::json value = random_value(rng, 0);
        std::string text = value.dump(rng() % 2 ? 2 : -1);
        if (i % 2 == 1) text = mutate(text, rng);
        nlohmann::json expected;
        bool nlohmann_ok = true;
        try {
            expected = nlohmann::json::parse(text);
        } catch (const std::exception&) {
            nlohmann_ok = false;
        }
        SourceText source("random.json", text);
        Diagnostics diagnostics;
        auto document = parse_document(source, SourceLimits{}, diagnostics);
        CAPTURE(text);
        if (nlohmann_ok && !diagnostics.empty() && diagnostics[0].code != "SD1005") {
            // Our stricter checks (UTF-8, depth, repeated keys) may refuse what nlohmann takes:
            // never the reverse.
            CHECK((diagnostics[0].code == "SD1003" || diagnostics[0].code == "SD1004" || diagnostics[0].code == "SD1013"));
            continue;
        }
        CHECK(document.has_value() == nlohmann_ok);
        if (document && nlohmann_ok) {
            CHECK(document->root().dump() == expected.dump());
            ++accepted;
        } else {
            CHECK_FALSE(diagnostics.empty());
            ++rejected;
        }
    }
    CHECK(accepted > 2500);
    CHECK(rejected > 1000);
}
