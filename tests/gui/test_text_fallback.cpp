// to_drawable_text: emoji and undrawable code points become readable text, never boxes.
#include "text_fallback.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace salesdojo::gui;

namespace {

// Minimal strict decoder for checking outputs.
std::vector<char32_t> code_points(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        REQUIRE(n > 0);
        REQUIRE(i + n <= s.size());
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (int k = 1; k < n; ++k) {
            REQUIRE((static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80);
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        out.push_back(cp);
        i += n;
    }
    return out;
}

void check_all_drawable(const std::string& s) {
    for (char32_t cp : code_points(s)) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK((cp == '\n' || cp == '\t' || is_drawable(cp)));
    }
}

}  // namespace

TEST_CASE("emoji become emoticons") {
    CHECK(to_drawable_text("\U0001F642") == ":-)");
    CHECK(to_drawable_text("\U0001F609") == ";-)");
    CHECK(to_drawable_text("\U0001F620") == ">:(");
    CHECK(to_drawable_text("\U0001F44D") == "(+1)");
    CHECK(to_drawable_text("\u2764") == "<3");
    CHECK(to_drawable_text("\U0001F602") == ":'D");
    CHECK(to_drawable_text("Prima \U0001F642!") == "Prima :-)!");
}

TEST_CASE("variation selectors, skin tones and ZWJ never produce boxes") {
    CHECK(to_drawable_text("\u2764\uFE0F") == "<3");                   // red heart, emoji style
    CHECK(to_drawable_text("\U0001F44D\U0001F3FD") == "(+1)");          // thumbs up, medium skin
    CHECK(to_drawable_text("\u2764\uFE0F\u200D\U0001F525") == "<3");   // heart on fire: one emoji
    CHECK(to_drawable_text("\U0001F469\u200D\U0001F4BC") == "[?]");     // woman office worker
    CHECK(to_drawable_text("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466") == "[?]");
    CHECK(to_drawable_text("a\u200Db") == "ab");                          // stray ZWJ in text
    CHECK(to_drawable_text("1\uFE0F\u20E3") == "1");                      // keycap one
    CHECK(to_drawable_text("zero\u200Bwidth\uFEFF") == "zerowidth");
}

TEST_CASE("unknown code points become one readable marker per run") {
    CHECK(to_drawable_text("\U0001FAE0") == "[?]");                       // melting face
    CHECK(to_drawable_text("x \u65E5\u672C\u8A9E y") == "x [?] y");       // a word in CJK
    CHECK(to_drawable_text("\u0391\u0392 \u0393") == "[?] [?]");          // Greek is not loaded
    CHECK(fallback_for(0x1FAE0) == std::string(kUnknownMarker));
    CHECK(fallback_for(0xE000) == std::string(kUnknownMarker));            // private use
}

TEST_CASE("flags become country codes") {
    CHECK(to_drawable_text("\U0001F1F3\U0001F1F1") == "[NL]");
    CHECK(to_drawable_text("\U0001F1E7\U0001F1EA en \U0001F1F3\U0001F1F1") == "[BE] en [NL]");
    CHECK(to_drawable_text("\U0001F1F3") == "[?]");  // a lone regional indicator
}

TEST_CASE("Dutch and typographic text passes through unchanged") {
    const std::string dutch =
        "\u00e9\u00e9n ge\u00efnteresseerde re\u00fcnie \u2014 \u201caanhalingstekens\u201d \u2013 \u20ac 1.000 "
        "\u2026 \u2018co\u00f6rdinatie\u2019 \u201ecre\u00ebren\u201d \u0133s \u2022 \u00bd \u00a0";
    CHECK(to_drawable_text(dutch) == dutch);
    CHECK(to_drawable_text("regel 1\nregel 2\tkolom") == "regel 1\nregel 2\tkolom");
}

TEST_CASE("decomposed accents are composed, other combining marks are dropped") {
    CHECK(to_drawable_text("caf\u0065\u0301") == "caf\u00e9");
    CHECK(to_drawable_text("re\u0075\u0308nie") == "re\u00fcnie");
    CHECK(to_drawable_text("co\u006f\u0308rdinatie") == "co\u00f6rdinatie");
    CHECK(to_drawable_text("e\u0301\u0301") == "\u00e9");   // a second mark is dropped
    CHECK(to_drawable_text("q\u0301") == "q");               // no precomposed q-acute
    CHECK(to_drawable_text("\u0301x") == "x");               // a mark with no base
}

TEST_CASE("controls, CRLF, line separators and invalid UTF-8") {
    CHECK(to_drawable_text("a\r\nb") == "a\nb");
    CHECK(to_drawable_text(std::string("a\0b", 3)) == "ab");
    CHECK(to_drawable_text("a\x1b[0mb") == "a[0mb");
    CHECK(to_drawable_text("a\u2028b") == "a\nb");
    CHECK(to_drawable_text("soft\u00adhyphen") == "softhyphen");
    CHECK(to_drawable_text("\xff\xfe ok") == "\uFFFD ok");     // one replacement per bad run
    CHECK(to_drawable_text("\xc3") == "\uFFFD");               // truncated sequence
    CHECK(to_drawable_text("\xe2\x82") == "\uFFFD");
    CHECK(to_drawable_text("\xed\xa0\x80") == "\uFFFD");       // UTF-16 surrogate in UTF-8
    CHECK(to_drawable_text("\xc0\xaf") == "\uFFFD");           // overlong '/'
    CHECK(to_drawable_text("") == "");
}

TEST_CASE("symbols outside the loaded ranges get ASCII spellings") {
    CHECK(to_drawable_text("\u2192") == "->");
    CHECK(to_drawable_text("\u2713") == "[v]");
    CHECK(to_drawable_text("\u2122") == "(TM)");
    CHECK(to_drawable_text("\u20BF") == "BTC");
    CHECK(to_drawable_text("\u0219") == "\u015F");  // Romanian s-comma -> s-cedilla
    CHECK(to_drawable_text("\u20AC") == "\u20AC");  // euro stays
}

TEST_CASE("output is always drawable and the transformation is idempotent") {
    const std::vector<std::string> inputs = {
        "\U0001F642\U0001F609\U0001F620\U0001F44D\u2764\uFE0F\U0001F602",
        "\U0001F469\u200D\U0001F4BC \U0001F1F3\U0001F1F1 \u65E5\u672C",
        "\xff\xc3 e\u0301 \u200D\u200D \u2028 \r\n\t\x7f\xc2\x85",
        "\u20B6\u20C0\u20CF\u2065\u2069\u206F\u0080\u009F",
    };
    for (const std::string& input : inputs) {
        CAPTURE(input);
        const std::string once = to_drawable_text(input);
        check_all_drawable(once);
        CHECK(to_drawable_text(once) == once);
    }
    // Every BMP code point on its own, and every plane-1 emoji block code point.
    for (char32_t cp = 1; cp < 0x20000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        if (cp >= 0x10000 && cp < 0x1F000) continue;
        const std::string out = fallback_for(cp);
        for (char32_t c : code_points(out)) {
            if (!(c == '\n' || c == '\t' || is_drawable(c))) {
                FAIL("fallback_for(" << static_cast<unsigned>(cp) << ") contains undrawable " << static_cast<unsigned>(c));
            }
        }
    }
}
