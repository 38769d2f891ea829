// Writing the output of `export` and `report`. See export_files.hpp.
#include "export_files.hpp"

#include <salesdojo/session.hpp>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace salesdojo::cli {

bool write_output(const std::string& path, const std::string& text, std::string& error) {
    if (path.empty()) {
        // A terminal gets the text through main's control-character filter; a pipe or a file gets the
        // exact bytes (a CSV's CRLF line ends, the page as written).
        std::cout << std::flush;
        if (::isatty(STDOUT_FILENO)) {
            std::cout << text << std::flush;
            if (std::cout) return true;
        } else {
            std::size_t done = 0;
            while (done < text.size()) {
                const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                done += static_cast<std::size_t>(n);
            }
            if (done == text.size()) return true;
        }
        error = "cannot write to the standard output";
        return false;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "'" + path + "' is a folder; give a file name";
        return false;
    }
    return write_file_atomically(path, text, error);  // the core's: temporary, fsync, rename, folder fsync
}

bool write_csv_tables(const std::string& path, const report::CsvTables& tables, std::string& error) {
    if (path.empty()) return write_output("", tables.attempts + "\r\n" + tables.decisions, error);
    return write_output(path, tables.attempts, error) && write_output(report::decisions_csv_path(path), tables.decisions, error);
}

std::string default_interface_language() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) return std::string(value).rfind("nl", 0) == 0 ? "nl" : "en";
    }
    return "en";
}

}  // namespace salesdojo::cli
