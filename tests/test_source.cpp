// SourceText (offsets, pointers, positions), parse_json's checks and read_source_file's refusals.
#include <salesdojo/source.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

#if defined(__unix__) || defined(__unix) || (defined(__APPLE__) && defined(__MACH__))
#define SALESDOJO_TEST_POSIX 1
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#endif

using namespace salesdojo;
namespace fs = std::filesystem;

namespace {

Position at_pointer(const SourceText& source, std::string_view pointer) {
    const auto offset = source.offset_of_pointer(pointer);
    REQUIRE_MESSAGE(offset.has_value(), "pointer does not resolve: " << pointer);
    return source.position_of_offset(*offset);
}

Position at_key(const SourceText& source, std::string_view pointer) {
    const auto offset = source.offset_of_key(pointer);
    REQUIRE_MESSAGE(offset.has_value(), "pointer does not resolve: " << pointer);
    return source.position_of_offset(*offset);
}

// The character at the value a pointer names.
char char_at(const SourceText& source, std::string_view pointer) {
    const auto offset = source.offset_of_pointer(pointer);
    REQUIRE_MESSAGE(offset.has_value(), "pointer does not resolve: " << pointer);
    REQUIRE(*offset < source.text().size());
    return source.text()[*offset];
}

void check_position(Position p, int line, int column) {
    CHECK(p.line == line);
    CHECK(p.column == column);
}

// Parses text that must be refused with exactly one diagnostic, and returns it.
Diagnostic parse_failure(const std::string& text, const SourceLimits& limits = {}) {
    SourceText source("scenario.json", text);
    Diagnostics out;
    const auto json = parse_json(source, limits, out);
    CHECK_FALSE(json.has_value());
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == Severity::Error);
    CHECK(out[0].file == "scenario.json");
    return out[0];
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        std::random_device rd;
        const std::string name = "salesdojo-test-source-" + std::to_string(rd()) + "-" +
                                 std::to_string(counter++);
        m_path = fs::temp_directory_path() / name;
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    fs::path operator/(const std::string& name) const { return m_path / name; }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

void write_file(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    REQUIRE(out.good());
}

Diagnostic read_failure(const fs::path& path, const SourceLimits& limits = {}) {
    Diagnostics out;
    const auto text = read_source_file(path.string(), limits, out);
    CHECK_FALSE(text.has_value());
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == Severity::Error);
    CHECK(out[0].file == path.string());
    CHECK(out[0].line == 0);
    CHECK(out[0].column == 0);
    return out[0];
}

const std::string k_nested =
    "{\n"                                                     // 1
    "  \"title\": \"Cold call\",\n"                           // 2
    "  \"nodes\": [\n"                                        // 3
    "    {\"id\": \"start\", \"choices\": [\n"                // 4
    "      {\"next\": \"a\"},\n"                              // 5
    "      {\"next\": \"b\", \"label\": \"x\"}\n"             // 6
    "    ]},\n"                                               // 7
    "    {\"id\": \"a\"},\n"                                  // 8
    "    {\"id\": \"b\"},\n"                                  // 9
    "    {\"id\": \"c\", \"choices\": [ { \"next\" : \"end\" } ]}\n"  // 10
    "  ]\n"                                                   // 11
    "}\n";                                                    // 12

}  // namespace

// --- positions -----------------------------------------------------------------------------------

TEST_CASE("position_of_offset: lines and columns, clamped at the end") {
    SourceText source("f.json", "ab\ncd\n");
    check_position(source.position_of_offset(0), 1, 1);
    check_position(source.position_of_offset(1), 1, 2);
    check_position(source.position_of_offset(2), 1, 3);  // the newline itself
    check_position(source.position_of_offset(3), 2, 1);
    check_position(source.position_of_offset(5), 2, 3);
    check_position(source.position_of_offset(6), 3, 1);  // the end
    check_position(source.position_of_offset(1000), 3, 1);

    SourceText empty("f.json", "");
    check_position(empty.position_of_offset(0), 1, 1);
    check_position(empty.position_of_offset(7), 1, 1);
}

