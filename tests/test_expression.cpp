// The condition language (include/salesdojo/expression.hpp, src/core/expression.cpp).
//
// Precedence, loosest first: or < and < not < comparison < primary. In particular `not` binds
// LOOSER than a comparison: `not trust == 2` means `not (trust == 2)`, never `(not trust) == 2`
// (which would be a type error anyway). And `and` binds tighter than `or`:
// `a or b and c` means `a or (b and c)`.
//
// Error offsets: a type error that is the fault of one operand points at that operand
// ("'and' needs true/false values, but 'trust' is a number" points at `trust`); a mismatch between
// the two sides of == / != points at the operator.
#include <salesdojo/expression.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

using salesdojo::Expression;
using salesdojo::ExpressionError;
using salesdojo::Symbol;
using salesdojo::SymbolResolver;
using salesdojo::ValueType;

namespace {

enum Slot { kTrust, kKnowsBudget, kMood, kAngry, kMet, kA, kB, kC, kSlotCount };
using Values = std::array<std::int32_t, kSlotCount>;

const std::map<std::string, Symbol, std::less<>>& symbols() {
    static const std::map<std::string, Symbol, std::less<>> table = {
        {"trust", {ValueType::Int, kTrust}},      {"knows_budget", {ValueType::Bool, kKnowsBudget}},
        {"mood", {ValueType::Int, kMood}},        {"angry", {ValueType::Bool, kAngry}},
        {"met", {ValueType::Bool, kMet}},         {"a", {ValueType::Bool, kA}},
        {"b", {ValueType::Bool, kB}},             {"c", {ValueType::Bool, kC}},
    };
    return table;
}

std::optional<Symbol> resolve(std::string_view name) {
    const auto it = symbols().find(name);
    if (it == symbols().end()) return std::nullopt;
    return it->second;
}

struct Result {
    std::optional<Expression> expression;
    std::vector<ExpressionError> errors;
};

Result compile(std::string_view source) {
    Result result;
    result.expression = Expression::compile(source, resolve, result.errors);
    return result;
}

Expression compile_ok(std::string_view source) {
    Result result = compile(source);
    std::string reported;
    for (const ExpressionError& e : result.errors) {
        reported += e.code + " @" + std::to_string(e.offset) + ": " + e.message + "\n";
    }
    INFO("condition: ", std::string(source));
    INFO("errors: ", reported);
    REQUIRE(result.expression.has_value());
    CHECK(result.errors.empty());
    return *result.expression;
}

bool eval(std::string_view source, const Values& values) {
    return compile_ok(source).evaluate(values.data());
}

// The one error `source` must produce.
void check_error(std::string_view source, const char* code, std::size_t offset,
                 const std::string& message_part) {
    const Result result = compile(source);
    INFO("condition: \"", std::string(source), "\"");
    CHECK_FALSE(result.expression.has_value());
    REQUIRE(result.errors.size() == 1);
    const ExpressionError& error = result.errors[0];
    INFO("message: ", error.message);
    CHECK(error.code == code);
    CHECK(error.offset == offset);
    CHECK(error.message.find(message_part) != std::string::npos);
}

void check_syntax(std::string_view source, std::size_t offset, const std::string& message_part) {
    check_error(source, "SD1011", offset, message_part);
}
void check_type(std::string_view source, std::size_t offset, const std::string& message_part) {
    check_error(source, "SD2013", offset, message_part);
}

std::string repeat(std::string_view text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += text;
    return out;
}

}  // namespace

TEST_CASE("expression: evaluates on concrete value arrays") {
    const Expression e = compile_ok("trust >= 2 and not knows_budget");
    CHECK(e.source() == "trust >= 2 and not knows_budget");
    CHECK(e.slots() == std::vector<int>{kTrust, kKnowsBudget});

    Values v{};
    v[kTrust] = 2;
    v[kKnowsBudget] = 0;
    CHECK(e.evaluate(v.data()));
    v[kKnowsBudget] = 1;
    CHECK_FALSE(e.evaluate(v.data()));
    v[kKnowsBudget] = 0;
    v[kTrust] = 1;
    CHECK_FALSE(e.evaluate(v.data()));
    v[kTrust] = 100;
    CHECK(e.evaluate(v.data()));
}

