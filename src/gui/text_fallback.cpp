#include "text_fallback.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace salesdojo::gui {
namespace {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

constexpr char32_t kInvalid = 0xFFFFFFFF;  // marks a run of bytes that is not valid UTF-8

// Decodes one code point at `pos` (strict: no overlongs, no surrogates, nothing above U+10FFFF).
// Returns kInvalid and advances by one byte on malformed input.
char32_t decode(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
    const std::uint8_t b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        extra = 1, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3, cp = b0 & 0x07, min = 0x10000;
    } else {
        ++pos;
        return kInvalid;
    }
    if (pos + static_cast<std::size_t>(extra) >= s.size()) {  // truncated sequence
        ++pos;
        return kInvalid;
    }
    for (int i = 1; i <= extra; ++i) {
        const std::uint8_t b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return kInvalid;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalid;
    }
    pos += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool is_combining_mark(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Invisible characters that only steer shaping, joining or direction: dropped without a trace.
bool is_dropped(char32_t cp) {
    if (cp < 0x20) return cp != '\n' && cp != '\t';  // C0 controls, '\r' included
    if (cp >= 0x7F && cp <= 0x9F) return true;       // DEL and C1 controls
    if (cp == 0x00AD) return true;                   // soft hyphen: ImGui would draw it mid-word
    if (cp == 0x034F) return true;                   // combining grapheme joiner
    if (cp >= 0x180B && cp <= 0x180F) return true;   // Mongolian variation selectors
    if (cp >= 0x200B && cp <= 0x200F) return true;   // ZWSP, ZWNJ, ZWJ, LRM, RLM
    if (cp >= 0x202A && cp <= 0x202E) return true;   // bidi embeddings and overrides
    if (cp >= 0x2060 && cp <= 0x206F) return true;   // word joiner, invisible operators, isolates
    if (cp >= 0xFE00 && cp <= 0xFE0F) return true;   // variation selectors (VS16 = emoji style)
    if (cp == 0xFEFF) return true;                   // BOM / zero-width no-break space
    if (cp >= 0xFFF9 && cp <= 0xFFFB) return true;   // interlinear annotation
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) return true; // emoji skin-tone modifiers
    if (cp >= 0xE0000 && cp <= 0xE007F) return true; // tags (subdivision flags)
    if (cp >= 0xE0100 && cp <= 0xE01EF) return true; // variation selectors supplement
    return false;
}

struct Replacement {
    char32_t code_point;
    const char* text;
};

// Sorted by code point. Emoji as the emoticons people type; symbols as their usual ASCII spelling.
constexpr Replacement kReplacements[] = {
    {0x0218, "\u015E"}, {0x0219, "\u015F"}, {0x021A, "\u0162"}, {0x021B, "\u0163"},  // Romanian
    {0x02BC, "\u2019"}, {0x02C6, "^"}, {0x02DC, "~"},
    {0x20B6, "(livre tournois)"}, {0x20B7, "(spesmilo)"}, {0x20BB, "(mark)"}, {0x20BC, "AZN"},
    {0x20BE, "GEL"}, {0x20BF, "BTC"}, {0x20C0, "SOM"},
    {0x2103, "\u00B0C"}, {0x2109, "\u00B0F"}, {0x2116, "No."}, {0x2122, "(TM)"},
    {0x2190, "<-"}, {0x2191, "^"}, {0x2192, "->"}, {0x2193, "v"}, {0x2194, "<->"},
    {0x21D0, "<="}, {0x21D2, "=>"}, {0x21D4, "<=>"},
    {0x2212, "-"}, {0x2217, "*"}, {0x2248, "~"}, {0x2260, "!="}, {0x2264, "<="}, {0x2265, ">="},
    {0x23F0, "(alarm)"}, {0x23F3, "(wait)"},
    {0x25B6, ">"}, {0x25C0, "<"}, {0x25CB, "o"}, {0x25CF, "*"},
    {0x2600, "(sun)"}, {0x2605, "*"}, {0x2606, "*"}, {0x260E, "(phone)"},
    {0x2611, "[v]"}, {0x2614, "(rain)"}, {0x2615, "(coffee)"},
    {0x261D, "(!)"}, {0x2639, ":-("}, {0x263A, ":-)"},
    {0x26A0, "(!)"}, {0x26A1, "(!)"}, {0x26D4, "(no entry)"},
    {0x2705, "[v]"}, {0x2709, "(e-mail)"}, {0x270B, "(hand)"}, {0x270C, "(v)"},
    {0x270D, "(writing)"}, {0x270F, "(pencil)"},
    {0x2713, "[v]"}, {0x2714, "[v]"}, {0x2715, "x"}, {0x2716, "x"}, {0x2717, "[x]"}, {0x2718, "[x]"},
    {0x2728, "*"}, {0x274C, "[x]"}, {0x274E, "[x]"},
    {0x2753, "?"}, {0x2754, "?"}, {0x2755, "!"}, {0x2757, "!"},
    {0x2763, "<3"}, {0x2764, "<3"}, {0x2795, "+"}, {0x2796, "-"}, {0x27A1, "->"},
    {0x2B05, "<-"}, {0x2B06, "^"}, {0x2B07, "v"}, {0x2B50, "*"},
    {0x1F389, "(party)"}, {0x1F38A, "(party)"},
    {0x1F3C6, "(trophy)"},
    {0x1F440, "(eyes)"}, {0x1F44B, "(wave)"}, {0x1F44C, "(ok)"}, {0x1F44D, "(+1)"},
    {0x1F44E, "(-1)"}, {0x1F44F, "(clap)"}, {0x1F494, "</3"}, {0x1F495, "<3"}, {0x1F496, "<3"},
    {0x1F497, "<3"}, {0x1F499, "<3"}, {0x1F49A, "<3"}, {0x1F49B, "<3"}, {0x1F49C, "<3"},
    {0x1F4A1, "(idea)"}, {0x1F4AA, "(strong)"}, {0x1F4AF, "(100)"}, {0x1F4B0, "($)"},
    {0x1F4B6, "(\u20AC)"}, {0x1F4B8, "($)"}, {0x1F4BC, "(briefcase)"}, {0x1F4C8, "(chart up)"},
    {0x1F4C9, "(chart down)"}, {0x1F4CA, "(chart)"}, {0x1F4DE, "(phone)"}, {0x1F4E7, "(e-mail)"},
    {0x1F4F1, "(phone)"}, {0x1F525, "(fire)"},
    {0x1F600, ":-D"}, {0x1F601, ":-D"}, {0x1F602, ":'D"}, {0x1F603, ":-D"}, {0x1F604, ":-D"},
    {0x1F605, "^^;"}, {0x1F606, "XD"}, {0x1F607, "O:-)"}, {0x1F608, ">:)"}, {0x1F609, ";-)"},
    {0x1F60A, ":-)"}, {0x1F60B, ":-P"}, {0x1F60C, ":-)"}, {0x1F60D, "(love)"}, {0x1F60E, "B-)"},
    {0x1F60F, ":-]"}, {0x1F610, ":-|"}, {0x1F611, ":-|"}, {0x1F612, ":-/"}, {0x1F613, "^^;"},
    {0x1F614, ":-("}, {0x1F615, ":-/"}, {0x1F616, ":-S"}, {0x1F617, ":-*"}, {0x1F618, ":-*"},
    {0x1F619, ":-*"}, {0x1F61A, ":-*"}, {0x1F61B, ":-P"}, {0x1F61C, ";-P"}, {0x1F61D, "XP"},
    {0x1F61E, ":-("}, {0x1F61F, ":-("}, {0x1F620, ">:("}, {0x1F621, ">:("}, {0x1F622, ":'("},
    {0x1F623, ">_<"}, {0x1F624, ">:("}, {0x1F625, ":'("}, {0x1F626, ":-O"}, {0x1F627, ":-O"},
    {0x1F628, ":-O"}, {0x1F629, ":-("}, {0x1F62A, ":'("}, {0x1F62B, ">_<"}, {0x1F62C, ":-S"},
    {0x1F62D, ":'("}, {0x1F62E, ":-O"}, {0x1F62F, ":-O"}, {0x1F630, ":-S"}, {0x1F631, ":-O"},
    {0x1F632, ":-O"}, {0x1F633, ":-$"}, {0x1F634, "(zzz)"}, {0x1F635, "X-("}, {0x1F636, ":-X"},
    {0x1F637, ":-X"},
    {0x1F641, ":-("}, {0x1F642, ":-)"}, {0x1F643, "(-:"}, {0x1F644, "(eye roll)"},
    {0x1F645, "(no)"}, {0x1F646, "(ok)"}, {0x1F64C, "\\o/"}, {0x1F64F, "(please)"},
    {0x1F680, "(rocket)"}, {0x1F6AB, "(no)"},
    {0x1F90F, "(a little)"}, {0x1F910, ":-X"}, {0x1F911, "($)"}, {0x1F914, "(hmm)"},
    {0x1F915, "(hurt)"}, {0x1F91D, "(handshake)"}, {0x1F91E, "(fingers crossed)"},
    {0x1F923, ":'D"}, {0x1F928, "(doubt)"}, {0x1F929, "(star-struck)"}, {0x1F92B, "(shh)"},
    {0x1F92C, ">:("}, {0x1F92D, "(oops)"}, {0x1F92F, "(mind blown)"},
    {0x1F970, "(love)"}, {0x1F971, "(yawn)"}, {0x1F973, "(party)"}, {0x1F97A, "(pleading)"},
    {0x1F9D0, "(hmm)"},
};

// Base letter + combining mark -> precomposed letter in U+00C0..U+017F (generated from the
// Unicode canonical decompositions). Sorted by (base, mark).
struct Composition {
    char32_t base;
    char32_t mark;
    char32_t composed;
};
constexpr Composition kCompositions[] = {
    {0x0041, 0x0300, 0x00C0}, {0x0041, 0x0301, 0x00C1}, {0x0041, 0x0302, 0x00C2}, {0x0041, 0x0303, 0x00C3},
    {0x0041, 0x0304, 0x0100}, {0x0041, 0x0306, 0x0102}, {0x0041, 0x0308, 0x00C4}, {0x0041, 0x030A, 0x00C5},
    {0x0041, 0x0328, 0x0104}, {0x0043, 0x0301, 0x0106}, {0x0043, 0x0302, 0x0108}, {0x0043, 0x0307, 0x010A},
    {0x0043, 0x030C, 0x010C}, {0x0043, 0x0327, 0x00C7}, {0x0044, 0x030C, 0x010E}, {0x0045, 0x0300, 0x00C8},
    {0x0045, 0x0301, 0x00C9}, {0x0045, 0x0302, 0x00CA}, {0x0045, 0x0304, 0x0112}, {0x0045, 0x0306, 0x0114},
    {0x0045, 0x0307, 0x0116}, {0x0045, 0x0308, 0x00CB}, {0x0045, 0x030C, 0x011A}, {0x0045, 0x0328, 0x0118},
    {0x0047, 0x0302, 0x011C}, {0x0047, 0x0306, 0x011E}, {0x0047, 0x0307, 0x0120}, {0x0047, 0x0327, 0x0122},
    {0x0048, 0x0302, 0x0124}, {0x0049, 0x0300, 0x00CC}, {0x0049, 0x0301, 0x00CD}, {0x0049, 0x0302, 0x00CE},
    {0x0049, 0x0303, 0x0128}, {0x0049, 0x0304, 0x012A}, {0x0049, 0x0306, 0x012C}, {0x0049, 0x0307, 0x0130},
    {0x0049, 0x0308, 0x00CF}, {0x0049, 0x0328, 0x012E}, {0x004A, 0x0302, 0x0134}, {0x004B, 0x0327, 0x0136},
    {0x004C, 0x0301, 0x0139}, {0x004C, 0x030C, 0x013D}, {0x004C, 0x0327, 0x013B}, {0x004E, 0x0301, 0x0143},
    {0x004E, 0x0303, 0x00D1}, {0x004E, 0x030C, 0x0147}, {0x004E, 0x0327, 0x0145}, {0x004F, 0x0300, 0x00D2},
    {0x004F, 0x0301, 0x00D3}, {0x004F, 0x0302, 0x00D4}, {0x004F, 0x0303, 0x00D5}, {0x004F, 0x0304, 0x014C},
    {0x004F, 0x0306, 0x014E}, {0x004F, 0x0308, 0x00D6}, {0x004F, 0x030B, 0x0150}, {0x0052, 0x0301, 0x0154},
    {0x0052, 0x030C, 0x0158}, {0x0052, 0x0327, 0x0156}, {0x0053, 0x0301, 0x015A}, {0x0053, 0x0302, 0x015C},
    {0x0053, 0x030C, 0x0160}, {0x0053, 0x0327, 0x015E}, {0x0054, 0x030C, 0x0164}, {0x0054, 0x0327, 0x0162},
    {0x0055, 0x0300, 0x00D9}, {0x0055, 0x0301, 0x00DA}, {0x0055, 0x0302, 0x00DB}, {0x0055, 0x0303, 0x0168},
    {0x0055, 0x0304, 0x016A}, {0x0055, 0x0306, 0x016C}, {0x0055, 0x0308, 0x00DC}, {0x0055, 0x030A, 0x016E},
    {0x0055, 0x030B, 0x0170}, {0x0055, 0x0328, 0x0172}, {0x0057, 0x0302, 0x0174}, {0x0059, 0x0301, 0x00DD},
    {0x0059, 0x0302, 0x0176}, {0x0059, 0x0308, 0x0178}, {0x005A, 0x0301, 0x0179}, {0x005A, 0x0307, 0x017B},
    {0x005A, 0x030C, 0x017D}, {0x0061, 0x0300, 0x00E0}, {0x0061, 0x0301, 0x00E1}, {0x0061, 0x0302, 0x00E2},
    {0x0061, 0x0303, 0x00E3}, {0x0061, 0x0304, 0x0101}, {0x0061, 0x0306, 0x0103}, {0x0061, 0x0308, 0x00E4},
    {0x0061, 0x030A, 0x00E5}, {0x0061, 0x0328, 0x0105}, {0x0063, 0x0301, 0x0107}, {0x0063, 0x0302, 0x0109},
    {0x0063, 0x0307, 0x010B}, {0x0063, 0x030C, 0x010D}, {0x0063, 0x0327, 0x00E7}, {0x0064, 0x030C, 0x010F},
    {0x0065, 0x0300, 0x00E8}, {0x0065, 0x0301, 0x00E9}, {0x0065, 0x0302, 0x00EA}, {0x0065, 0x0304, 0x0113},
    {0x0065, 0x0306, 0x0115}, {0x0065, 0x0307, 0x0117}, {0x0065, 0x0308, 0x00EB}, {0x0065, 0x030C, 0x011B},
    {0x0065, 0x0328, 0x0119}, {0x0067, 0x0302, 0x011D}, {0x0067, 0x0306, 0x011F}, {0x0067, 0x0307, 0x0121},
    {0x0067, 0x0327, 0x0123}, {0x0068, 0x0302, 0x0125}, {0x0069, 0x0300, 0x00EC}, {0x0069, 0x0301, 0x00ED},
    {0x0069, 0x0302, 0x00EE}, {0x0069, 0x0303, 0x0129}, {0x0069, 0x0304, 0x012B}, {0x0069, 0x0306, 0x012D},
    {0x0069, 0x0308, 0x00EF}, {0x0069, 0x0328, 0x012F}, {0x006A, 0x0302, 0x0135}, {0x006B, 0x0327, 0x0137},
    {0x006C, 0x0301, 0x013A}, {0x006C, 0x030C, 0x013E}, {0x006C, 0x0327, 0x013C}, {0x006E, 0x0301, 0x0144},
    {0x006E, 0x0303, 0x00F1}, {0x006E, 0x030C, 0x0148}, {0x006E, 0x0327, 0x0146}, {0x006F, 0x0300, 0x00F2},
    {0x006F, 0x0301, 0x00F3}, {0x006F, 0x0302, 0x00F4}, {0x006F, 0x0303, 0x00F5}, {0x006F, 0x0304, 0x014D},
    {0x006F, 0x0306, 0x014F}, {0x006F, 0x0308, 0x00F6}, {0x006F, 0x030B, 0x0151}, {0x0072, 0x0301, 0x0155},
    {0x0072, 0x030C, 0x0159}, {0x0072, 0x0327, 0x0157}, {0x0073, 0x0301, 0x015B}, {0x0073, 0x0302, 0x015D},
    {0x0073, 0x030C, 0x0161}, {0x0073, 0x0327, 0x015F}, {0x0074, 0x030C, 0x0165}, {0x0074, 0x0327, 0x0163},
    {0x0075, 0x0300, 0x00F9}, {0x0075, 0x0301, 0x00FA}, {0x0075, 0x0302, 0x00FB}, {0x0075, 0x0303, 0x0169},
    {0x0075, 0x0304, 0x016B}, {0x0075, 0x0306, 0x016D}, {0x0075, 0x0308, 0x00FC}, {0x0075, 0x030A, 0x016F},
    {0x0075, 0x030B, 0x0171}, {0x0075, 0x0328, 0x0173}, {0x0077, 0x0302, 0x0175}, {0x0079, 0x0301, 0x00FD},
    {0x0079, 0x0302, 0x0177}, {0x0079, 0x0308, 0x00FF}, {0x007A, 0x0301, 0x017A}, {0x007A, 0x0307, 0x017C},
    {0x007A, 0x030C, 0x017E},
};

template <typename T, std::size_t N, typename Less>
constexpr bool sorted(const T (&a)[N], Less less) {
    for (std::size_t i = 1; i < N; ++i) {
        if (!less(a[i - 1], a[i])) return false;
    }
    return true;
}
static_assert(sorted(kReplacements, [](const Replacement& a, const Replacement& b) {
                  return a.code_point < b.code_point;
              }),
              "kReplacements must be sorted by code point (binary search)");
static_assert(sorted(kCompositions, [](const Composition& a, const Composition& b) {
                  return a.base < b.base || (a.base == b.base && a.mark < b.mark);
              }),
              "kCompositions must be sorted by (base, mark)");

char32_t compose(char32_t base, char32_t mark) {
    const auto it = std::lower_bound(std::begin(kCompositions), std::end(kCompositions), base,
                                     [](const Composition& c, char32_t b) { return c.base < b; });
    for (auto i = it; i != std::end(kCompositions) && i->base == base; ++i) {
        if (i->mark == mark) return i->composed;
    }
    return 0;
}

const char* replacement_for(char32_t cp) {
    const auto it = std::lower_bound(std::begin(kReplacements), std::end(kReplacements), cp,
                                     [](const Replacement& r, char32_t c) { return r.code_point < c; });
    return (it != std::end(kReplacements) && it->code_point == cp) ? it->text : nullptr;
}

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

}  // namespace