TEST_CASE("position_of_offset: columns count UTF-8 characters, not bytes") {
    // {"één": 1, "x": "ü"}   é and ü are two bytes each
    SourceText source("f.json", "{\"\xC3\xA9\xC3\xA9n\": 1, \"x\": \"\xC3\xBC\"}");
    check_position(source.position_of_offset(10), 1, 9);  // the 1
    check_position(at_pointer(source, "/\xC3\xA9\xC3\xA9n"), 1, 9);
    check_position(at_key(source, "/\xC3\xA9\xC3\xA9n"), 1, 2);
    check_position(at_pointer(source, "/x"), 1, 17);
    // An offset inside a multi-byte character points at that character.
    check_position(source.position_of_offset(3), 1, 3);
    check_position(source.position_of_offset(2), 1, 3);
}

TEST_CASE("position_of_offset: a byte order mark takes no column") {
    SourceText source("f.json", "\xEF\xBB\xBF{\"a\": 1}");
    check_position(at_pointer(source, ""), 1, 1);
    check_position(at_pointer(source, "/a"), 1, 7);
}

// --- JSON pointers -------------------------------------------------------------------------------

TEST_CASE("offset_of_pointer: nested objects and arrays over several lines") {
    SourceText source("f.json", k_nested);
    check_position(at_pointer(source, ""), 1, 1);
    check_position(at_pointer(source, "/title"), 2, 12);
    check_position(at_pointer(source, "/nodes"), 3, 12);
    check_position(at_pointer(source, "/nodes/0"), 4, 5);
    check_position(at_pointer(source, "/nodes/0/id"), 4, 12);
    check_position(at_pointer(source, "/nodes/0/choices"), 4, 32);
    check_position(at_pointer(source, "/nodes/0/choices/0"), 5, 7);
    check_position(at_pointer(source, "/nodes/0/choices/0/next"), 5, 16);
    check_position(at_pointer(source, "/nodes/0/choices/1/next"), 6, 16);
    check_position(at_pointer(source, "/nodes/0/choices/1/label"), 6, 30);
    check_position(at_pointer(source, "/nodes/1"), 8, 5);
    check_position(at_pointer(source, "/nodes/2/id"), 9, 12);
    check_position(at_pointer(source, "/nodes/3/choices/0"), 10, 30);
    check_position(at_pointer(source, "/nodes/3/choices/0/next"), 10, 41);
}

TEST_CASE("offset_of_pointer: pointers that do not resolve") {
    SourceText source("f.json", k_nested);
    CHECK_FALSE(source.offset_of_pointer("/nodes/4"));
    CHECK_FALSE(source.offset_of_pointer("/nodes/-"));
    CHECK_FALSE(source.offset_of_pointer("/nodes/01"));
    CHECK_FALSE(source.offset_of_pointer("/nodes/x"));
    CHECK_FALSE(source.offset_of_pointer("/nodes/0/choices/2"));
    CHECK_FALSE(source.offset_of_pointer("/title/0"));  // a string has no children
    CHECK_FALSE(source.offset_of_pointer("/missing"));
    CHECK_FALSE(source.offset_of_pointer("title"));  // no leading slash
    CHECK_FALSE(source.offset_of_pointer("/nodes/0/choices/0/next/x"));
    CHECK_FALSE(source.offset_of_pointer("/nodes/99999999999999999999999"));

    SourceText blank("f.json", "  \n ");
    CHECK_FALSE(blank.offset_of_pointer(""));
    CHECK_FALSE(blank.offset_of_pointer("/a"));
    SourceText broken("f.json", "{\"a\": [1, 2");
    CHECK_FALSE(broken.offset_of_pointer("/a/2"));
    CHECK(broken.offset_of_pointer("/a/1") == 10u);
}

TEST_CASE("offset_of_pointer: escaped keys and RFC 6901 ~0 ~1") {
    SourceText source("f.json",
                      R"({"a\"b": 1, "c\\d": 2, "\u00e9": 3, "a/b": 4, "m~n": 5, "": 6, )"
                      R"("\ud83d\ude00": 7, "x\/y": 8})");
    CHECK(char_at(source, "/a\"b") == '1');
    CHECK(char_at(source, "/c\\d") == '2');
    CHECK(char_at(source, "/\xC3\xA9") == '3');
    CHECK(char_at(source, "/a~1b") == '4');
    CHECK(char_at(source, "/m~0n") == '5');
    CHECK(char_at(source, "/") == '6');
    CHECK(char_at(source, "/\xF0\x9F\x98\x80") == '7');
    CHECK(char_at(source, "/x~1y") == '8');
    CHECK_FALSE(source.offset_of_pointer("/a/b"));
    CHECK_FALSE(source.offset_of_pointer("/m~2n"));
    CHECK_FALSE(source.offset_of_pointer("/m~"));
}

