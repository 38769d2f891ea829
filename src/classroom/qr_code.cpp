#include <salesdojo/classroom/qr_code.hpp>

#include <qrencode.h>

#include <array>

namespace salesdojo::classroom {

std::optional<QrMatrix> make_qr(const std::string& text) {
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return std::nullopt;
    QrMatrix qr;
    qr.size = code->width;
    qr.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = code->data[i] & 1;  // bit 0: dark module
    QRcode_free(code);
    return qr;
}

std::string qr_svg(const QrMatrix& qr, int module_pixels) {
    const int side = (qr.size + 2 * kQrQuietZone) * module_pixels;
    std::string path;
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.at(x, y))
                path += "M" + std::to_string(x + kQrQuietZone) + "," + std::to_string(y + kQrQuietZone) + "h1v1h-1z";
    const std::string view = std::to_string(qr.size + 2 * kQrQuietZone);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(side) + "\" height=\"" +
           std::to_string(side) + "\" viewBox=\"0 0 " + view + " " + view + "\" shape-rendering=\"crispEdges\">" +
           "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

namespace {

std::uint32_t crc32(const std::string& bytes, std::size_t from) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = from; i < bytes.size(); ++i) c = table[(c ^ static_cast<unsigned char>(bytes[i])) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data) {
    put32(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = png.size();
    png += type;
    png += data;
    put32(png, crc32(png, start));
}

}  // namespace

std::string qr_png(const QrMatrix& qr, int module_pixels) {
    const int side = (qr.size + 2 * kQrQuietZone) * module_pixels;
    // Raw scanlines: a filter byte (0) and one grey byte per pixel.
    std::string raw;
    raw.reserve(static_cast<std::size_t>(side) * static_cast<std::size_t>(side + 1));
    for (int py = 0; py < side; ++py) {
        raw += '\0';
        const int y = py / module_pixels - kQrQuietZone;
        for (int px = 0; px < side; ++px) {
            const int x = px / module_pixels - kQrQuietZone;
            const bool dark = x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.at(x, y);
            raw += static_cast<char>(dark ? 0x00 : 0xFF);
        }
    }
    // zlib stream of stored (uncompressed) deflate blocks of at most 65535 bytes.
    std::string z = "\x78\x01";
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    for (std::size_t at = 0; at < raw.size() || at == 0; at += 65535) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
        z += static_cast<char>(at + n >= raw.size() ? 1 : 0);
        z += static_cast<char>(n & 0xFF);
        z += static_cast<char>(n >> 8);
        z += static_cast<char>(~n & 0xFF);
        z += static_cast<char>((~n >> 8) & 0xFF);
        z.append(raw, at, n);
        if (raw.empty()) break;
    }
    put32(z, (b << 16) | a);

    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    put32(header, static_cast<std::uint32_t>(side));
    put32(header, static_cast<std::uint32_t>(side));
    header += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit, greyscale, deflate, no filter, no interlace
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    return png;
}

std::string qr_terminal(const QrMatrix& qr) {
    // Light modules are drawn (a dark terminal shows dark ones as background), with the quiet zone.
    const int from = -kQrQuietZone, to = qr.size + kQrQuietZone;
    auto light = [&](int x, int y) { return x < 0 || y < 0 || x >= qr.size || y >= qr.size || !qr.at(x, y); };
    std::string out;
    for (int y = from; y < to; y += 2) {
        for (int x = from; x < to; ++x) {
            const bool top = light(x, y), bottom = y + 1 >= to || light(x, y + 1);
            out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        out += '\n';
    }
    return out;
}

}  // namespace salesdojo::classroom