TEST_CASE("expression: every comparison operator") {
    Values v{};
    for (int trust = -3; trust <= 3; ++trust) {
        v[kTrust] = trust;
        CAPTURE(trust);
        CHECK(eval("trust == 1", v) == (trust == 1));
        CHECK(eval("trust != 1", v) == (trust != 1));
        CHECK(eval("trust < 1", v) == (trust < 1));
        CHECK(eval("trust <= 1", v) == (trust <= 1));
        CHECK(eval("trust > 1", v) == (trust > 1));
        CHECK(eval("trust >= 1", v) == (trust >= 1));
        CHECK(eval("1 < trust", v) == (1 < trust));
        CHECK(eval("trust>=-1", v) == (trust >= -1));  // no spaces needed
    }
    v[kTrust] = 4;
    v[kMood] = 4;
    CHECK(eval("trust == mood", v));
    CHECK(eval("trust <= mood", v));
    CHECK_FALSE(eval("trust < mood", v));
}

TEST_CASE("expression: literals") {
    const Values v{};
    CHECK(eval("true", v));
    CHECK_FALSE(eval("false", v));
    CHECK(eval("(true)", v));
    CHECK(eval("-3 < -2", v));
    CHECK(eval("- 3 == -3", v));  // the grammar has "-" INTEGER: a space is allowed
    CHECK(eval("007 == 7", v));
    CHECK(eval("2147483647 > 0", v));
    CHECK(eval("-2147483648 < 0", v));
    CHECK(eval("-2147483648 < 2147483647", v));
    CHECK(eval("0 == -0", v));
    Values w{};
    w[kTrust] = -5;
    CHECK(eval("trust == -5", w));
    CHECK(eval("trust > -6 and trust < -4", w));
}

TEST_CASE("expression: bool equality") {
    Values v{};
    v[kAngry] = 1;
    v[kMet] = 0;
    CHECK(eval("angry == true", v));
    CHECK(eval("angry != false", v));
    CHECK(eval("met == false", v));
    CHECK(eval("angry != met", v));
    CHECK_FALSE(eval("angry == met", v));
    CHECK_FALSE(eval("true == false", v));
    CHECK(eval("(trust > 1) == met", v));  // trust is 0, so both sides are false
    CHECK(eval("(angry and met) == (met and angry)", v));
}

TEST_CASE("expression: not binds looser than a comparison") {
    Values v{};
    v[kTrust] = 2;
    CHECK_FALSE(eval("not trust == 2", v));  // not (trust == 2)
    v[kTrust] = 3;
    CHECK(eval("not trust == 2", v));
    CHECK(eval("not not trust == 3", v));
    v[kAngry] = 1;
    CHECK_FALSE(eval("not angry == true", v));  // not (angry == true)
    CHECK(eval("(not angry) == false", v));
}

TEST_CASE("expression: and binds tighter than or, parentheses override") {
    Values v{};
    v[kA] = 1;
    v[kB] = 0;
    v[kC] = 0;
    CHECK(eval("a or b and c", v));             // a or (b and c)
    CHECK_FALSE(eval("(a or b) and c", v));
    CHECK(eval("b and c or a", v));             // (b and c) or a
    CHECK_FALSE(eval("b and (c or a)", v));
    v[kA] = 0;
    v[kC] = 1;
    CHECK(eval("a and b or c", v));             // (a and b) or c
    CHECK_FALSE(eval("a and (b or c)", v));
    CHECK(eval("not a and c", v));              // (not a) and c
    CHECK_FALSE(eval("not (a or c)", v));
    CHECK(eval("not a or b", v));               // (not a) or b
}

TEST_CASE("expression: slots are sorted and unique") {
    CHECK(compile_ok("mood > 1 and trust > 1 and mood < 5 and not angry").slots() ==
          std::vector<int>{kTrust, kMood, kAngry});
    CHECK(compile_ok("true or 1 == 2").slots().empty());
    CHECK(compile_ok("c and b and a and c").slots() == std::vector<int>{kA, kB, kC});
}

