// The condition language: tokenizer, recursive-descent parser with type checking, and the stack
// machine that evaluates the compiled program. See include/salesdojo/expression.hpp for the grammar.
//
// Error codes: SD1011 syntax (including the limits below), SD2003 unknown name, SD2013 type error.
// Offsets are byte offsets into the condition source.
//
// Error recovery: unknown names and type errors do not stop the parser (an unknown name compiles to a
// placeholder of "unknown" type that never triggers further type errors), so one run reports every
// unknown name and every type error up to the first syntax error. A syntax error stops parsing.
//
// Stack bound: the parser emits plain postfix code (no jumps). While the right operand of a binary
// operator is being evaluated, the left operand waits on the stack. Within one parenthesis level
// there are only three binary levels (or, and, comparison; each chain is left-associative, so at
// most one value waits per level) and `not` adds nothing, so each '(' adds at most 3 waiting values
// and a leaf pushes 1: depth <= 3 * (parens + 1) + 1 <= 3 * (kMaxNesting + 1) + 1 = 196 for
// kMaxNesting = 64. compile() also measures the real depth of every program and refuses anything
// above kStackCapacity, so evaluate() can never overrun its fixed stack.
#include <salesdojo/expression.hpp>

#include "condition_words.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace salesdojo {

namespace {

constexpr std::size_t kMaxSourceBytes = 4096;
constexpr int kMaxNesting = 64;  // parentheses and `not`, counted together
constexpr std::size_t kStackCapacity = 256;
static_assert(kStackCapacity >= 3 * (kMaxNesting + 1) + 1, "see 'Stack bound' above");

// An error from a descriptor and its arguments (the code and message filled in from the table).
ExpressionError expression_error(std::size_t offset, const DiagnosticText& text) {
    return ExpressionError{offset, text.code(), text.message()};
}

enum class Tok : std::uint8_t {
    End, Int, Name, True, False, And, Or, Not, LParen, RParen, Minus,
    Eq, Ne, Lt, Le, Gt, Ge,
    Invalid  // a lexical error; `message` says what is wrong. Always the last token before End.
};

struct Token {
    Tok kind = Tok::End;
    std::size_t offset = 0;
    std::size_t length = 0;
    DiagnosticText message;  // Invalid only
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

bool is_comparison(Tok t) {
    return t == Tok::Eq || t == Tok::Ne || t == Tok::Lt || t == Tok::Le || t == Tok::Gt ||
           t == Tok::Ge;
}

// 'text', shortened when long so that messages stay readable.
std::string quote(std::string_view text) {
    constexpr std::size_t kMax = 40;
    if (text.size() > kMax) return "'" + std::string(text.substr(0, kMax - 3)) + "...'";
    return "'" + std::string(text) + "'";
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// "and" for "AND", "True" ...; empty when `name` is not a keyword spelled with capitals.
std::string keyword_in_other_case(std::string_view name) {
    const std::string lower = lower_ascii(name);
    if (lower == name) return {};
    for (const char* keyword : {"and", "or", "not", "true", "false"}) {
        if (lower == keyword) return lower;
    }
    return {};
}

Token make_token(Tok kind, std::size_t offset, std::size_t length) {
    Token token;
    token.kind = kind;
    token.offset = offset;
    token.length = length;
    return token;
}

Token invalid_token(std::size_t offset, std::size_t length, DiagnosticId id, std::vector<std::string> args = {}) {
    Token token = make_token(Tok::Invalid, offset, length);
    token.message = DiagnosticText{id, std::move(args)};
    return token;
}

// The character starting at `i` for an "unexpected character" message: a whole UTF-8 sequence when
// there is one, so that "≥" is shown as itself rather than as a broken byte.
Token unexpected_character(std::string_view src, std::size_t i) {
    const auto byte = static_cast<unsigned char>(src[i]);
    if (byte < 0x20 || byte == 0x7f) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
        return invalid_token(i, 1, DiagnosticId::UnexpectedByte, {buffer});
    }
    std::size_t length = 1;
    if (byte >= 0xC0) {
        const std::size_t expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
        while (length < expected && i + length < src.size() &&
               (static_cast<unsigned char>(src[i + length]) & 0xC0) == 0x80) {
            ++length;
        }
    }
    if (byte >= 0x80 && (byte < 0xC0 || length == 1)) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
        return invalid_token(i, 1, DiagnosticId::UnexpectedByte, {buffer});
    }
    return invalid_token(i, length, DiagnosticId::UnexpectedCharacter, {quote(src.substr(i, length))});
}

// Splits the whole source into tokens. Stops at the first lexical error (an Invalid token); the
// result always ends with an End token at offset src.size().
std::vector<Token> tokenize(std::string_view src) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    const std::size_t n = src.size();
    auto next_is = [&](std::size_t at, char c) { return at < n && src[at] == c; };
    while (i < n) {
        const char c = src[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (is_name_start(c)) {
            while (i < n && is_name_char(src[i])) ++i;
            const std::string_view word = src.substr(start, i - start);
            Tok kind = Tok::Name;
            if (word == "and") kind = Tok::And;
            else if (word == "or") kind = Tok::Or;
            else if (word == "not") kind = Tok::Not;
            else if (word == "true") kind = Tok::True;
            else if (word == "false") kind = Tok::False;
            tokens.push_back(make_token(kind, start, i - start));
            continue;
        }
        if (is_digit(c)) {
            while (i < n && is_digit(src[i])) ++i;
            if (i < n && is_name_start(src[i])) {
                while (i < n && is_name_char(src[i])) ++i;
                tokens.push_back(invalid_token(start, i - start, DiagnosticId::NameStartsWithDigit,
                                               {quote(src.substr(start, i - start))}));
                break;
            }
            tokens.push_back(make_token(Tok::Int, start, i - start));
            continue;
        }
        Token token;
        switch (c) {
        case '(': token = make_token(Tok::LParen, start, 1); break;
        case ')': token = make_token(Tok::RParen, start, 1); break;
        case '-': token = make_token(Tok::Minus, start, 1); break;
        case '=':
            if (next_is(i + 1, '=')) token = make_token(Tok::Eq, start, 2);
            else if (next_is(i + 1, '>')) token = invalid_token(start, 2, DiagnosticId::UseOtherOperator, {">=", "=>"});
            else if (next_is(i + 1, '<')) token = invalid_token(start, 2, DiagnosticId::UseOtherOperator, {"<=", "=<"});
            else token = invalid_token(start, 1, DiagnosticId::UseDoubleEquals);
            break;
        case '!':
            if (next_is(i + 1, '=')) token = make_token(Tok::Ne, start, 2);
            else token = invalid_token(start, 1, DiagnosticId::UseOtherOperator, {"not", "!"});
            break;
        case '<':
            if (next_is(i + 1, '=')) token = make_token(Tok::Le, start, 2);
            else if (next_is(i + 1, '>')) token = invalid_token(start, 2, DiagnosticId::UseOtherOperator, {"!=", "<>"});
            else token = make_token(Tok::Lt, start, 1);
            break;
        case '>':
            if (next_is(i + 1, '=')) token = make_token(Tok::Ge, start, 2);
            else token = make_token(Tok::Gt, start, 1);
            break;
        case '&':
            if (next_is(i + 1, '&')) token = invalid_token(start, 2, DiagnosticId::UseOtherOperator, {"and", "&&"});
            else token = invalid_token(start, 1, DiagnosticId::UseOtherOperator, {"and", "&"});
            break;
        case '|':
            if (next_is(i + 1, '|')) token = invalid_token(start, 2, DiagnosticId::UseOtherOperator, {"or", "||"});
            else token = invalid_token(start, 1, DiagnosticId::UseOtherOperator, {"or", "|"});
            break;
        case '+':
        case '*':
        case '/':
        case '%':
            token = invalid_token(start, 1, DiagnosticId::NoArithmetic, {quote(src.substr(start, 1))});
            break;
        case '"':
        case '\'':
            token = invalid_token(start, 1, DiagnosticId::NoTextValues);
            break;
        default: token = unexpected_character(src, i); break;
        }
        i += token.length;
        const bool invalid = token.kind == Tok::Invalid;
        tokens.push_back(std::move(token));
        if (invalid) break;
    }
    tokens.push_back(make_token(Tok::End, n, 0));
    return tokens;
}

enum class Type : std::uint8_t { Int, Bool, Unknown };  // Unknown: an unresolved name

const char* type_phrase(Type type) { return type == Type::Int ? "a number" : "true/false"; }

using Op = Expression::Op;
using Instruction = Expression::Instruction;

class Parser {
public:
    Parser(std::string_view src, const SymbolResolver& resolve, std::vector<ExpressionError>& errors)
        : m_src(src), m_tokens(tokenize(src)), m_resolve(resolve), m_errors(errors) {}