TEST_CASE("offset_of_pointer: the last of duplicate keys wins, as in nlohmann") {
    const std::string text = R"({"x": 1, "y": {"x": 9}, "x": 2})";
    SourceText source("f.json", text);
    CHECK(char_at(source, "/x") == '2');
    CHECK(source.offset_of_key("/x") == text.rfind("\"x\""));
    CHECK(char_at(source, "/y/x") == '9');
    CHECK(nlohmann::json::parse(text)["x"] == 2);
}

TEST_CASE("offset_of_pointer: brackets and quotes inside skipped strings") {
    SourceText source("f.json", R"({"a": "}]\"{[", "b": [ "]", {"c": "\\"} ], "d": 4})");
    CHECK(char_at(source, "/d") == '4');
    CHECK(char_at(source, "/b/1/c") == '"');
    CHECK(char_at(source, "/b/0") == '"');
}

TEST_CASE("offset_of_pointer: skipping a deeply nested value does not recurse") {
    const std::size_t depth = 200000;
    const std::string text =
        "{\"a\": " + std::string(depth, '[') + std::string(depth, ']') + ", \"b\": 7}";
    SourceText source("f.json", text);
    CHECK(char_at(source, "/b") == '7');
    CHECK(char_at(source, "/a/0/0/0") == '[');
}

TEST_CASE("offset_of_key: the key of a member, the value of an element") {
    SourceText source("f.json", k_nested);
    check_position(at_key(source, "/title"), 2, 3);
    check_position(at_key(source, "/nodes/0/choices/1/label"), 6, 21);
    check_position(at_key(source, "/nodes/3/choices/0/next"), 10, 32);
    check_position(at_key(source, "/nodes/1"), 8, 5);
    check_position(at_key(source, ""), 1, 1);
    CHECK_FALSE(source.offset_of_key("/nope"));
}

// --- positions inside strings --------------------------------------------------------------------

TEST_CASE("position_in_string: counts decoded bytes across escapes") {
    // decoded: a \n b ' ' é(2) x ' ' " q " ' ' 😀(4) z  =  17 bytes
    SourceText source("f.json", R"({"when": "a\nb \u00e9x \"q\" \ud83d\ude00z", "n": 5})");
    check_position(source.position_in_string("/when", 0), 1, 11);   // a
    check_position(source.position_in_string("/when", 1), 1, 12);  // \n
    check_position(source.position_in_string("/when", 2), 1, 14);  // b
    check_position(source.position_in_string("/when", 3), 1, 15);  // space
    check_position(source.position_in_string("/when", 4), 1, 16);  // \u00e9
    check_position(source.position_in_string("/when", 5), 1, 16);  // inside \u00e9
    check_position(source.position_in_string("/when", 6), 1, 22);  // x
    check_position(source.position_in_string("/when", 8), 1, 24);  // \"
    check_position(source.position_in_string("/when", 9), 1, 26);  // q
    check_position(source.position_in_string("/when", 10), 1, 27);  // \"
    check_position(source.position_in_string("/when", 12), 1, 30);  // surrogate pair
    check_position(source.position_in_string("/when", 15), 1, 30);
    check_position(source.position_in_string("/when", 16), 1, 42);  // z
    check_position(source.position_in_string("/when", 17), 1, 43);  // the closing quote
    // Anything off falls back to the value, or the start of the document.
    check_position(source.position_in_string("/when", 18), 1, 10);
    check_position(source.position_in_string("/n", 0), 1, 51);
    check_position(source.position_in_string("/missing", 3), 1, 1);
}

TEST_CASE("position_in_string: raw multi-byte characters") {
    SourceText source("f.json", "{\"t\": \"\xC3\xA9\xC3\xA9n x\"}");
    check_position(source.position_in_string("/t", 0), 1, 8);
    check_position(source.position_in_string("/t", 1), 1, 8);  // inside the first é
    check_position(source.position_in_string("/t", 2), 1, 9);
    check_position(source.position_in_string("/t", 4), 1, 10);  // n
    check_position(source.position_in_string("/t", 6), 1, 12);  // x
}