TEST_CASE("expression: a default expression is empty and always true") {
    const Expression e;
    CHECK(e.empty());
    CHECK(e.evaluate(nullptr));
    CHECK_FALSE(compile_ok("true").empty());
}

TEST_CASE("expression: errors are appended to existing ones") {
    std::vector<ExpressionError> errors(2);
    CHECK_FALSE(Expression::compile("trust and", resolve, errors).has_value());
    REQUIRE(errors.size() == 3);
    CHECK(errors[2].code == "SD1011");
    CHECK(Expression::compile("trust > 1", resolve, errors).has_value());
    CHECK(errors.size() == 3);
}

TEST_CASE("expression: syntax errors and their offsets") {
    check_syntax("", 0, "empty condition");
    check_syntax("   \t\n", 0, "empty condition");

    // Running out of input: the offset is the end of the source.
    check_syntax("trust >= 2 and", 14, "unexpected end of condition: expected a value after 'and'");
    check_syntax("trust >= 2 and   ", 17, "expected a value after 'and'");
    check_syntax("not", 3, "expected a value after 'not'");
    check_syntax("trust >", 7, "expected a value after '>'");
    check_syntax("(trust > 1", 10, "missing ')' to close the '(' at column 1");
    check_syntax("angry and (trust > 1 or mood < 2", 32, "missing ')' to close the '(' at column 11");

    // A wrong token: the offset is that token.
    check_syntax("(trust > 1 angry)", 11, "expected ')' to close the '(' at column 1");
    check_syntax("trust >= 2 and )", 15, "unexpected ')'");
    check_syntax("trust > 1)", 9, "unexpected ')'");
    check_syntax(")", 0, "unexpected ')'");
    check_syntax("angry and ()", 11, "empty parentheses");
    check_syntax("and angry", 0, "expected a value, but found 'and'");
    check_syntax("angry and or met", 10, "expected a value after 'and', but found 'or'");
    check_syntax("angry met", 6, "unexpected 'met': expected 'and', 'or' or a comparison");
    check_syntax("1 < trust < 3", 10, "comparisons cannot be chained");
    check_syntax("angry == met == true", 13, "comparisons cannot be chained");
    check_syntax("angry == not met", 9, "'not' cannot directly follow '=='");
    check_syntax("angry not met", 6, "did you mean 'and not'");
    check_syntax("angry AND met", 6, "keywords are lowercase ('and')");

    // Other languages' operators get a pointer to ours.
    check_syntax("angry && met", 6, "use 'and' instead of '&&'");
    check_syntax("angry || met", 6, "use 'or' instead of '||'");
    check_syntax("!angry", 0, "use 'not' instead of '!'");
    check_syntax("angry & met", 6, "use 'and' instead of '&'");
    check_syntax("angry | met", 6, "use 'or' instead of '|'");
    check_syntax("trust = 2", 6, "use '==' to compare, not '='");
    check_syntax("trust => 2", 6, "use '>=' instead of '=>'");
    check_syntax("trust =< 2", 6, "use '<=' instead of '=<'");
    check_syntax("trust <> 2", 6, "use '!=' instead of '<>'");
    check_syntax("trust + 1 > 2", 6, "conditions have no arithmetic");
    check_syntax("trust - 1 > 2", 6, "conditions have no arithmetic");
    check_syntax("trust > -mood", 9, "expected a number after '-'");
    check_syntax("trust > -", 9, "unexpected end of condition: expected a number after '-'");
    check_syntax("mood == \"calm\"", 8, "conditions have no text values");

    // Characters that are not part of the language.
    check_syntax("2x > 1", 0, "'2x' is not a number or a name");
    check_syntax("trust > 1 # note", 10, "unexpected character '#'");
    check_syntax("trust \xE2\x89\xA5 2", 6, "unexpected character '\xE2\x89\xA5'");  // U+2265
    check_syntax("trust \x01 2", 6, "unexpected character (byte 0x01)");
    check_syntax("trust \xFF 2", 6, "unexpected character (byte 0xFF)");
    check_syntax(std::string_view("trust \0 2", 9), 6, "unexpected character (byte 0x00)");

    // The first syntax error wins, even if a lexical error comes later.
    check_syntax("trust > > 1 && x", 8, "expected a value after '>'");
}