    // Parses the whole source. Returns false when any error was reported.
    bool run() {
        const std::optional<Operand> top = parse_or();
        if (!top) return false;
        if (peek().kind != Tok::End) {
            unexpected_after_value(peek(), nullptr);
            return false;
        }
        if (top->type == Type::Int) {
            type_error(top->begin, DiagnosticId::ConditionIsNumber, {describe(*top)});
        }
        if (!m_failed && m_max_stack > kStackCapacity) {
            // Unreachable with the limits above (see "Stack bound"); kept as a hard guarantee.
            syntax_error(0, DiagnosticId::ConditionTooComplex);
        }
        return !m_failed;
    }

    std::vector<Instruction>& code() { return m_code; }
    std::vector<int>& slots() { return m_slots; }

private:
    struct Operand {
        Type type;
        std::size_t begin;  // source range, for messages
        std::size_t end;
    };

    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& advance() { return m_tokens[m_pos++]; }
    std::string_view text(const Token& token) const { return m_src.substr(token.offset, token.length); }

    void add_error(std::size_t offset, DiagnosticText text) {
        m_errors.push_back(expression_error(offset, std::move(text)));
        m_failed = true;
    }
    void syntax_error(std::size_t offset, DiagnosticId id, std::vector<std::string> args = {}) {
        add_error(offset, DiagnosticText{id, std::move(args)});
    }
    void syntax_error(std::size_t offset, const DiagnosticText& lexical) { add_error(offset, lexical); }
    void type_error(std::size_t offset, DiagnosticId id, std::vector<std::string> args) {
        add_error(offset, DiagnosticText{id, std::move(args)});
    }

