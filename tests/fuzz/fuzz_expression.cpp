// libFuzzer harness: the condition language (src/core/expression.cpp), against a reference.
//
// Each input is a condition's source. The harness compiles it with Expression::compile and with a
// small, independent reference (a recursive-descent parser and tree evaluator written straight from
// the grammar in include/salesdojo/expression.hpp and docs/scenario-format.md), and checks that
//   - both accept or both refuse;
//   - when both accept, the stack machine and the reference evaluate to the same result for a set of
//     variable assignments (zeros, ones, extremes of int32, a mix);
//   - a refusal comes with errors whose codes are SD1011/SD2003/SD2013, in source order, at offsets
//     inside the source (or at its end);
//   - slots() lists exactly the slots the condition reads, sorted and unique;
//   - compiling twice gives the same program.
// The reference recurses, but only on sources of at most 4096 bytes and nesting of at most 64
// levels (it refuses anything deeper before recursing further).
#include "fuzz_check.hpp"

#include <salesdojo/expression.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace salesdojo;

namespace {

// The names a condition may use: three integers and three booleans, one slot each.
struct Name {
    const char* name;
    ValueType type;
};
constexpr Name kNames[] = {{"a", ValueType::Int},     {"trust", ValueType::Int}, {"b_2", ValueType::Int},
                           {"x", ValueType::Bool},    {"knows_budget", ValueType::Bool},
                           {"_y", ValueType::Bool}};
constexpr int kSlotCount = static_cast<int>(sizeof kNames / sizeof kNames[0]);

std::optional<Symbol> resolve(std::string_view word) {
    for (int i = 0; i < kSlotCount; ++i)
        if (word == kNames[i].name) return Symbol{kNames[i].type, i};
    return std::nullopt;
}

// --- the reference ---------------------------------------------------------------------------------

enum class T { Int, Name, Kw, Op, LParen, RParen, Minus, End };
struct Tok {
    T kind;
    std::string text;
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

// Tokens, or nullopt for a lexical error.
std::optional<std::vector<Tok>> lex(std::string_view s) {
    std::vector<Tok> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (space(c)) { ++i; continue; }
        const std::size_t start = i;
        if (letter(c)) {
            while (i < s.size() && (letter(s[i]) || digit(s[i]))) ++i;
            std::string w(s.substr(start, i - start));
            const bool keyword = w == "and" || w == "or" || w == "not" || w == "true" || w == "false";
            out.push_back({keyword ? T::Kw : T::Name, w});
        } else if (digit(c)) {
            while (i < s.size() && digit(s[i])) ++i;
            if (i < s.size() && letter(s[i])) return std::nullopt;  // "2x"
            out.push_back({T::Int, std::string(s.substr(start, i - start))});
        } else if (c == '(') { out.push_back({T::LParen, "("}); ++i;
        } else if (c == ')') { out.push_back({T::RParen, ")"}); ++i;
        } else if (c == '-') { out.push_back({T::Minus, "-"}); ++i;
        } else {
            const std::string two(s.substr(i, 2));
            if (two == "==" || two == "!=" || two == "<=" || two == ">=") {
                out.push_back({T::Op, two});
                i += 2;
            } else if ((c == '<' && two != "<>") || c == '>') {
                out.push_back({T::Op, std::string(1, c)});
                ++i;
            } else {
                return std::nullopt;
            }
        }
    }
    out.push_back({T::End, ""});
    return out;
}

// A tree node: a constant, a slot, or an operator over children.
struct Node {
    enum Kind { Const, Slot, Not, And, Or, Cmp } kind;
    bool is_bool;
    std::int64_t value = 0;  // Const; Slot: the slot
    std::string op;          // Cmp
    std::unique_ptr<Node> left, right;
};
using NodePtr = std::unique_ptr<Node>;

class Reference {
public:
    explicit Reference(std::vector<Tok> tokens) : m_t(std::move(tokens)) {}