TEST_CASE("make: positions a diagnostic at the pointer's value") {
    SourceText source("scenarios/cold.json", k_nested);
    const Diagnostic d =
        source.make("SD1009", "unknown key \"label\"", "/nodes/0/choices/1/label");
    CHECK(d.severity == Severity::Warning);
    CHECK(d.code == "SD1009");
    CHECK(d.message == "unknown key \"label\"");
    CHECK(d.file == "scenarios/cold.json");
    CHECK(d.pointer == "/nodes/0/choices/1/label");
    CHECK(d.line == 6);
    CHECK(d.column == 30);

    const Diagnostic lost = source.make("SD2002", "m", "/nodes/9");
    CHECK(lost.line == 1);
    CHECK(lost.column == 1);
    CHECK(lost.pointer == "/nodes/9");
}

// --- parse_json ----------------------------------------------------------------------------------

TEST_CASE("parse_json: a valid document") {
    SourceText source("f.json", "\xEF\xBB\xBF{\"a\": [1, 2], \"\xC3\xA9\": \"\xF0\x9F\x98\x80\"}");
    Diagnostics out;
    const auto json = parse_json(source, {}, out);
    REQUIRE(json.has_value());
    CHECK(out.empty());
    CHECK((*json)["a"][1] == 2);

    // Any top-level value is returned; the loader decides that it must be an object.
    SourceText array("f.json", "[1]");
    const auto arr = parse_json(array, {}, out);
    REQUIRE(arr.has_value());
    CHECK(arr->is_array());
    CHECK(out.empty());
}

TEST_CASE("parse_json: empty and whitespace-only files") {
    for (const std::string text : {"", " \n\t\r\n ", "\xEF\xBB\xBF"}) {
        const Diagnostic d = parse_failure(text);
        CHECK(d.code == "SD1005");
        CHECK(d.message == "file is empty; a scenario is a JSON object");
        CHECK(d.line == 1);
        CHECK(d.column == 1);
    }
}

