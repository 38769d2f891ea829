#include <salesdojo/image_header.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace salesdojo {
namespace {

PortraitProblem portrait_problem(DiagnosticId id, std::vector<std::string> args) {
    DiagnosticText text{id, std::move(args)};
    const char* code = descriptor(id).code;
    std::string message = text.message();
    return PortraitProblem{code, std::move(message), std::move(text)};
}

std::uint32_t be16(std::string_view b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 8) | static_cast<unsigned char>(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) {
    return (be16(b, at) << 16) | be16(b, at + 2);
}
std::uint32_t le16(std::string_view b, std::size_t at) {
    return static_cast<unsigned char>(b[at]) | (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8);
}
std::uint32_t le32(std::string_view b, std::size_t at) {
    return le16(b, at) | (le16(b, at + 2) << 16);
}

std::optional<ImageHeader> sized(ImageFormat format, std::uint32_t width, std::uint32_t height) {
    if (width == 0 || height == 0) return std::nullopt;
    return ImageHeader{format, width, height};
}

std::optional<ImageHeader> png(std::string_view b) {
    // Signature, then the first chunk must be IHDR (length 13): width, height as big-endian 32-bit.
    if (b.size() < 24 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) || b.substr(12, 4) != "IHDR")
        return std::nullopt;
    return sized(ImageFormat::Png, be32(b, 16), be32(b, 20));
}

std::optional<ImageHeader> jpeg(std::string_view b) {
    if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF || static_cast<unsigned char>(b[1]) != 0xD8)
        return std::nullopt;
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
        if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
        const unsigned marker = static_cast<unsigned char>(b[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
            at += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // image data before any frame header
        const std::uint32_t length = be16(b, at + 2);
        if (length < 2) return std::nullopt;
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            if (at + 9 > b.size()) return std::nullopt;
            return sized(ImageFormat::Jpeg, be16(b, at + 7), be16(b, at + 5));  // precision, height, width
        }
        at += 2 + length;
    }
    return std::nullopt;
}

std::optional<ImageHeader> bmp(std::string_view b) {
    if (b.size() < 26 || b.substr(0, 2) != "BM") return std::nullopt;
    const std::uint32_t dib = le32(b, 14);
    if (dib == 12) return sized(ImageFormat::Bmp, le16(b, 18), le16(b, 20));  // OS/2 core header
    if (dib < 40) return std::nullopt;
    const auto width = static_cast<std::int32_t>(le32(b, 18));
    const auto height = static_cast<std::int32_t>(le32(b, 22));  // negative: stored top-down
    if (width <= 0 || height == 0 || height == INT32_MIN) return std::nullopt;
    return sized(ImageFormat::Bmp, static_cast<std::uint32_t>(width),
                 static_cast<std::uint32_t>(height < 0 ? -height : height));
}

std::optional<ImageHeader> gif(std::string_view b) {
    if (b.size() < 10 || (b.substr(0, 6) != "GIF87a" && b.substr(0, 6) != "GIF89a")) return std::nullopt;
    return sized(ImageFormat::Gif, le16(b, 6), le16(b, 8));  // the logical screen; frames are clipped to it
}

}  // namespace

std::optional<ImageHeader> read_image_header(std::string_view bytes) {
    if (auto h = png(bytes)) return h;
    if (auto h = jpeg(bytes)) return h;
    if (auto h = bmp(bytes)) return h;
    return gif(bytes);
}

std::optional<PortraitProblem> read_portrait_file(const std::string& path, std::string& bytes, bool* missing) {
    bytes.clear();
    if (missing) *missing = false;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            if (missing) *missing = true;
            return std::nullopt;
        }
        return portrait_problem(DiagnosticId::PortraitUnreadable, {path, std::strerror(errno)});
    }
    if (!S_ISREG(info.st_mode)) return portrait_problem(DiagnosticId::PortraitNotRegular, {path});
    if (static_cast<std::uint64_t>(info.st_size) > kMaxPortraitFileBytes)
        return portrait_problem(DiagnosticId::PortraitFileTooLarge,
                                {path, std::to_string(info.st_size), std::to_string(kMaxPortraitFileBytes)});
    // Non-blocking, and checked again once open: the path may have been replaced by a FIFO meanwhile.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return portrait_problem(DiagnosticId::PortraitUnreadable, {path, std::strerror(errno)});
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) ||
        static_cast<std::uint64_t>(opened.st_size) > kMaxPortraitFileBytes) {
        ::close(fd);
        return portrait_problem(DiagnosticId::PortraitNotRegular, {path});
    }
    bytes.resize(static_cast<std::size_t>(opened.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, &bytes[done], bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(done);
    const std::optional<ImageHeader> header = read_image_header(bytes);
    if (!header) {
        bytes.clear();
        return portrait_problem(DiagnosticId::PortraitNotImage, {path});
    }
    if (header->width > kMaxPortraitSide || header->height > kMaxPortraitSide) {
        bytes.clear();
        return portrait_problem(DiagnosticId::PortraitTooManyPixels, {path, std::to_string(header->width), std::to_string(header->height),
                                                                      std::to_string(kMaxPortraitSide)});
    }
    return std::nullopt;
}

std::optional<PortraitProblem> check_portrait_file(const std::string& scenario_file, const std::string& relative) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(fs::absolute(scenario_file, ec).parent_path(), ec);
    if (ec) return std::nullopt;  // the scenario's own folder cannot be resolved: nothing to check against
    const fs::path full = fs::weakly_canonical(folder / relative, ec);
    if (ec) return std::nullopt;
    // A symbolic link inside the folder may still lead out of it: never read there, not even a header.
    const auto [end, _] = std::mismatch(folder.begin(), folder.end(), full.begin(), full.end());
    if (end != folder.end())
        return portrait_problem(DiagnosticId::PortraitLeadsOutside, {relative});
    std::string bytes;
    return read_portrait_file(full.string(), bytes);
}

}  // namespace salesdojo