TEST_CASE("expression: numbers must fit in 32 bits") {
    check_syntax("trust > 2147483648", 8, "number too large");
    check_syntax("trust > -2147483649", 8, "number too large");
    check_syntax("trust > 99999999999999999999999999999", 8, "number too large");
    check_syntax("trust > -99999999999999999999999999999", 8, "number too large");
}

TEST_CASE("expression: type errors and their offsets") {
    check_type("trust and angry", 0, "'and' needs true/false values, but 'trust' is a number");
    check_type("angry or mood", 9, "'or' needs true/false values, but 'mood' is a number");
    check_type("not trust", 4, "'not' needs a true/false value, but 'trust' is a number");
    check_type("angry < 3", 0, "'<' compares numbers, but 'angry' is true/false");
    check_type("3 >= true", 5, "'>=' compares numbers, but 'true' is true/false");
    check_type("trust >= (angry or met)", 9,
               "'>=' compares numbers, but '(angry or met)' is true/false");
    check_type("trust == angry", 6,
               "'==' needs two values of the same type, but 'trust' is a number and 'angry' is "
               "true/false");
    check_type("true != 1", 5, "'!=' needs two values of the same type");
    check_type("trust", 0, "a condition must be true/false, but 'trust' is a number");
    check_type("(-3)", 0, "a condition must be true/false, but '(-3)' is a number");
    check_type("  42", 2, "a condition must be true/false, but '42' is a number");

    // Each type error is reported, in source order.
    const Result two = compile("1 or 2");
    CHECK_FALSE(two.expression.has_value());
    REQUIRE(two.errors.size() == 2);
    CHECK(two.errors[0].code == "SD2013");
    CHECK(two.errors[0].offset == 0);
    CHECK(two.errors[1].code == "SD2013");
    CHECK(two.errors[1].offset == 5);

    // A type error does not cascade: 'trust and angry' is still true/false for the 'or'.
    const Result one = compile("trust and angry or met");
    CHECK(one.errors.size() == 1);
}

TEST_CASE("expression: unknown names are all reported") {
    const Result result = compile("knows_budgt and trust > 1 or moood == 2 and trsut < 3");
    CHECK_FALSE(result.expression.has_value());
    REQUIRE(result.errors.size() == 3);  // no follow-on type errors from the unknown names
    CHECK(result.errors[0].code == "SD2003");
    CHECK(result.errors[0].offset == 0);
    CHECK(result.errors[0].message == "unknown variable or fact 'knows_budgt'");
    CHECK(result.errors[1].code == "SD2003");
    CHECK(result.errors[1].offset == 29);
    CHECK(result.errors[1].message == "unknown variable or fact 'moood'");
    CHECK(result.errors[2].code == "SD2003");
    CHECK(result.errors[2].offset == 44);
    CHECK(result.errors[2].message == "unknown variable or fact 'trsut'");

    check_error("True and angry", "SD2003", 0, "(keywords are lowercase: 'true')");
    // An unknown name has no type, so it causes no type errors of its own.
    const Result untyped = compile("missing < 3 and other");
    REQUIRE(untyped.errors.size() == 2);
    CHECK(untyped.errors[0].code == "SD2003");
    CHECK(untyped.errors[0].offset == 0);
    CHECK(untyped.errors[1].code == "SD2003");
    CHECK(untyped.errors[1].offset == 16);

    // Mixed with a type error: both, in source order.
    const Result mixed = compile("trust and missing");
    REQUIRE(mixed.errors.size() == 2);
    CHECK(mixed.errors[0].code == "SD2013");
    CHECK(mixed.errors[0].offset == 0);
    CHECK(mixed.errors[1].code == "SD2003");
    CHECK(mixed.errors[1].offset == 10);

    // Names before a syntax error are reported; parsing stops at the syntax error.
    const Result syntax = compile("nope and (");
    REQUIRE(syntax.errors.size() == 2);
    CHECK(syntax.errors[0].code == "SD2003");
    CHECK(syntax.errors[0].offset == 0);
    CHECK(syntax.errors[1].code == "SD1011");
    CHECK(syntax.errors[1].offset == 10);

    // A too-large number does not stop the search for unknown names either.
    const Result number = compile("trust > 9999999999 and nope");
    REQUIRE(number.errors.size() == 2);
    CHECK(number.errors[0].code == "SD1011");
    CHECK(number.errors[1].code == "SD2003");
    CHECK(number.errors[1].offset == 23);
}

