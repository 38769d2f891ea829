#pragma once
// Every diagnostic SalesDojo creates, as data: one descriptor per message shape (a code may have
// several), with the message as a template whose {1}..{n} the creation site fills in. A creation
// site names a descriptor and passes the arguments, nothing else; the code's severity and title come
// from diagnostic_codes(). docs/diagnostics.md shows every template on a "Message:" line under its
// code, and a test compares the two, so a message and its documentation cannot drift (the model is
// Yarn Spinner's DiagnosticDescriptor).
#include <salesdojo/diagnostic.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo {

enum class DiagnosticId : std::uint16_t {
    FileUnreadable,  // SD1001
    FileUnreadableNoReason,  // SD1001
    FileNotRegular,  // SD1001
    FileTooLarge,  // SD1002
    FileTooLargeAtLeast,  // SD1002
    OtherUnicodeEncoding,  // SD1003
    InvalidUtf8,  // SD1003
    TooDeep,  // SD1004
    EmptyFile,  // SD1005
    JsonSyntax,  // SD1005
    NulAfterDocument,  // SD1005
    NulInString,  // SD1005
    NulUnexpected,  // SD1005
    JsonNotParsed,  // SD1005
    JsonNotParsedNoReason,  // SD1005
    FormatVersionMissing,  // SD1006
    FormatVersionUnsupported,  // SD1006
    ScenarioNotObject,  // SD1007
    WrongType,  // SD1007
    WrongTypeWhen,  // SD1007
    NotAnInteger,  // SD1007
    ElementNotObject,  // SD1007
    TextWrongType,  // SD1007
    TranslationNotString,  // SD1007
    LanguageNotString,  // SD1007
    SkillNotString,  // SD1007
    PortraitNotString,  // SD1007
    PrincipleRefNotString,  // SD1007
    FactRefNotString,  // SD1007
    MissingKey,  // SD1008
    MissingKeyWhen,  // SD1008
    UnknownKey,  // SD1009
    NotOneOf,  // SD1010
    NotConstant,  // SD1010
    NotBetween,  // SD1010
    NotAbove,  // SD1010
    TooFewItems,  // SD1010
    TooManyItems,  // SD1010
    IdTooLong,  // SD1010
    StringRule,  // SD1010
    IntegerOutOfRange,  // SD1010
    TextTooLong,  // SD1010
    NotLanguageCode,  // SD1010
    ThresholdsOrder,  // SD1010
    MinAboveMax,  // SD1010
    ExpressionNotName,  // SD1010
    ScoreEffectRange,  // SD1010
    ConditionTooLong,  // SD1011
    ConditionEmpty,  // SD1011
    ConditionTooComplex,  // SD1011
    ConditionTooDeep,  // SD1011
    UnexpectedCharacter,  // SD1011
    UnexpectedByte,  // SD1011
    NameStartsWithDigit,  // SD1011
    UseOtherOperator,  // SD1011
    UseDoubleEquals,  // SD1011
    NoArithmetic,  // SD1011
    NoTextValues,  // SD1011
    ChainedComparison,  // SD1011
    MinusAtEnd,  // SD1011
    MinusWithoutNumber,  // SD1011
    NumberTooLarge,  // SD1011
    EndExpectedValue,  // SD1011
    EmptyParentheses,  // SD1011
    UnexpectedCloseParen,  // SD1011
    ExpectedValueFoundClose,  // SD1011
    NotAfterComparison,  // SD1011
    ExpectedValue,  // SD1011
    UnexpectedMinus,  // SD1011
    UnexpectedNot,  // SD1011
    KeywordCase,  // SD1011
    MissingCloseParen,  // SD1011
    ExpectedCloseParen,  // SD1011
    NoOpenParen,  // SD1011
    ExpectedOperator,  // SD1011
    NoWayOn,  // SD1012
    MoreThanOneWayOn,  // SD1012
    DuplicateKey,  // SD1013
    DuplicateKeyAt,  // SD1013
    DuplicateLanguage,  // SD2001
    DuplicateId,  // SD2001
    DuplicateChoiceId,  // SD2001
    UnknownNode,  // SD2002
    UnknownName,  // SD2003
    MissingTranslation,  // SD2004
    UnknownDimension,  // SD2005
    UnknownAssumptionDimension,  // SD2005
    UnknownPrinciple,  // SD2006
    UnreachableNode,  // SD2007
    DeadEnd,  // SD2008
    EndlessLoop,  // SD2009
    UnknownSpeaker,  // SD2010
    UnknownExpression,  // SD2011
    PortraitForUnknownExpression,  // SD2011
    UnknownFact,  // SD2012
    ConditionIsNumber,  // SD2013
    LogicNeedsBool,  // SD2013
    NotNeedsBool,  // SD2013
    EqualityMixesTypes,  // SD2013
    ComparisonNeedsNumbers,  // SD2013
    UnknownOutcome,  // SD2014
    UnknownVariable,  // SD2015
    FactIsNotSet,  // SD2015
    InitialOutsideRange,  // SD2016
    BoolAdded,  // SD2016
    BoolSetToOther,  // SD2016
    IntegerSetToOther,  // SD2016
    IntegerChangedByOther,  // SD2016
    SetOutsideRange,  // SD2016
    UndeclaredLanguage,  // SD2017
    PortraitPathNotRelative,  // SD2018
    PortraitLeadsOutside,  // SD2018
    AutomaticRunTooLong,  // SD2019
    PortraitFileTooLarge,  // SD2040
    PortraitTooManyPixels,  // SD2040
    PortraitUnreadable,  // SD2041
    PortraitNotRegular,  // SD2041
    PortraitNotImage,  // SD2042
    TooManyStates,  // SD3001
    LoopsTooIntertwined,  // SD3002
    NoChoiceAvailable,  // SD3003
    NoCompletePath,  // SD3004
    DimensionUntouched,  // SD3101
    OptionDominated,  // SD3102
    EndingUnreachable,  // SD3103
    PassMarkUnreachable,  // SD3104
    PassMarkUnmissable,  // SD3104
    DecisionTeachesNothing,  // SD3105
    GainingLoop,  // SD3106
    IntentMissed,  // SD3107
    RepairDetour,  // SD3108
};

struct DiagnosticDescriptor {
    DiagnosticId id;
    const char* code;      // in diagnostic_codes(), which gives the severity and the title
    const char* message;   // template: {1}..{n} are the creation site's arguments, in order
};

// All descriptors, in DiagnosticId order.
const std::vector<DiagnosticDescriptor>& diagnostic_descriptors();
const DiagnosticDescriptor& descriptor(DiagnosticId id);

// The template with {k} replaced by args[k - 1]. Every placeholder must have an argument and every
// argument a placeholder: a mismatch is a bug in our code and aborts, naming the descriptor.
std::string format_message(DiagnosticId id, std::initializer_list<std::string_view> args);
std::string format_message(DiagnosticId id, const std::vector<std::string>& args);

// The only way src/ creates a Diagnostic: code, severity and message all come from the tables.
// Position (line, column) is left 0 for the caller to fill in.
Diagnostic make_diagnostic(DiagnosticId id, std::initializer_list<std::string_view> args,
                           std::string file = {}, std::string pointer = {});

// A descriptor with its arguments, for code that finds a problem before it knows the file and
// position (the condition compiler, the portrait check): the caller makes the Diagnostic.
struct DiagnosticText {
    DiagnosticId id{};
    std::vector<std::string> args;
    std::string code() const;
    std::string message() const;
};

}  // namespace salesdojo