TEST_CASE("parse_json: syntax errors are positioned and readable") {
    SUBCASE("not JSON at all") {
        const Diagnostic d = parse_failure("hello world");
        CHECK(d.code == "SD1005");
        CHECK(d.message == "JSON syntax error: unexpected 'hello'; expected a string, number, "
                           "object, array, true, false or null");
        CHECK(d.line == 1);
        CHECK(d.column == 1);
    }
    SUBCASE("truncated") {
        const Diagnostic d = parse_failure("{\"a\": [1, 2");
        CHECK(d.code == "SD1005");
        CHECK(d.message == "JSON syntax error: the file ends in the middle of a value");
        CHECK(d.line == 1);
        CHECK(d.column == 12);
    }
    SUBCASE("truncated, with trailing blank lines") {
        const Diagnostic d = parse_failure("{\n  \"a\": [1, 2\n\n\n");
        CHECK(d.message == "JSON syntax error: the file ends in the middle of a value");
        CHECK(d.line == 2);
        CHECK(d.column == 13);
    }
    SUBCASE("trailing comma") {
        const Diagnostic d = parse_failure("{\"a\": 1,}");
        CHECK(d.code == "SD1005");
        CHECK(d.message ==
              "JSON syntax error: unexpected '}' after a comma (JSON does not allow trailing commas)");
        CHECK(d.line == 1);
        CHECK(d.column == 9);
        const Diagnostic e = parse_failure("{\"a\": [1, 2,\n  ]}");
        CHECK(e.message ==
              "JSON syntax error: unexpected ']' after a comma (JSON does not allow trailing commas)");
        CHECK(e.line == 2);
        CHECK(e.column == 3);
    }
    SUBCASE("missing comma") {
        const Diagnostic d = parse_failure("{\n  \"a\": 1\n  \"b\": 2\n}");
        CHECK(d.message ==
              "JSON syntax error: unexpected string; expected ',' or '}' (is a comma missing?)");
        CHECK(d.line == 3);
        CHECK(d.column == 3);
    }
    SUBCASE("NaN and Infinity") {
        const Diagnostic d = parse_failure("{\"a\": NaN}");
        CHECK(d.message == "JSON syntax error: NaN is not valid JSON");
        CHECK(d.line == 1);
        CHECK(d.column == 7);
        const Diagnostic e = parse_failure("{\"a\": -Infinity}");
        CHECK(e.message == "JSON syntax error: Infinity is not valid JSON");
        CHECK(e.column == 7);
        const Diagnostic f = parse_failure("[\n  nan\n]");
        CHECK(f.message == "JSON syntax error: NaN is not valid JSON");
        CHECK(f.line == 2);
        CHECK(f.column == 3);
    }
    SUBCASE("other common mistakes") {
        const Diagnostic single = parse_failure("{'a': 1}");
        CHECK(single.message == "JSON syntax error: strings must be in double quotes, not single quotes");
        CHECK(single.column == 2);
        const Diagnostic comment = parse_failure("// notes\n{}");
        CHECK(comment.message == "JSON syntax error: comments are not allowed in JSON");
        check_position(Position{comment.line, comment.column}, 1, 1);
        const Diagnostic upper = parse_failure("{\"a\": True}");
        CHECK(upper.message ==
              "JSON syntax error: 'True' is not valid JSON; write true, false or null in lowercase");
        CHECK(upper.column == 7);
        const Diagnostic quote = parse_failure("{\"a\": \"abc");
        CHECK(quote.message == "JSON syntax error: a string is missing its closing quote");
        CHECK(quote.column == 7);
        const Diagnostic number = parse_failure("{\"a\": 1.}");
        CHECK(number.message == "JSON syntax error: invalid number '1.'");
        CHECK(number.column == 7);
        const Diagnostic two = parse_failure("{} {}");
        CHECK(two.message == "JSON syntax error: unexpected '{'; expected the end of the file");
        CHECK(two.column == 4);
        const Diagnostic escape = parse_failure(R"({"a": "\x"})");
        CHECK(escape.message == "JSON syntax error: invalid string: forbidden character after backslash");
        CHECK(escape.column == 9);
        const Diagnostic overflow = parse_failure("{\"a\": [1, 1e999]}");
        CHECK(overflow.message == "JSON syntax error: the number '1e999' is out of range");
        CHECK(overflow.column == 11);
        const Diagnostic newline = parse_failure("{\"a\": \"ab\ncd\"}");
        CHECK(contains(newline.message, "line break inside a string"));
        CHECK(newline.line == 1);
        CHECK(newline.column == 10);
    }
}