    // "'trust'" or, for a long operand, "this value".
    std::string describe(const Operand& operand) const {
        const std::string_view span = m_src.substr(operand.begin, operand.end - operand.begin);
        if (span.size() > 40) return "this value";
        return quote(span);
    }

    void emit(Op op, std::int32_t operand = 0) {
        m_code.push_back(Instruction{op, operand});
        if (op == Op::PushConst || op == Op::PushSlot) {
            if (++m_stack > m_max_stack) m_max_stack = m_stack;
        } else if (op != Op::Not) {
            --m_stack;  // binary operators: two values in, one out
        }
    }

    bool enter(const Token& token) {
        if (++m_nesting > kMaxNesting) {
            syntax_error(token.offset, DiagnosticId::ConditionTooDeep, {std::to_string(kMaxNesting)});
            return false;
        }
        return true;
    }
    void leave() { --m_nesting; }

    // or := and ("or" and)*      and := not ("and" not)*
    std::optional<Operand> parse_or() { return parse_binary_chain(Tok::Or); }
    std::optional<Operand> parse_and() { return parse_binary_chain(Tok::And); }

    std::optional<Operand> parse_binary_chain(Tok keyword) {
        const bool is_or = keyword == Tok::Or;
        auto operand = [&]() { return is_or ? parse_and() : parse_not(); };
        std::optional<Operand> left = operand();
        if (!left) return std::nullopt;
        while (peek().kind == keyword) {
            advance();
            const std::optional<Operand> right = operand();
            if (!right) return std::nullopt;
            const char* word = is_or ? "or" : "and";
            if (left->type == Type::Int) type_error(left->begin, DiagnosticId::LogicNeedsBool, {word, describe(*left)});
            if (right->type == Type::Int) type_error(right->begin, DiagnosticId::LogicNeedsBool, {word, describe(*right)});
            emit(is_or ? Op::Or : Op::And);
            left = Operand{Type::Bool, left->begin, right->end};
        }
        return left;
    }