    // The whole condition as a tree, or null when the reference refuses it.
    NodePtr parse() {
        NodePtr root = chain("or");
        if (!root || m_t[m_pos].kind != T::End || !root->is_bool) return nullptr;
        return root;
    }

private:
    const Tok& peek() const { return m_t[m_pos]; }
    bool at_kw(const char* w) const { return peek().kind == T::Kw && peek().text == w; }

    static NodePtr make(Node::Kind kind, bool is_bool) {
        auto n = std::make_unique<Node>();
        n->kind = kind;
        n->is_bool = is_bool;
        return n;
    }

    // or := and ("or" and)*    and := not ("and" not)*
    NodePtr chain(const char* keyword) {
        const bool is_or = std::string_view(keyword) == "or";
        NodePtr left = is_or ? chain("and") : negation();
        while (left && at_kw(keyword)) {
            ++m_pos;
            NodePtr right = is_or ? chain("and") : negation();
            if (!right || !left->is_bool || !right->is_bool) return nullptr;
            NodePtr n = make(is_or ? Node::Or : Node::And, true);
            n->left = std::move(left);
            n->right = std::move(right);
            left = std::move(n);
        }
        return left;
    }

    NodePtr negation() {
        if (!at_kw("not")) return comparison();
        ++m_pos;
        if (++m_depth > 64) return nullptr;
        NodePtr inner = negation();
        --m_depth;
        if (!inner || !inner->is_bool) return nullptr;
        NodePtr n = make(Node::Not, true);
        n->left = std::move(inner);
        return n;
    }

    NodePtr comparison() {
        NodePtr left = primary();
        if (!left || peek().kind != T::Op) return left;
        const std::string op = peek().text;
        ++m_pos;
        NodePtr right = primary();
        if (!right || peek().kind == T::Op) return nullptr;  // comparisons do not chain
        const bool equality = op == "==" || op == "!=";
        if (equality ? left->is_bool != right->is_bool : (left->is_bool || right->is_bool)) return nullptr;
        NodePtr n = make(Node::Cmp, true);
        n->op = op;
        n->left = std::move(left);
        n->right = std::move(right);
        return n;
    }

    NodePtr primary() {
        const Tok token = peek();
        ++m_pos;
        switch (token.kind) {
            case T::Int: return number(token.text, false);
            case T::Minus:
                if (peek().kind != T::Int) return nullptr;
                return number(m_t[m_pos++].text, true);
            case T::Kw:
                if (token.text != "true" && token.text != "false") return nullptr;
                {
                    NodePtr n = make(Node::Const, true);
                    n->value = token.text == "true";
                    return n;
                }
            case T::Name: {
                const auto symbol = resolve(token.text);
                if (!symbol) return nullptr;
                NodePtr n = make(Node::Slot, symbol->type == ValueType::Bool);
                n->value = symbol->slot;
                return n;
            }
            case T::LParen: {
                if (++m_depth > 64) return nullptr;
                NodePtr inner = chain("or");
                --m_depth;
                if (!inner || peek().kind != T::RParen) return nullptr;
                ++m_pos;
                return inner;
            }
            default: return nullptr;
        }
    }

    static NodePtr number(const std::string& digits, bool negative) {
        // Leading zeros are allowed ("007"); the value must fit int32.
        std::int64_t value = 0;
        for (char c : digits) {
            value = value * 10 + (c - '0');
            if (value > 2147483648LL) return nullptr;
        }
        if (negative) value = -value;
        if (value < INT32_MIN || value > INT32_MAX) return nullptr;
        NodePtr n = make(Node::Const, false);
        n->value = value;
        return n;
    }