TEST_CASE("parse_json: invalid UTF-8 is refused before parsing, at the first bad byte") {
    SUBCASE("0xFF") {
        const Diagnostic d = parse_failure("{\"a\": \"x\xFF\"}");
        CHECK(d.code == "SD1003");
        CHECK(d.message == "invalid UTF-8 (byte 0xFF at offset 8: this byte never appears in "
                           "UTF-8); save the file as UTF-8");
        CHECK(d.line == 1);
        CHECK(d.column == 9);
    }
    SUBCASE("overlong 0xC0 0xAF") {
        const Diagnostic d = parse_failure("{\"a\": \"\xC0\xAF\"}");
        CHECK(d.code == "SD1003");
        CHECK(contains(d.message, "byte 0xC0 at offset 7: overlong encoding"));
        CHECK(d.column == 8);
    }
    SUBCASE("overlong three-byte form") {
        const Diagnostic d = parse_failure("[\"\xE0\x80\xAF\"]");
        CHECK(contains(d.message, "byte 0xE0 at offset 2: overlong encoding"));
    }
    SUBCASE("a surrogate encoded in UTF-8") {
        const Diagnostic d = parse_failure("{\"a\": \"\xED\xA0\x80\"}");
        CHECK(d.code == "SD1003");
        CHECK(contains(d.message, "byte 0xED at offset 7: encoded UTF-16 surrogate"));
        CHECK(d.column == 8);
    }
    SUBCASE("above U+10FFFF") {
        const Diagnostic d = parse_failure("[\"\xF4\x90\x80\x80\"]");
        CHECK(contains(d.message, "byte 0xF4 at offset 2: code point above U+10FFFF"));
    }
    SUBCASE("truncated sequences") {
        const Diagnostic d = parse_failure("[\"\xC3\"]");
        CHECK(contains(d.message, "byte 0xC3 at offset 2: incomplete multi-byte sequence"));
        const Diagnostic e = parse_failure("[\"\xE2\x82");
        CHECK(contains(e.message, "byte 0xE2 at offset 2: the file ends in the middle of a character"));
        const Diagnostic f = parse_failure("[\"\x80\"]");
        CHECK(contains(f.message, "byte 0x80 at offset 2: a continuation byte without a lead byte"));
    }
    SUBCASE("on a later line, after multi-byte characters") {
        const Diagnostic d = parse_failure("{\n  \"\xC3\xA9\": \"\xFF\"\n}");
        CHECK(d.code == "SD1003");
        CHECK(d.line == 2);
        CHECK(d.column == 9);
    }
    SUBCASE("UTF-16") {
        const Diagnostic d = parse_failure(std::string("\xFF\xFE{\0}\0", 6));
        CHECK(d.message == "the file looks like UTF-16 (little-endian), not UTF-8; save it as UTF-8");
    }
    SUBCASE("UTF-32 is not called UTF-16") {
        CHECK(parse_failure(std::string("\xFF\xFE\0\0{\0\0\0", 8)).message ==
              "the file looks like UTF-32 (little-endian), not UTF-8; save it as UTF-8");
        CHECK(parse_failure(std::string("\0\0\0{\0\0\0}", 8)).message ==
              "the file looks like UTF-32 (big-endian), not UTF-8; save it as UTF-8");
        CHECK(parse_failure(std::string("{\0}\0", 4)).message ==
              "the file looks like UTF-16 (little-endian), not UTF-8; save it as UTF-8");
    }
}

TEST_CASE("parse_json: a repeated key is an error naming both places") {
    const Diagnostic d = parse_failure("{\"nodes\": [],\n \"id\": \"x\",\n \"nodes\": [1]}");
    CHECK(d.code == "SD1013");
    CHECK(d.message == "key 'nodes' appears twice in this object (first at line 1, column 2); keys must be "
                       "unique, or the first value would be silently lost");
    CHECK(d.line == 3);
    CHECK(d.column == 2);
    // The same key in two different objects is fine.
    SourceText ok("f.json", "{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}}");
    Diagnostics out;
    CHECK(parse_json(ok, {}, out).has_value());
    CHECK(out.empty());
}

TEST_CASE("parse_json: NUL bytes are named, never taken for the end of the file") {
    const Diagnostic after = parse_failure(std::string("{\"a\": 1}\0{\"b\": 2}", 18));
    CHECK(after.code == "SD1005");
    CHECK(after.message == "JSON syntax error: a NUL byte (U+0000) after the end of the document; nothing may follow "
                           "the top-level value");
    CHECK(after.column == 9);
    const Diagnostic inside = parse_failure(std::string("{\"a\": \"x\0y\"}", 13));
    CHECK(inside.message == "JSON syntax error: invalid string: a NUL byte (U+0000) inside a string; write it as \\u0000");
    CHECK(inside.column == 9);
    const Diagnostic between = parse_failure(std::string("{\"a\": \0 1}", 10));
    CHECK(between.message == "JSON syntax error: unexpected NUL byte (U+0000); a JSON file holds no NUL bytes");
    CHECK(between.column == 7);
}

TEST_CASE("parse_json: nesting depth is checked before parsing") {
    SUBCASE("200,000 levels are refused at the 65th") {
        const std::string text(200000, '[');
        const Diagnostic d = parse_failure(text);
        CHECK(d.code == "SD1004");
        CHECK(d.message == "nesting is deeper than 64 levels");
        CHECK(d.line == 1);
        CHECK(d.column == 65);
    }
    SUBCASE("64 levels are fine, 65 are not") {
        SourceText ok("f.json", std::string(64, '[') + std::string(64, ']'));
        Diagnostics out;
        CHECK(parse_json(ok, {}, out).has_value());
        CHECK(out.empty());
        const Diagnostic d = parse_failure("{\"a\":\n" + std::string(64, '[') + std::string(64, ']') + "}");
        CHECK(d.code == "SD1004");
        CHECK(d.line == 2);
        CHECK(d.column == 64);
    }
    SUBCASE("brackets inside strings do not count") {
        SourceText ok("f.json", "{\"a\": \"" + std::string(500, '[') + "\\\"" + std::string(500, '{') + "\"}");
        Diagnostics out;
        CHECK(parse_json(ok, {}, out).has_value());
        CHECK(out.empty());
    }
    SUBCASE("the limit is configurable") {
        SourceLimits limits;
        limits.max_depth = 2;
        const Diagnostic d = parse_failure("{\"a\": {\"b\": [1]}}", limits);
        CHECK(d.code == "SD1004");
        CHECK(d.message == "nesting is deeper than 2 levels");
        CHECK(d.column == 13);
    }
}