    // not := "not" not | comparison      (so `not trust == 2` means `not (trust == 2)`)
    std::optional<Operand> parse_not() {
        if (peek().kind != Tok::Not) return parse_comparison();
        const Token& op = advance();
        if (!enter(op)) return std::nullopt;
        const std::optional<Operand> inner = parse_not();
        leave();
        if (!inner) return std::nullopt;
        if (inner->type == Type::Int) {
            type_error(inner->begin, DiagnosticId::NotNeedsBool, {describe(*inner)});
        }
        emit(Op::Not);
        return Operand{Type::Bool, op.offset, inner->end};
    }

    // comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
    std::optional<Operand> parse_comparison() {
        const std::optional<Operand> left = parse_primary();
        if (!left) return std::nullopt;
        if (!is_comparison(peek().kind)) return left;
        const Token& op = advance();
        const std::optional<Operand> right = parse_primary();
        if (!right) return std::nullopt;
        const std::string op_text = quote(text(op));
        if (op.kind == Tok::Eq || op.kind == Tok::Ne) {
            if (left->type != Type::Unknown && right->type != Type::Unknown &&
                left->type != right->type) {
                type_error(op.offset, DiagnosticId::EqualityMixesTypes,
                           {op_text, describe(*left), type_phrase(left->type), describe(*right), type_phrase(right->type)});
            }
        } else {
            for (const Operand* side : {&*left, &*right}) {
                if (side->type == Type::Bool) {
                    type_error(side->begin, DiagnosticId::ComparisonNeedsNumbers, {op_text, describe(*side)});
                }
            }
        }
        Op code = Op::Eq;
        switch (op.kind) {
        case Tok::Eq: code = Op::Eq; break;
        case Tok::Ne: code = Op::Ne; break;
        case Tok::Lt: code = Op::Lt; break;
        case Tok::Le: code = Op::Le; break;
        case Tok::Gt: code = Op::Gt; break;
        default: code = Op::Ge; break;
        }
        emit(code);
        if (is_comparison(peek().kind)) {
            syntax_error(peek().offset, DiagnosticId::ChainedComparison);
            return std::nullopt;
        }
        return Operand{Type::Bool, left->begin, right->end};
    }

    // primary := INTEGER | "true" | "false" | NAME | "(" expr ")" | "-" INTEGER
    std::optional<Operand> parse_primary() {
        const Token& token = peek();
        switch (token.kind) {
        case Tok::Int:
            advance();
            return number(token, token.offset, false);
        case Tok::Minus: {
            advance();
            const Token& digits = peek();
            if (digits.kind != Tok::Int) {
                if (digits.kind == Tok::Invalid) syntax_error(digits.offset, digits.message);
                else if (digits.kind == Tok::End)
                    syntax_error(digits.offset, DiagnosticId::MinusAtEnd);
                else
                    syntax_error(digits.offset, DiagnosticId::MinusWithoutNumber, {quote(text(digits))});
                return std::nullopt;
            }
            advance();
            return number(digits, token.offset, true);
        }
        case Tok::True:
        case Tok::False:
            advance();
            emit(Op::PushConst, token.kind == Tok::True ? 1 : 0);
            return Operand{Type::Bool, token.offset, token.offset + token.length};
        case Tok::Name:
            advance();
            return name(token);
        case Tok::LParen: {
            advance();
            if (!enter(token)) return std::nullopt;
            ++m_open_parens;
            const std::optional<Operand> inner = parse_or();
            --m_open_parens;
            leave();
            if (!inner) return std::nullopt;
            if (peek().kind != Tok::RParen) {
                unexpected_after_value(peek(), &token);
                return std::nullopt;
            }
            const Token& close = advance();
            return Operand{inner->type, token.offset, close.offset + 1};
        }
        default:
            expected_value(token);
            return std::nullopt;
        }
    }

