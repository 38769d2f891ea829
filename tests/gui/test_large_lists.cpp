// Large inputs in the views: long texts split into pieces, row clipping of long lists, the catalogue
// loaded in the background with its size limit. (A damaged results database: test_results_window.cpp.)
#include "app_harness.hpp"
#include "ui_text.hpp"
#include "views/format.hpp"
#include "views/widgets.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

using namespace salesdojo;
using namespace salesdojo::gui;
using namespace salesdojo::gui::test;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// `count` copies of the mini scenario with ids s00000, s00001, ... in `folder`.
void write_copies(const TempFolder& folder, std::size_t count) {
    const std::string text = read_file(source_path("tests/data/valid/mini.json"));
    const std::string marker = "\"id\": \"mini\"";
    REQUIRE(text.find(marker) != std::string::npos);
    for (std::size_t i = 0; i < count; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "s%05zu", i);
        std::string copy = text;
        copy.replace(copy.find(marker), marker.size(), "\"id\": \"" + std::string(id) + "\"");
        std::ofstream(folder.file(std::string(id) + ".json")) << copy;
    }
}

}  // namespace

TEST_CASE("text pieces: at most the limit, split at line breaks or spaces, never inside a character") {
    CHECK(text_pieces("short") == std::vector<std::string_view>{"short"});
    CHECK(text_pieces("") == std::vector<std::string_view>{""});
    const auto spaced = text_pieces("aaaa bbbb cccc", 9);
    CHECK(spaced == std::vector<std::string_view>{"aaaa bbbb", "cccc"});
    const auto lines = text_pieces("aa\nbbbb cc", 8);
    CHECK(lines == std::vector<std::string_view>{"aa", "bbbb cc"});
    // No break at all: cut at a code point boundary (é is two bytes).
    std::string word;
    for (int i = 0; i < 3000; ++i) word += "\xC3\xA9";
    std::size_t total = 0;
    for (const auto piece : text_pieces(word, 1001)) {
        CHECK(piece.size() <= 1001);
        CHECK(piece.size() % 2 == 0);  // whole characters only
        total += piece.size();
    }
    CHECK(total == word.size());
    // Nothing is lost but the single breaks the pieces were split at.
    std::string prose;
    while (prose.size() < 100000) prose += "klant vraagt waarom ";
    std::size_t bytes = 0, pieces = 0;
    for (const auto piece : text_pieces(prose)) {
        CHECK(piece.size() <= kTextPieceBytes);
        bytes += piece.size();
        ++pieces;
    }
    CHECK(bytes + pieces - 1 == prose.size());
}

TEST_CASE("home: a folder loaded in the background shows at once, fills in, then sorts, only rows in view are drawn") {
    TempFolder folder;
    write_copies(folder, 300);
    Catalogue catalogue = load_catalogue_folder(folder.path().string(), Loading::Background);
    CHECK(catalogue.files == 300);
    AppHarness h(std::move(catalogue));
    h.frame();
    CHECK(h.log.has_exact(ui("home.heading", "en")));
    const auto start = std::chrono::steady_clock::now();
    while (!h.app->catalogue().loaded() && std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
        CHECK(h.app->animating());  // the window keeps drawing while cards arrive
        h.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(h.app->catalogue().loaded());
    h.frames(2);
    CHECK(h.app->catalogue().entries.size() == 300);
    CHECK(h.app->catalogue().entries.front().card->id == "s00000");
    CHECK_FALSE(h.log.contains("Loading scenarios"));  // home.loading, gone once all are in
    // 300 cards; a 720-pixel window shows a few rows of them.
    const std::size_t drawn = h.log.count(ui("home.start", "en"));
    CHECK(drawn >= 3);
    CHECK(drawn < 30);
    // Every card can be opened (by id, as the scripts do), and plays.
    REQUIRE(h.app->command("open=s00299"));
    h.reveal();
    CHECK(h.app->screen() == Screen::Play);
}

TEST_CASE("home: more files than the catalogue limit are cut off with a message saying so") {
    TempFolder folder;
    for (std::size_t i = 0; i < kMaxCatalogueFiles + 3; ++i)
        std::ofstream(folder.file("f" + std::to_string(i) + ".json")) << "{}";
    Catalogue catalogue = load_catalogue_folder(folder.path().string());
    CHECK(catalogue.files == kMaxCatalogueFiles);
    CHECK(catalogue.skipped == 3);
    CHECK(catalogue.entries.size() == kMaxCatalogueFiles);
    AppHarness h(std::move(catalogue), Settings{"nl"});
    h.frames(2);
    CHECK(h.log.contains(printf_string(ui("home.too_many", "nl"), kMaxCatalogueFiles + 3, kMaxCatalogueFiles)));
    CHECK(h.log.count(ui("home.show_problems", "nl")) < 40);  // broken cards, only those in view
}
