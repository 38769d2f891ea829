#pragma once
// The QR code of the voting page's address (libqrencode), as a module matrix any view can draw, and
// as SVG, PNG and terminal text (docs/classroom.md). A module is one square of the code; the quiet
// zone (the white margin scanners need) is added by the renderings, not stored in the matrix.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::classroom {

struct QrMatrix {
    int size = 0;                     // modules per side
    std::vector<std::uint8_t> dark;  // size * size, row by row: 1 = dark

    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] != 0; }
};

// Error correction M (about 15 % of the code may be damaged). nullopt when the text does not fit
// in a QR code or libqrencode fails.
std::optional<QrMatrix> make_qr(const std::string& text);

constexpr int kQrQuietZone = 4;  // modules of white around the code, as the standard asks

std::string qr_svg(const QrMatrix& qr, int module_pixels = 8);
// An 8-bit grey PNG (uncompressed deflate blocks: no zlib needed), black on white.
std::string qr_png(const QrMatrix& qr, int module_pixels = 8);
// Two rows of modules per line with half-block characters, for a terminal with a dark background.
std::string qr_terminal(const QrMatrix& qr);

}  // namespace salesdojo::classroom
