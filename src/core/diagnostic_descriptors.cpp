// The table of message shapes (docs/diagnostics.md shows each template on a "Message:" line).
#include <salesdojo/diagnostic_descriptors.hpp>

#include <cstdio>
#include <cstdlib>

namespace salesdojo {

const std::vector<DiagnosticDescriptor>& diagnostic_descriptors() {
    using D = DiagnosticId;
    static const std::vector<DiagnosticDescriptor> table = {
        {D::FileUnreadable, "SD1001", "cannot read file: {1}"},
        {D::FileUnreadableNoReason, "SD1001", "cannot read file"},
        {D::FileNotRegular, "SD1001", "cannot read file: not a regular file (it is {1})"},
        {D::FileTooLarge, "SD1002", "file is {1} bytes; the limit is {2}"},
        {D::FileTooLargeAtLeast, "SD1002", "file is more than {1} bytes; the limit is {2}"},
        {D::OtherUnicodeEncoding, "SD1003", "the file looks like {1}, not UTF-8; save it as UTF-8"},
        {D::InvalidUtf8, "SD1003", "invalid UTF-8 (byte {1} at offset {2}: {3}); save the file as UTF-8"},
        {D::TooDeep, "SD1004", "nesting is deeper than {1} levels"},
        {D::EmptyFile, "SD1005", "file is empty; a scenario is a JSON object"},
        {D::JsonSyntax, "SD1005", "JSON syntax error: {1}"},
        {D::NulAfterDocument, "SD1005", "JSON syntax error: a NUL byte (U+0000) after the end of the document; nothing may follow the top-level value"},
        {D::NulInString, "SD1005", "JSON syntax error: invalid string: a NUL byte (U+0000) inside a string; write it as \\u0000"},
        {D::NulUnexpected, "SD1005", "JSON syntax error: unexpected NUL byte (U+0000)"},
        {D::JsonNotParsed, "SD1005", "JSON could not be parsed: {1}"},
        {D::JsonNotParsedNoReason, "SD1005", "JSON could not be parsed"},
        {D::FormatVersionMissing, "SD1006", "missing 'format_version'; this SalesDojo reads format_version 1"},
        {D::FormatVersionUnsupported, "SD1006", "unsupported format_version {1}; this SalesDojo reads format_version 1 (see docs/scenario-format.md)"},
        {D::ScenarioNotObject, "SD1007", "a scenario must be a JSON object, not {1}"},
        {D::WrongType, "SD1007", "'{1}' must be {2}, not {3}"},
        {D::WrongTypeWhen, "SD1007", "'{1}' must be {2} when '{3}' is \"{4}\", not {5}"},
        {D::NotAnInteger, "SD1007", "'{1}' must be an integer, not {2}"},
        {D::ElementNotObject, "SD1007", "each {1} must be an object, not {2}"},
        {D::TextWrongType, "SD1007", "'{1}' must be a string or an object of translations like {\"nl\": ..., \"en\": ...}, not {2}"},
        {D::TranslationNotString, "SD1007", "translation '{1}' must be a string, not {2}"},
        {D::LanguageNotString, "SD1007", "a language must be a string, not {1}"},
        {D::SkillNotString, "SD1007", "a skill must be a string, not {1}"},
        {D::PortraitNotString, "SD1007", "a portrait must be a file path string"},
        {D::PrincipleRefNotString, "SD1007", "a principle reference must be a string, not {1}"},
        {D::FactRefNotString, "SD1007", "a fact reference must be a string, not {1}"},
        {D::MissingKey, "SD1008", "missing required key '{1}'{2}"},
        {D::MissingKeyWhen, "SD1008", "missing required key '{1}' (needed when '{2}' is \"{3}\")"},
        {D::UnknownKey, "SD1009", "unknown key '{1}'{2}"},
        {D::NotOneOf, "SD1010", "'{1}' must be one of {2}, not '{3}'"},
        {D::NotConstant, "SD1010", "'{1}' must be {2}"},
        {D::NotBetween, "SD1010", "'{1}' must be between {2} and {3}"},
        {D::NotAbove, "SD1010", "'{1}' must be above {2} and at most {3}"},
        {D::TooFewItems, "SD1010", "'{1}' needs at least {2} {3}"},
        {D::TooManyItems, "SD1010", "'{1}' has {2} items; at most {3} are allowed"},
        {D::IdTooLong, "SD1010", "{1} is too long: {2} characters; an id may have at most {3}"},
        {D::StringRule, "SD1010", "{1} '{2}' must be {3}"},
        {D::IntegerOutOfRange, "SD1010", "'{1}' is out of range: integers here go from {2} to {3}"},
        {D::TextTooLong, "SD1010", "'{1}' is too long: {2} bytes; a text may have at most {3}"},
        {D::NotLanguageCode, "SD1010", "'{1}' is not a language code like \"nl\" or \"en\""},
        {D::ThresholdsOrder, "SD1010", "verdict thresholds must increase: good < inaccuracy < mistake"},
        {D::MinAboveMax, "SD1010", "'min' is greater than 'max'"},
        {D::ExpressionNotName, "SD1010", "an expression must be a short name like \"annoyed\""},
        {D::ScoreEffectRange, "SD1010", "a score effect must be between {1} and {2}"},
        {D::ConditionTooLong, "SD1011", "condition too long ({1} bytes; the limit is {2})"},
        {D::ConditionEmpty, "SD1011", "empty condition"},
        {D::ConditionTooComplex, "SD1011", "condition too complex"},
        {D::ConditionTooDeep, "SD1011", "condition nested too deeply (more than {1} levels of parentheses and 'not')"},
        {D::UnexpectedCharacter, "SD1011", "unexpected character {1}"},
        {D::UnexpectedByte, "SD1011", "unexpected character (byte {1})"},
        {D::NameStartsWithDigit, "SD1011", "{1} is not a number or a name (names cannot start with a digit)"},
        {D::UseOtherOperator, "SD1011", "use '{1}' instead of '{2}'"},
        {D::UseDoubleEquals, "SD1011", "use '==' to compare, not '='"},
        {D::NoArithmetic, "SD1011", "conditions have no arithmetic: unexpected {1}"},
        {D::NoTextValues, "SD1011", "conditions have no text values: compare numbers or true/false"},
        {D::ChainedComparison, "SD1011", "comparisons cannot be chained: join them with 'and', as in 'a < b and b < c'"},
        {D::MinusAtEnd, "SD1011", "unexpected end of condition: expected a number after '-'"},
        {D::MinusWithoutNumber, "SD1011", "expected a number after '-' (conditions have no arithmetic), but found {1}"},
        {D::NumberTooLarge, "SD1011", "number too large (conditions use whole numbers from -2147483648 to 2147483647)"},
        {D::EndExpectedValue, "SD1011", "unexpected end of condition: expected a value{1}"},
        {D::EmptyParentheses, "SD1011", "empty parentheses: expected a value between '(' and ')'"},
        {D::UnexpectedCloseParen, "SD1011", "unexpected ')'{1}"},
        {D::ExpectedValueFoundClose, "SD1011", "expected a value{1}, but found ')'"},
        {D::NotAfterComparison, "SD1011", "'not' cannot directly follow '{1}': put it in parentheses, as in '{1} (not ...)'"},
        {D::ExpectedValue, "SD1011", "expected a value{1}, but found {2}"},
        {D::UnexpectedMinus, "SD1011", "conditions have no arithmetic: unexpected '-' ('-' only marks negative numbers, as in -2)"},
        {D::UnexpectedNot, "SD1011", "unexpected 'not': it goes before a value (did you mean 'and not'?)"},
        {D::KeywordCase, "SD1011", "unexpected {1}: keywords are lowercase ('{2}')"},
        {D::MissingCloseParen, "SD1011", "missing ')' to close the '(' at column {1} of the condition"},
        {D::ExpectedCloseParen, "SD1011", "expected ')' to close the '(' at column {1} of the condition, but found {2}"},
        {D::NoOpenParen, "SD1011", "unexpected ')': there is no '(' to close"},
        {D::ExpectedOperator, "SD1011", "unexpected {1}: expected 'and', 'or' or a comparison"},
        {D::NoWayOn, "SD1012", "node '{1}' has no way on: give it \"choices\", \"next\", \"random\" or \"ending\""},
        {D::MoreThanOneWayOn, "SD1012", "node '{1}' has more than one of \"choices\", \"next\", \"random\" and \"ending\"; keep exactly one"},
        {D::DuplicateKey, "SD1013", "key '{1}' appears twice in this object; keys must be unique, or the first value would be silently lost"},
        {D::DuplicateKeyAt, "SD1013", "key '{1}' appears twice in this object (first at line {2}, column {3}); keys must be unique, or the first value would be silently lost"},
        {D::DuplicateLanguage, "SD2001", "language '{1}' is listed twice"},
        {D::DuplicateId, "SD2001", "duplicate {1} id '{2}'"},
        {D::DuplicateChoiceId, "SD2001", "duplicate choice id '{1}'"},
        {D::UnknownNode, "SD2002", "unknown node '{1}'{2}"},
        {D::UnknownName, "SD2003", "unknown variable or fact {1}{2}{3}"},
        {D::MissingTranslation, "SD2004", "missing '{1}' translation of '{2}'"},
        {D::UnknownDimension, "SD2005", "unknown dimension '{1}'{2}"},
        {D::UnknownAssumptionDimension, "SD2005", "unknown dimension '{1}' for unsupported assumptions"},
        {D::UnknownPrinciple, "SD2006", "unknown principle '{1}'{2}"},
        {D::UnreachableNode, "SD2007", "node '{1}' can never be reached from the start node '{2}'"},
        {D::DeadEnd, "SD2008", "node '{1}' is a dead end: it is not an ending and has no choices"},
        {D::EndlessLoop, "SD2009", "node '{1}' is in a loop of {2} node(s) from which no ending can ever be reached"},
        {D::UnknownSpeaker, "SD2010", "unknown speaker '{1}'{2}"},
        {D::UnknownExpression, "SD2011", "'{1}' has no expression '{2}'{3}"},
        {D::PortraitForUnknownExpression, "SD2011", "portrait for expression '{1}', which '{2}' does not list in 'expressions'"},
        {D::UnknownFact, "SD2012", "unknown fact '{1}'{2}"},
        {D::ConditionIsNumber, "SD2013", "a condition must be true/false, but {1} is a number"},
        {D::LogicNeedsBool, "SD2013", "'{1}' needs true/false values, but {2} is a number"},
        {D::NotNeedsBool, "SD2013", "'not' needs a true/false value, but {1} is a number"},
        {D::EqualityMixesTypes, "SD2013", "{1} needs two values of the same type, but {2} is {3} and {4} is {5}"},
        {D::ComparisonNeedsNumbers, "SD2013", "{1} compares numbers, but {2} is true/false"},
        {D::UnknownOutcome, "SD2014", "unknown outcome class '{1}'{2}"},
        {D::UnknownVariable, "SD2015", "unknown variable '{1}'{2}"},
        {D::FactIsNotSet, "SD2015", "'{1}' is a fact; facts are learned with \"learns\", not set"},
        {D::InitialOutsideRange, "SD2016", "'initial' {1} is outside {2}..{3}"},
        {D::BoolAdded, "SD2016", "'{1}' is true/false; use \"set\", not \"add\""},
        {D::BoolSetToOther, "SD2016", "'{1}' is true/false, so it cannot be set to {2}"},
        {D::IntegerSetToOther, "SD2016", "'{1}' is an integer, so it cannot be set to {2}"},
        {D::IntegerChangedByOther, "SD2016", "'{1}' is an integer, so it cannot be changed by {2}"},
        {D::SetOutsideRange, "SD2016", "'{1}' ranges over {2}..{3}, so it cannot be set to {4}"},
        {D::UndeclaredLanguage, "SD2017", "text in language '{1}', which the scenario does not declare in 'languages'"},
        {D::PortraitPathNotRelative, "SD2018", "portrait path '{1}' must be relative and stay inside the scenario's folder"},
        {D::PortraitLeadsOutside, "SD2018", "portrait path '{1}' leads outside the scenario's folder"},
        {D::AutomaticRunTooLong, "SD2019", "from node '{1}', {2} automatic nodes (\"next\" or \"random\") follow each other; a session follows at most {3} in a row and then stops, stuck"},
        {D::PortraitFileTooLarge, "SD2040", "portrait '{1}' is {2} bytes; the limit is {3}"},
        {D::PortraitTooManyPixels, "SD2040", "portrait '{1}' is {2} x {3} pixels; the limit is {4} on each side"},
        {D::PortraitUnreadable, "SD2041", "portrait '{1}' cannot be read: {2}"},
        {D::PortraitNotRegular, "SD2041", "portrait '{1}' is not a regular file"},
        {D::PortraitNotImage, "SD2042", "portrait '{1}' is not a PNG, JPEG, BMP or GIF image"},
        {D::TooManyStates, "SD3001", "the scenario has more than {1} reachable states (node + variables + facts); the analyser stops here rather than guess. Narrow the variables' ranges or split the scenario"},
        {D::LoopsTooIntertwined, "SD3002", "the scenario's loops are too intertwined to analyse exactly within {1} steps; the analyser stops rather than guess. Make loops change a variable or fact so they cannot repeat"},
        {D::NoChoiceAvailable, "SD3003", "at node '{1}' a trainee can arrive in a situation where no choice is available (every condition is false); add a choice without a condition or loosen one"},
        {D::NoCompletePath, "SD3004", "no complete path leads from the start to an ending"},
        {D::DimensionUntouched, "SD3101", "no choice changes the dimension '{1}'; it will always score 100"},
        {D::OptionDominated, "SD3102", "option '{1}' at node '{2}' is dominated by '{3}': it scores no better now and leaves no more to reach later on any dimension; no trainee has a reason to pick it. Give it a real temptation"},
        {D::EndingUnreachable, "SD3103", "ending '{1}' can never be reached in play (conditions rule it out)"},
        {D::PassMarkUnreachable, "SD3104", "the pass mark cannot be reached: the best path scores {1}"},
        {D::PassMarkUnmissable, "SD3104", "the pass mark cannot be missed: even the worst path passes"},
        {D::DecisionTeachesNothing, "SD3105", "at node '{1}' every option is worth the same: the decision teaches nothing"},
        {D::GainingLoop, "SD3106", "going round the loop through node '{1}' gains points every time: a trainee who repeats it scores more than by moving on. Make every round trip score 0 or less, or make the loop change a variable or fact"},
        {D::IntentMissed, "SD3107", "option '{1}' at node '{2}' is meant as {3} but is graded {4} here: it loses {5} of 100 points (q {6}, best '{7}' q {8})"},
        {D::RepairDetour, "SD3108", "option '{1}' at node '{2}' costs {3} weighted points but loses nothing: a later option makes it all back, so it grades as well as '{4}'. Make the repair worth less than avoiding the damage, or declare \"intent\": \"best\" if the cost is an investment"},
    };
    return table;
}

namespace {
[[noreturn]] void misuse(DiagnosticId id, const char* what) {
    std::fprintf(stderr, "salesdojo: internal error: diagnostic descriptor %d: %s\n", static_cast<int>(id), what);
    std::abort();
}

template <typename Args>
std::string format_with(DiagnosticId id, const Args& args) {
    const DiagnosticDescriptor& d = descriptor(id);
    std::string out;
    std::vector<bool> used(args.size(), false);
    for (const char* p = d.message; *p;) {
        // {k} with k a number from 1: an argument; any other brace is text.
        if (*p == '{' && p[1] >= '1' && p[1] <= '9') {
            const char* q = p + 1;
            std::size_t k = 0;
            while (*q >= '0' && *q <= '9') k = k * 10 + static_cast<std::size_t>(*q++ - '0');
            if (*q == '}') {
                if (k > args.size()) misuse(id, "a placeholder has no argument");
                out += *(args.begin() + static_cast<std::ptrdiff_t>(k - 1));
                used[k - 1] = true;
                p = q + 1;
                continue;
            }
        }
        out += *p++;
    }
    for (bool u : used)
        if (!u) misuse(id, "an argument has no placeholder");
    return out;
}
}  // namespace

const DiagnosticDescriptor& descriptor(DiagnosticId id) {
    const auto& table = diagnostic_descriptors();
    const auto index = static_cast<std::size_t>(id);
    if (index >= table.size() || table[index].id != id) misuse(id, "not in diagnostic_descriptors() order");
    return table[index];
}

std::string format_message(DiagnosticId id, std::initializer_list<std::string_view> args) { return format_with(id, args); }
std::string format_message(DiagnosticId id, const std::vector<std::string>& args) { return format_with(id, args); }

Diagnostic make_diagnostic(DiagnosticId id, std::initializer_list<std::string_view> args, std::string file,
                           std::string pointer) {
    return make_diagnostic(descriptor(id).code, format_message(id, args), std::move(file), std::move(pointer));
}

std::string DiagnosticText::code() const { return descriptor(id).code; }
std::string DiagnosticText::message() const { return format_message(id, args); }

}  // namespace salesdojo
