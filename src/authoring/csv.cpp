// RFC 4180 CSV: see csv.hpp.
#include <salesdojo/authoring/csv.hpp>
#include <salesdojo/authoring/problem.hpp>

namespace salesdojo::authoring {

std::optional<std::vector<CsvRow>> parse_csv(std::string_view text, CsvError& error) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRow> rows;
    std::size_t i = 0, line_start = 0;
    int line = 1;
    const auto fail = [&](std::string message) {
        error = {line, static_cast<int>(i - line_start) + 1, std::move(message)};
        return std::nullopt;
    };
    if (const auto bad = invalid_utf8_at(text)) {  // the whole text must be UTF-8 before anything else
        const auto [bad_line, bad_column] = line_and_column(text, *bad);
        error = {bad_line, bad_column, "invalid UTF-8 (save the file as UTF-8)"};
        return std::nullopt;
    }
    while (i < text.size()) {
        CsvRow row;
        row.line = line;
        std::string field;
        bool at_field_start = true, quoted = false, row_done = false;
        while (!row_done) {
            if (i >= text.size()) {
                row.fields.push_back(std::move(field));
                break;
            }
            const char c = text[i];
            if (at_field_start && c == '"') {
                quoted = true;
                at_field_start = false;
                ++i;
                const int open_line = line;
                const std::size_t open_column = i - line_start;
                while (true) {
                    if (i >= text.size()) {
                        error = {open_line, static_cast<int>(open_column), "a quoted field is never closed (a missing \")"};
                        return std::nullopt;
                    }
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; i += 2; continue; }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') { ++line; line_start = i + 1; }
                    field += text[i++];
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    return fail("text after a closing quote (a quote inside a quoted field is written \"\")");
                continue;
            }
            at_field_start = false;
            if (c == ',') {
                row.fields.push_back(std::move(field));
                field.clear();
                at_field_start = true;
                quoted = false;
                ++i;
            } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
                row.fields.push_back(std::move(field));
                i += c == '\r' ? 2 : 1;
                ++line;
                line_start = i;
                row_done = true;
            } else if (c == '"' && !quoted) {
                return fail("a quote inside an unquoted field (put the field in quotes and double the quote: \"\")");
            } else if (c == '\r') {
                return fail("a carriage return outside quotes that does not end a line");
            } else {
                field += c;
                ++i;
            }
        }
        const bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
    }
    return rows;
}

std::string csv_field(std::string_view field) {
    const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                              (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs_quotes) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_record(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\n";
}

}  // namespace salesdojo::authoring