TEST_CASE("expression: the resolver is asked about names only") {
    std::vector<std::string> asked;
    const SymbolResolver recording = [&](std::string_view name) -> std::optional<Symbol> {
        asked.emplace_back(name);
        return resolve(name);
    };
    std::vector<ExpressionError> errors;
    CHECK(Expression::compile("not (trust > -1 and true or false) or angry", recording, errors));
    CHECK(asked == std::vector<std::string>{"trust", "angry"});

    // An empty resolver knows no names (and does not throw).
    errors.clear();
    CHECK_FALSE(Expression::compile("trust > 1", SymbolResolver{}, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "SD2003");
}

TEST_CASE("expression: nesting depth is limited to 64") {
    const Values v{};
    CHECK(eval(repeat("(", 64) + "true" + repeat(")", 64), v));
    check_syntax(repeat("(", 65) + "true" + repeat(")", 65), 64, "condition nested too deeply");

    CHECK(eval(repeat("not ", 64) + "true", v));  // an even number of nots
    CHECK_FALSE(eval(repeat("not ", 63) + "true", v));
    check_syntax(repeat("not ", 65) + "true", 256, "condition nested too deeply");

    // Parentheses and nots count together.
    CHECK(eval(repeat("not (", 32) + "true" + repeat(")", 32), v));
    const std::string deep = "not " + repeat("not (", 32) + "true" + repeat(")", 32);
    check_syntax(deep, deep.rfind('('), "condition nested too deeply");

    // Hostile input is refused without deep recursion.
    check_syntax(repeat("(", 4000), 64, "condition nested too deeply");
    check_syntax(repeat("not ", 1000) + "true", 256, "condition nested too deeply");
}

TEST_CASE("expression: source length is limited to 4096 bytes") {
    CHECK(eval("true" + std::string(4092, ' '), Values{}));
    check_syntax("true" + std::string(4093, ' '), 4096, "condition too long");
    check_syntax(repeat("(", 100000), 4096, "condition too long");
}

// The program uses the most stack when every level leaves a value waiting for its right operand:
// `a or b and c == (...)` keeps three values waiting per parenthesis level.
TEST_CASE("expression: the deepest legal program evaluates correctly") {
    constexpr int kLevels = 64;
    std::string source = "a";
    for (int i = 0; i < kLevels; ++i) source = "a or b and c == (" + source + ")";
    const Expression e = compile_ok(source);
    for (int bits = 0; bits < 8; ++bits) {
        Values v{};
        v[kA] = bits & 1;
        v[kB] = (bits >> 1) & 1;
        v[kC] = (bits >> 2) & 1;
        bool expected = v[kA] != 0;
        for (int i = 0; i < kLevels; ++i) expected = v[kA] || (v[kB] && ((v[kC] != 0) == expected));
        CAPTURE(bits);
        CHECK(e.evaluate(v.data()) == expected);
    }
}

namespace {

// Random expressions printed with the fewest parentheses the precedence rules allow, checked
// against a direct evaluation of the tree they were printed from.
struct Generated {
    std::string text;
    int precedence;  // 1 or, 2 and, 3 not, 4 comparison, 5 primary
    std::function<bool(const Values&)> bool_value;
    std::function<std::int32_t(const Values&)> int_value;
};

class Generator {
public:
    explicit Generator(unsigned seed) : m_random(seed) {}

    Generated boolean(int depth) {
        const int choice = depth <= 0 ? pick(0, 1) : pick(0, 7);
        switch (choice) {
        case 0: {
            static const char* const names[] = {"knows_budget", "angry", "met", "a", "b", "c"};
            static const int slots[] = {kKnowsBudget, kAngry, kMet, kA, kB, kC};
            const int i = pick(0, 5);
            const int slot = slots[i];
            return {names[i], 5, [slot](const Values& v) { return v[slot] != 0; }, nullptr};
        }
        case 1: {
            const bool value = pick(0, 1) == 1;
            return {value ? "true" : "false", 5, [value](const Values&) { return value; }, nullptr};
        }
        case 2:
        case 3: {
            Generated l = boolean(depth - 1);
            Generated r = boolean(depth - 1);
            auto lv = l.bool_value, rv = r.bool_value;
            return {wrap(l, 1) + " or " + wrap(r, 2), 1,
                    [lv, rv](const Values& v) { return lv(v) || rv(v); }, nullptr};
        }
        case 4: {
            Generated l = boolean(depth - 1);
            Generated r = boolean(depth - 1);
            auto lv = l.bool_value, rv = r.bool_value;
            return {wrap(l, 2) + " and " + wrap(r, 3), 2,
                    [lv, rv](const Values& v) { return lv(v) && rv(v); }, nullptr};
        }
        case 5: {
            Generated x = boolean(depth - 1);
            auto xv = x.bool_value;
            return {"not " + wrap(x, 3), 3, [xv](const Values& v) { return !xv(v); }, nullptr};
        }
        case 6: {
            Generated l = integer();
            Generated r = integer();
            const int op = pick(0, 5);
            static const char* const ops[] = {" == ", " != ", " < ", " <= ", " > ", " >= "};
            auto lv = l.int_value, rv = r.int_value;
            return {l.text + ops[op] + r.text, 4,
                    [lv, rv, op](const Values& v) {
                        const std::int32_t x = lv(v), y = rv(v);
                        switch (op) {
                        case 0: return x == y;
                        case 1: return x != y;
                        case 2: return x < y;
                        case 3: return x <= y;
                        case 4: return x > y;
                        default: return x >= y;
                        }
                    },
                    nullptr};
        }
        default: {
            Generated l = boolean(depth - 1);
            Generated r = boolean(depth - 1);
            const bool equal = pick(0, 1) == 1;
            auto lv = l.bool_value, rv = r.bool_value;
            return {wrap(l, 5) + (equal ? " == " : " != ") + wrap(r, 5), 4,
                    [lv, rv, equal](const Values& v) { return (lv(v) == rv(v)) == equal; },
                    nullptr};
        }
        }
    }

private:
    Generated integer() {
        if (pick(0, 1) == 0) {
            const int slot = pick(0, 1) == 0 ? kTrust : kMood;
            return {slot == kTrust ? "trust" : "mood", 5, nullptr,
                    [slot](const Values& v) { return v[slot]; }};
        }
        const std::int32_t value = pick(-3, 3);
        return {std::to_string(value), 5, nullptr, [value](const Values&) { return value; }};
    }

    // Parenthesises `g` when its operator binds looser than the context needs, and sometimes
    // anyway (redundant parentheses must not change anything).
    std::string wrap(const Generated& g, int needed) {
        if (g.precedence < needed || pick(0, 9) == 0) return "(" + g.text + ")";
        return g.text;
    }

    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }

    std::mt19937 m_random;
};

}  // namespace

TEST_CASE("expression: random expressions agree with a reference evaluation") {
    Generator generator(20240601u);
    std::mt19937 random(7u);
    std::uniform_int_distribution<int> small(-3, 3);
    std::uniform_int_distribution<int> bit(0, 1);
    for (int round = 0; round < 2000; ++round) {
        const Generated g = generator.boolean(5);
        INFO("condition: ", g.text);
        const Expression e = compile_ok(g.text);
        for (int sample = 0; sample < 8; ++sample) {
            Values v{};
            v[kTrust] = small(random);
            v[kMood] = small(random);
            for (int slot : {kKnowsBudget, kAngry, kMet, kA, kB, kC}) v[slot] = bit(random);
            REQUIRE(e.evaluate(v.data()) == g.bool_value(v));
        }
    }
}