TEST_CASE("parse_json: text over the size limit") {
    SourceLimits limits;
    limits.max_bytes = 8;
    const Diagnostic d = parse_failure("{\"a\": 123}", limits);
    CHECK(d.code == "SD1002");
    CHECK(d.message == "file is 10 bytes; the limit is 8 bytes");
}

TEST_CASE("parse_json and the pointer scanner survive random bytes") {
    std::mt19937 rng(20240601u);
    const std::string alphabet = "{}[]\",:0123456789.-+eEtrufalsnNI \n\t\\u/~\xC3\xA9\xFF";
    for (int round = 0; round < 3000; ++round) {
        const std::size_t length = rng() % 120;
        std::string text;
        for (std::size_t i = 0; i < length; ++i) {
            if (round % 2 == 0)
                text += static_cast<char>(rng() & 0xFF);
            else
                text += alphabet[rng() % alphabet.size()];
        }
        SourceText source("random.json", text);
        Diagnostics out;
        const auto json = parse_json(source, {}, out);
        if (json) {
            CHECK(out.empty());
        } else {
            REQUIRE(out.size() == 1);
            const std::string& code = out[0].code;
            CHECK((code == "SD1003" || code == "SD1004" || code == "SD1005"));
            CHECK(out[0].line >= 1);
            CHECK(out[0].column >= 1);
        }
        for (const char* pointer : {"", "/", "/a", "/0", "/0/0", "/a/0/b", "/~1", "/u"}) {
            const auto offset = source.offset_of_pointer(pointer);
            if (offset) CHECK(*offset <= text.size());
            const Position p = source.position_in_string(pointer, rng() % 8);
            CHECK(p.line >= 1);
            (void)source.offset_of_key(pointer);
            (void)source.make("SD1007", "m", pointer);
        }
        (void)source.position_of_offset(rng() % (text.size() + 2));
    }
}

// --- read_source_file ----------------------------------------------------------------------------

TEST_CASE("read_source_file: reads a regular file, also through a symbolic link") {
    TempDir dir;
    const std::string content = "{\"a\": \"\xC3\xA9\"}\n";
    write_file(dir / "ok.json", content);
    Diagnostics out;
    const auto text = read_source_file((dir / "ok.json").string(), {}, out);
    REQUIRE(text.has_value());
    CHECK(*text == content);
    CHECK(out.empty());

    std::error_code ec;
    fs::create_symlink(dir / "ok.json", dir / "link.json", ec);
    if (!ec) {
        const auto linked = read_source_file((dir / "link.json").string(), {}, out);
        REQUIRE(linked.has_value());
        CHECK(*linked == content);
        CHECK(out.empty());
    }

    write_file(dir / "empty.json", "");
    const auto empty = read_source_file((dir / "empty.json").string(), {}, out);
    REQUIRE(empty.has_value());
    CHECK(empty->empty());
    CHECK(out.empty());
}

TEST_CASE("read_source_file: a missing file") {
    TempDir dir;
    const Diagnostic d = read_failure(dir / "nope.json");
    CHECK(d.code == "SD1001");
    CHECK(d.message == "cannot read file: no such file");
    const Diagnostic e = read_failure(dir / "nope" / "deeper.json");
    CHECK(e.message == "cannot read file: no such file");
    Diagnostics out;
    CHECK_FALSE(read_source_file("", {}, out).has_value());
    REQUIRE(out.size() == 1);
    CHECK(out[0].code == "SD1001");
}

