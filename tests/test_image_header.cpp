// Image headers and the portrait file checks (include/salesdojo/image_header.hpp): sizes from PNG,
// JPEG, BMP and GIF headers without decoding; only regular files opened; limits as lint errors.
#include <salesdojo/image_header.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace salesdojo;
namespace fs = std::filesystem;

namespace {

std::string be(std::uint32_t v, int bytes) {
    std::string out;
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
    return out;
}
std::string le(std::uint32_t v, int bytes) {
    std::string out;
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
    return out;
}

std::string png(std::uint32_t w, std::uint32_t h) {
    return std::string("\x89PNG\r\n\x1a\n", 8) + be(13, 4) + "IHDR" + be(w, 4) + be(h, 4) +
           std::string("\x08\x06\0\0\0", 5);
}
std::string jpeg(std::uint32_t w, std::uint32_t h) {
    // SOI, an APP0 segment to skip, a fill byte, then SOF2 (progressive).
    std::string app0 = "\xFF\xE0" + be(16, 2) + std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14);
    return std::string("\xFF\xD8", 2) + app0 + "\xFF" + "\xFF\xC2" + be(17, 2) + "\x08" + be(h, 2) + be(w, 2) + "\x03";
}
std::string bmp(std::int32_t w, std::int32_t h) {
    return "BM" + le(0, 4) + le(0, 4) + le(54, 4) + le(40, 4) + le(static_cast<std::uint32_t>(w), 4) +
           le(static_cast<std::uint32_t>(h), 4) + le(1, 2) + le(24, 2);
}
std::string gif(std::uint32_t w, std::uint32_t h) {
    return "GIF89a" + le(w, 2) + le(h, 2) + std::string("\0\0\0", 3);
}

struct Folder {
    fs::path path;
    Folder() {
        std::string pattern = (fs::temp_directory_path() / "salesdojo-image-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~Folder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path / name, std::ios::binary) << bytes;
        return (path / name).string();
    }
};

}  // namespace

TEST_CASE("image headers: the size of PNG, JPEG, BMP and GIF files, nothing decoded") {
    auto h = read_image_header(png(640, 480));
    REQUIRE(h);
    CHECK(h->format == ImageFormat::Png);
    CHECK(h->width == 640);
    CHECK(h->height == 480);
    h = read_image_header(png(30000, 30000));
    REQUIRE(h);
    CHECK(h->width == 30000);
    h = read_image_header(jpeg(1024, 768));
    REQUIRE(h);
    CHECK(h->format == ImageFormat::Jpeg);
    CHECK(h->width == 1024);
    CHECK(h->height == 768);
    h = read_image_header(bmp(300, -200));  // stored top-down
    REQUIRE(h);
    CHECK(h->format == ImageFormat::Bmp);
    CHECK(h->width == 300);
    CHECK(h->height == 200);
    h = read_image_header(gif(16, 9));
    REQUIRE(h);
    CHECK(h->format == ImageFormat::Gif);
    CHECK(h->height == 9);

    for (const std::string& bad :
         {std::string(), std::string("not an image"), png(0, 10), png(10, 10).substr(0, 20), jpeg(10, 10).substr(0, 22),
          std::string("\xFF\xD8\xFF\xD9", 4), bmp(0, 5), gif(5, 0), std::string("GIF89a")}) {
        CAPTURE(bad.size());
        CHECK_FALSE(read_image_header(bad));
    }
}

TEST_CASE("portrait files: regular files within the limits only, a FIFO is never opened") {
    Folder folder;
    std::string bytes;
    CHECK_FALSE(read_portrait_file(folder.write("ok.png", png(512, 512)), bytes));
    CHECK(bytes == png(512, 512));

    bool missing = false;
    CHECK_FALSE(read_portrait_file((folder.path / "nope.png").string(), bytes, &missing));
    CHECK(missing);
    CHECK(bytes.empty());

    auto problem = read_portrait_file(folder.write("huge.png", png(30000, 30000)), bytes);
    REQUIRE(problem);
    CHECK(std::string(problem->code) == "SD2040");
    CHECK(problem->message.find("30000 x 30000") != std::string::npos);
    CHECK(bytes.empty());
    problem = read_portrait_file(folder.write("tall.gif", gif(10, kMaxPortraitSide + 1)), bytes);
    REQUIRE(problem);
    CHECK(std::string(problem->code) == "SD2040");

    problem = read_portrait_file(folder.write("text.png", "hello"), bytes);
    REQUIRE(problem);
    CHECK(std::string(problem->code) == "SD2042");

    problem = read_portrait_file(folder.path.string(), bytes);
    REQUIRE(problem);
    CHECK(std::string(problem->code) == "SD2041");

    // A FIFO with no writer: opening it for reading would block for ever.
    const std::string fifo = (folder.path / "fifo.png").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto start = std::chrono::steady_clock::now();
    problem = read_portrait_file(fifo, bytes);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    REQUIRE(problem);
    CHECK(std::string(problem->code) == "SD2041");
}

TEST_CASE("lint: portrait problems are errors at the portrait's position") {
    Folder folder;
    std::string text = test::read_text_file(test::source_path("tests/data/valid/mini.json"));
    const std::string marker = "\"id\": \"eva\",";
    REQUIRE(text.find(marker) != std::string::npos);
    text.replace(text.find(marker), marker.size(), marker + R"( "portraits": {"neutral": "face.png"},)");
    const std::string file = folder.write("mini.json", text);

    // No file: fine (the drawn portrait). A small PNG: fine.
    CHECK(load_scenario_file(file).ok());
    folder.write("face.png", png(256, 256));
    CHECK(load_scenario_file(file).ok());

    folder.write("face.png", png(30000, 30000));
    LoadResult result = load_scenario_file(file);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "SD2040");
    CHECK(result.diagnostics[0].pointer == "/cast/0/portraits/neutral");
    CHECK(result.diagnostics[0].line > 0);

    fs::remove(folder.path / "face.png");
    REQUIRE(::mkfifo((folder.path / "face.png").c_str(), 0600) == 0);
    result = load_scenario_file(file);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "SD2041");
}