    std::vector<Tok> m_t;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

std::int64_t eval(const Node& n, const std::int32_t* values) {
    switch (n.kind) {
        case Node::Const: return n.value;
        case Node::Slot: return values[n.value];
        case Node::Not: return eval(*n.left, values) == 0;
        case Node::And: return eval(*n.left, values) != 0 && eval(*n.right, values) != 0;
        case Node::Or: return eval(*n.left, values) != 0 || eval(*n.right, values) != 0;
        case Node::Cmp: {
            const std::int64_t l = eval(*n.left, values), r = eval(*n.right, values);
            if (n.op == "==") return l == r;
            if (n.op == "!=") return l != r;
            if (n.op == "<") return l < r;
            if (n.op == "<=") return l <= r;
            if (n.op == ">") return l > r;
            return l >= r;
        }
    }
    return 0;
}

void slots_of(const Node& n, std::set<int>& out) {
    if (n.kind == Node::Slot) out.insert(static_cast<int>(n.value));
    if (n.left) slots_of(*n.left, out);
    if (n.right) slots_of(*n.right, out);
}

NodePtr reference_compile(std::string_view source) {
    if (source.size() > 4096) return nullptr;
    if (std::all_of(source.begin(), source.end(), space)) return nullptr;
    auto tokens = lex(source);
    if (!tokens) return nullptr;
    return Reference(std::move(*tokens)).parse();
}

// Assignments to evaluate under: booleans stay 0/1, integers take interesting values.
std::vector<std::vector<std::int32_t>> assignments(const std::uint8_t* data, std::size_t size) {
    std::vector<std::vector<std::int32_t>> result;
    const std::int32_t ints[] = {0, 1, -1, 2, 3, INT32_MIN, INT32_MAX, 100};
    for (int pattern = 0; pattern < 10; ++pattern) {
        std::vector<std::int32_t> values(kSlotCount);
        for (int i = 0; i < kSlotCount; ++i) {
            const std::size_t mix = static_cast<std::size_t>(pattern * 7 + i * 3) + (size ? data[(pattern + i) % size] : 0);
            values[static_cast<std::size_t>(i)] = kNames[i].type == ValueType::Bool ? static_cast<std::int32_t>(mix % 2) : ints[mix % 8];
        }
        result.push_back(std::move(values));
    }
    return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    std::vector<ExpressionError> errors;
    const std::optional<Expression> compiled = Expression::compile(source, resolve, errors);
    const NodePtr reference = reference_compile(source);

    if (!compiled) {
        FUZZ_CHECK(!errors.empty(), "a refusal without an error");
        for (std::size_t i = 0; i < errors.size(); ++i) {
            const ExpressionError& e = errors[i];
            FUZZ_CHECK(e.code == "SD1011" || e.code == "SD2003" || e.code == "SD2013", "an unexpected error code");
            FUZZ_CHECK(!e.message.empty(), "an error without a message");
            FUZZ_CHECK(e.offset <= source.size(), "an error offset past the end of the condition");
            if (i > 0) FUZZ_CHECK(errors[i - 1].offset <= e.offset, "errors not in source order");
        }
        FUZZ_CHECK(reference == nullptr, "compile refuses a condition the reference accepts");
        return 0;
    }
    FUZZ_CHECK(errors.empty(), "an accepted condition with errors");
    FUZZ_CHECK(reference != nullptr, "compile accepts a condition the reference refuses");

    std::set<int> expected_slots;
    slots_of(*reference, expected_slots);
    FUZZ_CHECK(std::vector<int>(expected_slots.begin(), expected_slots.end()) == compiled->slots(),
               "slots() differs from the slots the condition reads");

    std::vector<ExpressionError> again_errors;
    const std::optional<Expression> again = Expression::compile(source, resolve, again_errors);
    FUZZ_CHECK(again && again->source() == compiled->source(), "compiling twice differs");

    for (const auto& values : assignments(data, size)) {
        const bool machine = compiled->evaluate(values.data());
        FUZZ_CHECK(machine == (eval(*reference, values.data()) != 0), "evaluate() differs from the reference");
        FUZZ_CHECK(again->evaluate(values.data()) == machine, "a recompiled condition evaluates differently");
    }
    return 0;
}
