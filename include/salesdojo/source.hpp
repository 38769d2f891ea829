#pragma once
// Reading a scenario's text safely and turning byte offsets and JSON pointers into line:col.
#include <salesdojo/diagnostic.hpp>
#include <salesdojo/limits.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace salesdojo {

// Documented in docs/scenario-format.md ("Limits").
struct SourceLimits {
    std::size_t max_bytes = 32u * 1024u * 1024u;  // larger files are refused before parsing (10,000 nodes in two languages: ~20 MiB)
    int max_depth = 64;                            // deeper nesting is refused before parsing
    // Lint refuses longer runs of automatic nodes (SD2019); the session gives up after this many.
    // Only tests lower it (so that the SD2019 fixture stays small).
    std::size_t max_automatic_steps = kMaxAutomaticSteps;
};

struct Position {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, counted in UTF-8 characters
};

// Maps byte offsets to line:col, and JSON pointers to the offset of the value they name.
// Positions are found from one reading of the structure: each object and array a pointer passes
// through is read once and remembered (see SourceText::Index), so locating any number of diagnostics
// costs about one scan of the file. Safe to use from several threads.
class SourceText {
public:
    SourceText(std::string file, std::string text);
    SourceText(SourceText&&) noexcept;
    SourceText& operator=(SourceText&&) noexcept;
    ~SourceText();
    const std::string& file() const { return m_file; }
    const std::string& text() const { return m_text; }

    Position position_of_offset(std::size_t offset) const;
    // Offset of the first character of the value at `pointer` (for an object member: of its value);
    // nullopt when the pointer does not resolve.
    std::optional<std::size_t> offset_of_pointer(std::string_view pointer) const;
    // offset_of_pointer for many pointers at once, with the same answers.
    std::vector<std::optional<std::size_t>> offsets_of_pointers(const std::vector<std::string_view>& pointers) const;
    // Offset of the key of an object member (for "unknown key" warnings), else of the value.
    std::optional<std::size_t> offset_of_key(std::string_view pointer) const;
    // Position of the `n`-th byte inside the JSON string value at `pointer`, counting the
    // decoded bytes of the string (escape sequences are accounted for).
    Position position_in_string(std::string_view pointer, std::size_t n) const;

    // make_diagnostic for this file, positioned at the pointer's value (severity from the code table).
    Diagnostic make(std::string_view code, std::string message, std::string pointer) const;

private:
    struct Index;  // defined in source.cpp
    std::size_t characters_between(std::size_t from, std::size_t to) const;
    std::string m_file;
    std::string m_text;
    std::vector<std::size_t> m_line_starts;
    std::unique_ptr<Index> m_index;
};

// Reads a file with the limits above. Missing file, directory, symlink loop, unreadable, too large:
// returns nullopt and appends a diagnostic (SD1001 unreadable, SD1002 too large).
std::optional<std::string> read_source_file(const std::string& path, const SourceLimits& limits,
                                            Diagnostics& out);

// Checks UTF-8 (SD1003) and nesting depth (SD1004), then parses (SD1005 with line:col).
// Never throws; returns nullopt after appending diagnostics.
std::optional<nlohmann::json> parse_json(const SourceText& source, const SourceLimits& limits,
                                         Diagnostics& out);

// ----- documents for the loader ------------------------------------------------------------------
// A 20 MiB scenario parses into about a million JSON values (objects, arrays, their members), each
// a small heap block: allocating them one by one and freeing them one by one afterwards costs more
// than parsing. A Document keeps its values in one arena instead, released all at once. Strings keep
// their own std::string buffers, so a reader may move them out (the loader moves texts into the
// Scenario). The loader uses this; parse_json() above stays the general-purpose parser.

class DocumentArena;  // defined in source.cpp

namespace detail {
// Memory for document values, from the arena of the Document being parsed on this thread. (Outside
// a parse, blocks come from a process-wide arena that is never released: no value of this type is
// made outside a parse by SalesDojo itself.)
void* document_allocate(std::size_t bytes, std::size_t alignment);
}  // namespace detail

// Allocation never fails silently; deallocation is a no-op (the arena is released as a whole).
template <typename T>
struct DocumentAllocator {
    using value_type = T;
    DocumentAllocator() noexcept = default;
    template <typename U>
    DocumentAllocator(const DocumentAllocator<U>&) noexcept {}  // NOLINT: rebinding, as std::allocator
    T* allocate(std::size_t n) { return static_cast<T*>(detail::document_allocate(n * sizeof(T), alignof(T))); }
    void deallocate(T*, std::size_t) noexcept {}
    template <typename U>
    bool operator==(const DocumentAllocator<U>&) const noexcept { return true; }
    template <typename U>
    bool operator!=(const DocumentAllocator<U>&) const noexcept { return false; }
};

// nlohmann::json with its containers in a document arena (the same API and the same values).
using DocumentJson = nlohmann::basic_json<std::map, std::vector, std::string, bool, std::int64_t,
                                          std::uint64_t, double, DocumentAllocator>;

// A parsed document. Move-only. Destroying it frees the strings' buffers still in it, then releases
// the arena; the values' own destructors are never run (they own nothing else).
class Document {
public:
    Document(Document&& other) noexcept;
    Document& operator=(Document&& other) noexcept;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;
    ~Document();

    DocumentJson& root() { return *m_root; }
    const DocumentJson& root() const { return *m_root; }

private:
    friend std::optional<Document> parse_document(const SourceText&, const SourceLimits&, Diagnostics&);
    Document();
    void release() noexcept;
    std::unique_ptr<DocumentArena> m_arena;
    DocumentJson* m_root = nullptr;
};

// As parse_json (the same checks, the same diagnostics, never throws), into a Document.
std::optional<Document> parse_document(const SourceText& source, const SourceLimits& limits, Diagnostics& out);

}  // namespace salesdojo