    std::optional<Operand> number(const Token& digits, std::size_t begin, bool negative) {
        const std::uint64_t limit = negative ? 2147483648u : 2147483647u;
        std::uint64_t value = 0;
        bool too_large = false;
        for (const char c : text(digits)) {
            value = value * 10 + static_cast<std::uint64_t>(c - '0');
            if (value > limit) {
                too_large = true;
                break;
            }
        }
        const std::size_t end = digits.offset + digits.length;
        if (too_large) {
            // Not fatal: the number is still a number, so parsing and type checking go on.
            syntax_error(begin, DiagnosticId::NumberTooLarge);
            emit(Op::PushConst, 0);
            return Operand{Type::Int, begin, end};
        }
        const std::int64_t signed_value =
            negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
        emit(Op::PushConst, static_cast<std::int32_t>(signed_value));
        return Operand{Type::Int, begin, end};
    }

    std::optional<Operand> name(const Token& token) {
        const std::string_view word = text(token);
        const std::size_t end = token.offset + token.length;
        std::optional<Symbol> symbol;
        if (m_resolve) symbol = m_resolve(word);
        if (!symbol) {
            // The loader makes this one again with a suggestion (unknown_name_text, condition_words.hpp).
            add_error(token.offset, unknown_name_text(word, ""));
            emit(Op::PushConst, 0);  // placeholder so that parsing can go on
            return Operand{Type::Unknown, token.offset, end};
        }
        emit(Op::PushSlot, symbol->slot);
        m_slots.push_back(symbol->slot);
        return Operand{symbol->type == ValueType::Bool ? Type::Bool : Type::Int, token.offset, end};
    }

    // A value was expected at `token` but something else is there.
    void expected_value(const Token& token) {
        const Token* previous = m_pos > 0 ? &m_tokens[m_pos - 1] : nullptr;
        const std::string after = previous ? " after " + quote(text(*previous)) : "";
        switch (token.kind) {
        case Tok::Invalid: syntax_error(token.offset, token.message); return;
        case Tok::End:
            syntax_error(token.offset, DiagnosticId::EndExpectedValue, {after});
            return;
        case Tok::RParen:
            if (previous && previous->kind == Tok::LParen)
                syntax_error(token.offset, DiagnosticId::EmptyParentheses);
            else if (m_open_parens == 0)
                syntax_error(token.offset, DiagnosticId::UnexpectedCloseParen,
                             {previous ? ": expected a value" + after : std::string()});
            else
                syntax_error(token.offset, DiagnosticId::ExpectedValueFoundClose, {after});
            return;
        case Tok::Not:
            if (previous && is_comparison(previous->kind)) {
                const std::string op = std::string(text(*previous));
                syntax_error(token.offset, DiagnosticId::NotAfterComparison, {op});
                return;
            }
            break;
        default: break;
        }
        syntax_error(token.offset, DiagnosticId::ExpectedValue, {after, quote(text(token))});
    }

    // A complete value was parsed and `token` cannot continue it. `open` is the '(' still waiting
    // for its ')', if any.
    void unexpected_after_value(const Token& token, const Token* open) {
        switch (token.kind) {
        case Tok::Invalid: syntax_error(token.offset, token.message); return;
        case Tok::Minus:
            syntax_error(token.offset, DiagnosticId::UnexpectedMinus);
            return;
        case Tok::Not:
            syntax_error(token.offset, DiagnosticId::UnexpectedNot);
            return;
        case Tok::Name: {
            const std::string keyword = keyword_in_other_case(text(token));
            if (!keyword.empty()) {
                syntax_error(token.offset, DiagnosticId::KeywordCase, {quote(text(token)), keyword});
                return;
            }
            break;
        }
        default: break;
        }
        if (open) {
            const std::string column = std::to_string(open->offset + 1);
            if (token.kind == Tok::End)
                syntax_error(token.offset, DiagnosticId::MissingCloseParen, {column});
            else
                syntax_error(token.offset, DiagnosticId::ExpectedCloseParen, {column, quote(text(token))});
            return;
        }
        if (token.kind == Tok::RParen) {
            syntax_error(token.offset, DiagnosticId::NoOpenParen);
            return;
        }
        syntax_error(token.offset, DiagnosticId::ExpectedOperator, {quote(text(token))});
    }

