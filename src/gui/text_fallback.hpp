#pragma once
// Make text drawable by our fonts: a pure function applied once, when scenario text is loaded into a
// view (never per frame).
//
// Why: Debian's Dear ImGui 1.86 uses 16-bit ImWchar, so nothing above U+FFFF (every emoji) can be
// drawn, and the atlas holds only the ranges in fonts.hpp (Latin-1, Latin Extended-A, General
// Punctuation, Currency Symbols, U+FFFD). ImGui would draw anything else as its fallback glyph, and
// a zero-width joiner or variation selector between emoji would add more of them.
//
// What it does, per code point of the UTF-8 input:
//   - drawable code points (see is_drawable) are kept unchanged;
//   - common emoji and symbols become readable ASCII: 🙂 ":-)", 😉 ";-)", 😠 ">:(", 👍 "(+1)",
//     ❤ "<3", 😂 ":'D", ✓ "[v]", → "->", ™ "(TM)", ... (see the table in text_fallback.cpp);
//   - a flag (two regional indicators) becomes its country code in brackets: 🇳🇱 "[NL]";
//   - a base letter followed by a combining accent (decomposed text, as macOS produces it) is composed
//     into the precomposed letter when one exists in the font (e + U+0301 -> é); other combining
//     marks are dropped, the base letter stays;
//   - invisible format characters are dropped: ZWJ/ZWNJ/ZWSP, variation selectors, emoji skin-tone
//     modifiers, tag characters, bidi controls, BOM, soft hyphen, C0/C1 controls except '\n' and '\t',
//     '\r' (so CRLF text is fine); U+2028/U+2029 become '\n';
//   - any other code point becomes kUnknownMarker; a run of them (a word in a script we do not load,
//     an emoji ZWJ sequence such as 👩‍💼) becomes one marker;
//   - invalid UTF-8 becomes U+FFFD ("�", which the font draws), one per run of bad bytes.
// The output is valid UTF-8 in which every code point is drawable, '\n' or '\t'.
#include <string>
#include <string_view>

namespace salesdojo::gui {

inline constexpr std::string_view kUnknownMarker = "[?]";

// True when our fonts (DejaVu Sans regular and bold, with the glyph ranges of fonts.hpp) have a
// visible glyph for `code_point`. Invisible format characters count as not drawable.
bool is_drawable(char32_t code_point);

// The readable replacement for one code point that is not drawable ("" when it is dropped,
// kUnknownMarker when there is nothing better). For a drawable code point: its own UTF-8.
std::string fallback_for(char32_t code_point);

// The whole transformation described above.
std::string to_drawable_text(std::string_view utf8);

}  // namespace salesdojo::gui
