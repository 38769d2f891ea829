#pragma once
// Shared by the xAPI tests: a temporary data folder and small statements.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace salesdojo::test {

class TempFolder {
public:
    TempFolder() {
        std::random_device device;
        m_path = std::filesystem::temp_directory_path() / ("salesdojo-xapi-test-" + std::to_string(device()));
        std::filesystem::create_directories(m_path);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    std::string path() const { return m_path.string(); }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

inline std::vector<nlohmann::json> numbered_statements(int from, int count) {
    std::vector<nlohmann::json> out;
    for (int i = from; i < from + count; ++i)
        out.push_back({{"id", "00000000-0000-5000-8000-" + std::string(12 - std::to_string(i).size(), '0') + std::to_string(i)},
                       {"actor", {{"account", {{"homePage", "https://lms.example.org"}, {"name", "ann"}}}}},
                       {"verb", {{"id", "http://adlnet.gov/expapi/verbs/answered"}}},
                       {"object", {{"id", "https://lms.example.org/n/" + std::to_string(i)}}}});
    return out;
}

}  // namespace salesdojo::test