    std::string_view m_src;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    const SymbolResolver& m_resolve;
    std::vector<ExpressionError>& m_errors;
    bool m_failed = false;
    int m_nesting = 0;
    int m_open_parens = 0;
    std::vector<Instruction> m_code;
    std::vector<int> m_slots;
    std::size_t m_stack = 0;
    std::size_t m_max_stack = 0;
};

}  // namespace

std::optional<Expression> Expression::compile(std::string_view source, const SymbolResolver& resolve,
                                              std::vector<ExpressionError>& errors) {
    if (source.size() > kMaxSourceBytes) {
        errors.push_back(expression_error(kMaxSourceBytes, DiagnosticText{DiagnosticId::ConditionTooLong,
                                                                          {std::to_string(source.size()), std::to_string(kMaxSourceBytes)}}));
        return std::nullopt;
    }
    if (std::all_of(source.begin(), source.end(), is_space)) {
        errors.push_back(expression_error(0, DiagnosticText{DiagnosticId::ConditionEmpty, {}}));
        return std::nullopt;
    }

    const std::size_t first_new = errors.size();
    Parser parser(source, resolve, errors);
    const bool ok = parser.run();
    // Report in source order (an operator's type error is found after its right operand's names).
    std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(first_new), errors.end(),
                     [](const ExpressionError& a, const ExpressionError& b) {
                         return a.offset < b.offset;
                     });
    if (!ok) return std::nullopt;

    Expression expression;
    expression.m_source = std::string(source);
    expression.m_code = std::move(parser.code());
    expression.m_slots = std::move(parser.slots());
    std::sort(expression.m_slots.begin(), expression.m_slots.end());
    expression.m_slots.erase(std::unique(expression.m_slots.begin(), expression.m_slots.end()),
                             expression.m_slots.end());
    return expression;
}

bool Expression::evaluate(const std::int32_t* values) const {
    if (m_code.empty()) return true;
    // compile() guarantees that no program needs more than kStackCapacity entries.
    std::int32_t stack[kStackCapacity];
    std::int32_t* top = stack;  // one past the top value
    const Instruction* const begin = m_code.data();
    const Instruction* const end = begin + m_code.size();
    for (const Instruction* pc = begin; pc != end;) {
        const Instruction instruction = *pc++;
        switch (instruction.op) {
        case Op::PushConst: *top++ = instruction.operand; break;
        case Op::PushSlot: *top++ = values[instruction.operand]; break;
        case Op::Not: top[-1] = top[-1] == 0; break;
        case Op::And: --top; top[-1] = (top[-1] != 0) & (top[0] != 0); break;
        case Op::Or: --top; top[-1] = (top[-1] != 0) | (top[0] != 0); break;
        case Op::Eq: --top; top[-1] = top[-1] == top[0]; break;
        case Op::Ne: --top; top[-1] = top[-1] != top[0]; break;
        case Op::Lt: --top; top[-1] = top[-1] < top[0]; break;
        case Op::Le: --top; top[-1] = top[-1] <= top[0]; break;
        case Op::Gt: --top; top[-1] = top[-1] > top[0]; break;
        case Op::Ge: --top; top[-1] = top[-1] >= top[0]; break;
        // The short-circuit helpers are not emitted by compile() today (plain operators are
        // simpler and conditions have no side effects); they are implemented for completeness.
        case Op::JumpIfFalseKeep:
            if (top[-1] == 0) pc = begin + instruction.operand;
            break;
        case Op::JumpIfTrueKeep:
            if (top[-1] != 0) pc = begin + instruction.operand;
            break;
        case Op::Pop: --top; break;
        }
    }
    return top[-1] != 0;
}

DiagnosticText unknown_name_text(std::string_view name, std::string suggestion) {
    const std::string keyword = keyword_in_other_case(name);
    return DiagnosticText{DiagnosticId::UnknownName,
                          {quote(name), keyword.empty() ? "" : " (keywords are lowercase: '" + keyword + "')", std::move(suggestion)}};
}

}  // namespace salesdojo
