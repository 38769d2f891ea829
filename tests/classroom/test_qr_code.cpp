// The QR code of the voting address: the matrix, its SVG and PNG, and a real decoder (zbarimg from
// zbar-tools, installed by scripts/setup.sh) reading the PNG back.
#include "../test_support.hpp"

#include <salesdojo/classroom/qr_code.hpp>

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace salesdojo::classroom;

TEST_CASE("a QR code of the join address: a square matrix with the three finder patterns") {
    const auto qr = make_qr("http://192.168.1.20:8080/482913");
    REQUIRE(qr);
    CHECK(qr->size >= 21);
    CHECK((qr->size - 17) % 4 == 0);  // versions grow by 4 modules
    CHECK(qr->dark.size() == static_cast<std::size_t>(qr->size * qr->size));
    // The finder pattern's dark ring and centre, in three corners.
    for (auto [ox, oy] : {std::pair{0, 0}, std::pair{qr->size - 7, 0}, std::pair{0, qr->size - 7}}) {
        CHECK(qr->at(ox, oy));
        CHECK(qr->at(ox + 6, oy + 6));
        CHECK_FALSE(qr->at(ox + 1, oy + 1));
        CHECK(qr->at(ox + 3, oy + 3));
    }
    CHECK_FALSE(make_qr(std::string(8000, 'x')));  // more than any QR code holds
}

TEST_CASE("SVG and terminal renderings draw every dark module") {
    const auto qr = make_qr("http://127.0.0.1:9/123456");
    REQUIRE(qr);
    const std::string svg = qr_svg(*qr, 4);
    std::size_t dark = 0, drawn = 0;
    for (auto d : qr->dark) dark += d;
    for (std::size_t at = svg.find("h1v1h-1z"); at != std::string::npos; at = svg.find("h1v1h-1z", at + 1)) ++drawn;
    CHECK(drawn == dark);
    CHECK(svg.find("viewBox=\"0 0 " + std::to_string(qr->size + 2 * kQrQuietZone)) != std::string::npos);
    const std::string text = qr_terminal(*qr);
    CHECK(std::count(text.begin(), text.end(), '\n') == (qr->size + 2 * kQrQuietZone + 1) / 2);
}

TEST_CASE("the PNG decodes back to the address with a real QR reader") {
    const std::string url = "http://10.0.0.7:47311/905172";
    const auto qr = make_qr(url);
    REQUIRE(qr);
    const std::string png = qr_png(*qr, 6);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    const auto path = std::filesystem::temp_directory_path() / ("salesdojo_qr_" + std::to_string(::getpid()) + ".png");
    std::ofstream(path, std::ios::binary) << png;
    if (std::system("command -v zbarimg >/dev/null 2>&1") != 0) {
        std::filesystem::remove(path);
        FAIL("zbarimg is not installed (scripts/setup.sh installs zbar-tools)");
    }
    FILE* pipe = ::popen(("timeout 20 zbarimg --quiet --raw " + path.string() + " 2>/dev/null").c_str(), "r");
    REQUIRE(pipe);
    std::string out;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    ::pclose(pipe);
    std::filesystem::remove(path);
    CHECK(out == url + "\n");
}
