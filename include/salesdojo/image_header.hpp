#pragma once
// Portrait image files, checked before anything decodes them: the size in pixels is read from the
// header of a PNG, JPEG, BMP or GIF file (no decoder, no dependencies), and the file is opened only
// when it is a regular file (a FIFO or a device would block or never end). Used by the loader (lint
// errors SD2040-SD2042) and by the window, which decodes only the bytes read here, once.
#include <salesdojo/diagnostic_descriptors.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace salesdojo {

enum class ImageFormat { Png, Jpeg, Bmp, Gif };

struct ImageHeader {
    ImageFormat format = ImageFormat::Png;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

// The format and size from the first bytes of an image file; nullopt when `bytes` does not start
// with a well-formed PNG, JPEG (up to its SOF segment), BMP or GIF header, or the size is zero.
std::optional<ImageHeader> read_image_header(std::string_view bytes);

// Limits for portraits (docs/scenario-format.md): a decoded 4096 x 4096 image takes 64 MiB.
constexpr std::uint32_t kMaxPortraitSide = 4096;                      // pixels, each side
constexpr std::uint64_t kMaxPortraitFileBytes = 16u * 1024u * 1024u;  // the file itself

struct PortraitProblem {
    const char* code;     // "SD2040" too large, "SD2041" not a regular file, "SD2042" not an image,
                          // "SD2018" (check_portrait_file) a link out of the scenario's folder
    std::string message;  // names the file: text.message()
    DiagnosticText text;  // the descriptor and its arguments (the loader reports it at the portrait)
};

// Reads the portrait at `path` into `bytes` when it is a regular file within the limits whose header
// is a supported image no larger than kMaxPortraitSide on each side; otherwise says why. A file that
// does not exist gives `missing` = true and no problem (a drawn portrait is used instead).
std::optional<PortraitProblem> read_portrait_file(const std::string& path, std::string& bytes, bool* missing = nullptr);

// The loader's check: the portrait `relative` to the scenario file `scenario_file`'s folder; a path
// that a symbolic link leads out of that folder gives SD2018 and is not opened.
std::optional<PortraitProblem> check_portrait_file(const std::string& scenario_file, const std::string& relative);

}  // namespace salesdojo
