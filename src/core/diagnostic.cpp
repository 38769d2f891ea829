#include <salesdojo/diagnostic.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace salesdojo {

const std::vector<DiagnosticCode>& diagnostic_codes() {
    static const std::vector<DiagnosticCode> codes = {
        {"SD1001", Severity::Error, "file cannot be read"},
        {"SD1002", Severity::Error, "file is larger than the size limit"},
        {"SD1003", Severity::Error, "file is not valid UTF-8"},
        {"SD1004", Severity::Error, "JSON nesting deeper than the limit"},
        {"SD1005", Severity::Error, "JSON syntax error"},
        {"SD1006", Severity::Error, "unsupported or missing format_version"},
        {"SD1007", Severity::Error, "value has the wrong type"},
        {"SD1008", Severity::Error, "required key is missing"},
        {"SD1009", Severity::Warning, "unknown key"},
        {"SD1010", Severity::Error, "value is not allowed here"},
        {"SD1011", Severity::Error, "condition syntax error"},
        {"SD1012", Severity::Error, "node needs exactly one way on"},
        {"SD1013", Severity::Error, "key repeated in one object"},
        {"SD2001", Severity::Error, "duplicate id"},
        {"SD2002", Severity::Error, "unknown target node"},
        {"SD2003", Severity::Error, "unknown variable or fact in a condition"},
        {"SD2004", Severity::Error, "missing translation"},
        {"SD2005", Severity::Error, "unknown dimension"},
        {"SD2006", Severity::Error, "unknown principle"},
        {"SD2007", Severity::Error, "unreachable node"},
        {"SD2008", Severity::Error, "dead end"},
        {"SD2009", Severity::Error, "cycle that can never reach an ending"},
        {"SD2010", Severity::Error, "unknown speaker"},
        {"SD2011", Severity::Error, "unknown expression for this speaker"},
        {"SD2012", Severity::Error, "unknown fact"},
        {"SD2013", Severity::Error, "condition type error"},
        {"SD2014", Severity::Error, "unknown outcome class"},
        {"SD2015", Severity::Error, "unknown variable in an effect"},
        {"SD2016", Severity::Error, "value does not fit the variable"},
        {"SD2017", Severity::Warning, "text in a language the scenario does not declare"},
        {"SD2018", Severity::Error, "portrait path outside the scenario's folder"},
        {"SD2019", Severity::Error, "more automatic nodes in a row than a session follows"},
        {"SD2040", Severity::Error, "portrait image larger than the limit"},
        {"SD2041", Severity::Error, "portrait is not a regular file"},
        {"SD2042", Severity::Error, "portrait is not a PNG, JPEG, BMP or GIF image"},
        {"SD3001", Severity::Error, "too many reachable states to analyse"},
        {"SD3002", Severity::Error, "loops too intertwined to analyse exactly"},
        {"SD3003", Severity::Error, "a reachable situation with no available choice"},
        {"SD3004", Severity::Error, "no complete path from the start to an ending"},
        {"SD3101", Severity::Warning, "dimension no choice changes"},
        {"SD3102", Severity::Warning, "option dominated by a sibling on every dimension"},
        {"SD3103", Severity::Warning, "ending that can never be reached in play"},
        {"SD3104", Severity::Warning, "pass mark that cannot be reached or cannot be missed"},
        {"SD3105", Severity::Warning, "decision whose options are all worth the same"},
        {"SD3106", Severity::Warning, "loop in which going round gains points"},
        {"SD3107", Severity::Warning, "option graded more than one class from its author's intent"},
        {"SD3108", Severity::Warning, "repair detour: a costly option a later option makes up for"},
    };
    return codes;
}

const DiagnosticCode* find_diagnostic_code(std::string_view code) {
    for (const auto& entry : diagnostic_codes())
        if (code == entry.code) return &entry;
    return nullptr;
}

Diagnostic make_diagnostic(std::string_view code, std::string message, std::string file,
                           std::string pointer) {
    const DiagnosticCode* entry = find_diagnostic_code(code);
    if (!entry) {
        // Misuse by our own code, in every build type: abort rather than emit a code nobody documents
        // (an exception could be caught and shown to the author as a content problem).
        std::fprintf(stderr, "salesdojo: internal error: diagnostic code '%.*s' is not in diagnostic_codes()\n",
                     static_cast<int>(code.size()), code.data());
        std::abort();
    }
    Diagnostic d;
    d.severity = entry->severity;
    d.code = entry->code;
    d.message = std::move(message);
    d.file = std::move(file);
    d.pointer = std::move(pointer);
    return d;
}

bool has_errors(const Diagnostics& diagnostics) {
    return count(diagnostics, Severity::Error) > 0;
}

std::size_t count(const Diagnostics& diagnostics, Severity severity) {
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
        [&](const Diagnostic& d) { return d.severity == severity; }));
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out += d.severity == Severity::Error ? ": error[" : ": warning[";
    out += d.code + "]: " + d.message;
    return out;
}

nlohmann::json diagnostic_to_json(const Diagnostic& d) {
    return {
        {"severity", d.severity == Severity::Error ? "error" : "warning"},
        {"code", d.code},
        {"message", d.message},
        {"file", d.file},
        {"line", d.line},
        {"column", d.column},
        {"pointer", d.pointer},
    };
}

}  // namespace salesdojo
