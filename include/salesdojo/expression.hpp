#pragma once
// Conditions: a small expression language parsed once at load and evaluated many times.
//
//   trust >= 2 and not knows_budget
//
// Grammar (lowest precedence first):
//   expr       := or
//   or         := and ("or" and)*
//   and        := not ("and" not)*
//   not        := "not" not | comparison
//   comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary)?
//   primary    := INTEGER | "true" | "false" | NAME | "(" expr ")" | "-" INTEGER
// Names are variables (int or bool) or facts (bool). Types are checked at compile time: and/or/not
// need booleans, < <= > >= need integers, == and != need two operands of the same type, and the
// whole expression must be boolean.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo {

enum class ValueType { Int, Bool };

// What a name in an expression refers to: a slot in the session's value array.
// Slots hold int32 values; booleans are 0 or 1.
struct Symbol {
    ValueType type = ValueType::Int;
    int slot = 0;
};
using SymbolResolver = std::function<std::optional<Symbol>(std::string_view name)>;

struct ExpressionError {
    std::size_t offset = 0;   // byte offset inside the expression source
    std::string code;         // SD1011 syntax, SD2003 unknown name, SD2013 type error
    std::string message;
};

// A compiled expression: a flat program for a small stack machine (no recursion when evaluating).
class Expression {
public:
    enum class Op : std::uint8_t {
        PushConst, PushSlot, Not, And, Or, Eq, Ne, Lt, Le, Gt, Ge,
        JumpIfFalseKeep, JumpIfTrueKeep, Pop  // short-circuit helpers
    };
    struct Instruction {
        Op op;
        std::int32_t operand;  // constant, slot or jump target
    };

    Expression() = default;
    bool empty() const { return m_code.empty(); }   // empty = always true
    const std::string& source() const { return m_source; }
    // Slots the expression reads (sorted, unique): lets the analyser know what matters.
    const std::vector<int>& slots() const { return m_slots; }

    bool evaluate(const std::int32_t* values) const;

    // Parses and type-checks; on failure returns nullopt and appends at least one error.
    static std::optional<Expression> compile(std::string_view source, const SymbolResolver& resolve,
                                             std::vector<ExpressionError>& errors);

private:
    std::string m_source;
    std::vector<Instruction> m_code;
    std::vector<int> m_slots;
};

}  // namespace salesdojo