bool is_drawable(char32_t cp) {
    if (is_dropped(cp)) return false;
    if (cp >= 0x20 && cp <= 0x7E) return true;
    if (cp >= 0xA0 && cp <= 0x17F) return true;
    if (cp == 0x2028 || cp == 0x2029) return false;  // line/paragraph separators: become '\n'
    if (cp >= 0x2000 && cp <= 0x206F) return true;    // minus the invisible ones, dropped above
    if (cp >= 0x20A0 && cp <= 0x20CF) {
        // DejaVu Sans 2.37 lacks these currency signs.
        return cp <= 0x20B5 || cp == 0x20B8 || cp == 0x20B9 || cp == 0x20BA || cp == 0x20BD;
    }
    return cp == 0xFFFD;
}

std::string fallback_for(char32_t cp) {
    std::string out;
    if (cp == '\n' || cp == '\t' || is_drawable(cp)) {
        append_utf8(out, cp);
    } else if (cp == 0x2028 || cp == 0x2029) {
        out = "\n";
    } else if (is_dropped(cp) || is_combining_mark(cp)) {
        // nothing
    } else if (const char* text = replacement_for(cp)) {
        out = text;
    } else {
        out = std::string(kUnknownMarker);
    }
    return out;
}

std::string to_drawable_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    enum class Last { Text, Unknown, Invalid, Emoji };
    Last last = Last::Text;
    bool swallow_next = false;  // after emoji + ZWJ: the joined code point belongs to the same emoji
    std::size_t base_pos = std::string::npos;  // where the last ASCII letter starts in `out`
    char32_t base = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t cp = decode(s, pos);
        if (cp == kInvalid) {
            if (last != Last::Invalid) append_utf8(out, 0xFFFD);
            last = Last::Invalid;
            swallow_next = false;
            base_pos = std::string::npos;
            continue;
        }
        if (is_combining_mark(cp)) {
            if (base_pos != std::string::npos) {
                if (const char32_t composed = compose(base, cp)) {
                    out.resize(base_pos);
                    append_utf8(out, composed);
                }
                base_pos = std::string::npos;  // one mark per letter; further marks are dropped
            }
            continue;
        }
        if (cp == 0x200D) {  // zero-width joiner: joins the next code point to an emoji
            swallow_next = last == Last::Emoji || last == Last::Unknown;
            continue;
        }
        if (is_dropped(cp)) continue;  // invisible; does not break a run of unknowns
        if (swallow_next) {
            swallow_next = false;
            continue;
        }
        base_pos = std::string::npos;
        if (is_regional_indicator(cp)) {
            std::size_t next = pos;
            const char32_t second = next < s.size() ? decode(s, next) : kInvalid;
            if (second != kInvalid && is_regional_indicator(second)) {
                out += '[';
                out += static_cast<char>('A' + (cp - 0x1F1E6));
                out += static_cast<char>('A' + (second - 0x1F1E6));
                out += ']';
                pos = next;
                last = Last::Emoji;
                continue;
            }
        }
        if (cp == '\n' || cp == '\t' || is_drawable(cp)) {
            if (cp < 0x80) {
                base_pos = out.size();
                base = cp;
            }
            append_utf8(out, cp);
            last = Last::Text;
        } else if (cp == 0x2028 || cp == 0x2029) {
            out += '\n';
            last = Last::Text;
        } else if (const char* text = replacement_for(cp)) {
            out += text;
            last = Last::Emoji;
        } else {
            if (last != Last::Unknown) out += kUnknownMarker;
            last = Last::Unknown;
        }
    }
    return out;
}

}  // namespace salesdojo::gui
