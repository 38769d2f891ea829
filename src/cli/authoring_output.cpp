#include "authoring_output.hpp"

#include <salesdojo/session.hpp>

#include <iostream>

namespace salesdojo::cli {

bool write_output(const std::string& command, const std::string& path, const std::string& text) {
    if (path.empty()) {
        std::cout << text << std::flush;
        return static_cast<bool>(std::cout);
    }
    std::string error;
    if (write_file_atomically(path, text, error)) return true;
    std::cerr << "salesdojo " << command << ": cannot write '" << path << "': " << error << "\n";
    return false;
}

}  // namespace salesdojo::cli