TEST_CASE("read_source_file: a directory") {
    TempDir dir;
    const Diagnostic d = read_failure(dir.path());
    CHECK(d.code == "SD1001");
    CHECK(d.message == "cannot read file: it is a directory, not a scenario file");
}

TEST_CASE("read_source_file: symbolic link loop and dangling link") {
    TempDir dir;
    std::error_code ec;
    fs::create_symlink(dir / "b.json", dir / "a.json", ec);
    fs::create_symlink(dir / "a.json", dir / "b.json", ec);
    if (ec) {
        MESSAGE("symbolic links are not available here: " << ec.message());
        return;
    }
    const Diagnostic d = read_failure(dir / "a.json");
    CHECK(d.code == "SD1001");
    CHECK(contains(d.message, "symbolic link loop"));

    fs::create_symlink(dir / "gone.json", dir / "dangling.json", ec);
    REQUIRE_FALSE(ec);
    const Diagnostic e = read_failure(dir / "dangling.json");
    CHECK(e.code == "SD1001");
    CHECK(contains(e.message, "no such file"));
}

TEST_CASE("read_source_file: larger than the limit") {
    TempDir dir;
    SUBCASE("a 40 MiB string is refused without reading it") {
        const std::size_t size = 40u * 1024u * 1024u;
        {
            std::ofstream out(dir / "huge.json", std::ios::binary);
            out << "{\"a\": \"";
            const std::string block(1024 * 1024, 'x');
            std::size_t written = 7;
            while (written + block.size() <= size - 2) {
                out << block;
                written += block.size();
            }
            out << std::string(size - 2 - written, 'x') << "\"}";
            REQUIRE(out.good());
        }
        REQUIRE(fs::file_size(dir / "huge.json") == size);
        const Diagnostic d = read_failure(dir / "huge.json");
        CHECK(d.code == "SD1002");
        CHECK(d.message == "file is 41943040 bytes; the limit is 32 MiB (33554432 bytes)");
    }
    SUBCASE("exactly at the limit is fine, one byte over is not") {
        SourceLimits limits;
        limits.max_bytes = 10;
        write_file(dir / "ten.json", "[1,2,3,45]");
        Diagnostics out;
        const auto text = read_source_file((dir / "ten.json").string(), limits, out);
        REQUIRE(text.has_value());
        CHECK(text->size() == 10);
        CHECK(out.empty());
        write_file(dir / "eleven.json", "[1,2,3,456]");
        const Diagnostic d = read_failure(dir / "eleven.json", limits);
        CHECK(d.code == "SD1002");
        CHECK(d.message == "file is 11 bytes; the limit is 10 bytes");
    }
    SUBCASE("the limit is described in KiB when it is a whole number of them") {
        SourceLimits limits;
        limits.max_bytes = 2048;
        write_file(dir / "big.json", std::string(3000, ' '));
        const Diagnostic d = read_failure(dir / "big.json", limits);
        CHECK(d.message == "file is 3000 bytes; the limit is 2 KiB (2048 bytes)");
    }
}

#if defined(SALESDOJO_TEST_POSIX)
TEST_CASE("read_source_file: a FIFO is refused without blocking") {
    TempDir dir;
    const fs::path fifo = dir / "pipe.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const Diagnostic d = read_failure(fifo);
    CHECK(d.code == "SD1001");
    CHECK(d.message == "cannot read file: not a regular file (it is a FIFO)");
}

TEST_CASE("read_source_file: devices are refused without reading") {
    if (!fs::exists("/dev/zero")) return;
    const Diagnostic d = read_failure("/dev/zero");
    CHECK(d.code == "SD1001");
    CHECK(d.message == "cannot read file: not a regular file (it is a character device)");
}

TEST_CASE("read_source_file: permission denied") {
    TempDir dir;
    const fs::path locked = dir / "locked.json";
    write_file(locked, "{}");
    fs::permissions(locked, fs::perms::none);
    if (::access(locked.c_str(), R_OK) == 0) {
        MESSAGE("running with privileges that ignore file permissions; skipped");
    } else {
        const Diagnostic d = read_failure(locked);
        CHECK(d.code == "SD1001");
        CHECK(d.message == "cannot read file: permission denied");
    }
    fs::permissions(locked, fs::perms::owner_all);
}
#endif
