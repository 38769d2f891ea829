// LocalizedText: plain strings count for every language; translations fall back sensibly.
#include <doctest/doctest.h>

#include <salesdojo/text.hpp>

using salesdojo::LocalizedText;

TEST_CASE("a plain string is the same in every language") {
    LocalizedText name;
    name.by_language[""] = "Ingrid";
    CHECK(name.is_plain());
    CHECK(name.has("nl"));
    CHECK(name.get("en") == "Ingrid");
}

TEST_CASE("translations are found by language, with a fallback") {
    LocalizedText t;
    t.by_language["nl"] = "Goedemorgen";
    t.by_language["en"] = "Good morning";
    CHECK(t.get("nl") == "Goedemorgen");
    CHECK(t.get("en") == "Good morning");
    CHECK_FALSE(t.has("de"));
    CHECK(t.get("de") == "Good morning");  // the first translation in key order ("en" < "nl")
    CHECK(LocalizedText{}.get("nl").empty());
}
