// The last overall score per scenario, as {"format":1,"last_scores":{"id":score}}. See progress_store.hpp.
#include "progress_store.hpp"

#include "settings.hpp"

#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace salesdojo::gui {
namespace {

namespace fs = std::filesystem;

constexpr int kProgressFormat = 1;

}  // namespace

std::string default_progress_path() {
    const std::string folder = data_folder();
    return folder.empty() ? std::string() : (fs::path(folder) / "progress.json").string();
}

ProgressStore::ProgressStore(std::string path) : m_path(std::move(path)) {
    if (m_path.empty()) return;
    std::ifstream in(m_path, std::ios::binary);
    if (!in) return;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const nlohmann::json doc = nlohmann::json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return;
    // A newer format we do not know: read nothing rather than guess (and overwrite it only on record).
    if (auto format = doc.find("format"); format == doc.end() || !format->is_number_integer() ||
                                          format->get<long long>() != kProgressFormat) {
        return;
    }
    const auto scores = doc.find("last_scores");
    if (scores == doc.end() || !scores->is_object()) return;
    for (const auto& [id, value] : scores->items()) {
        if (id.empty() || !value.is_number()) continue;
        const double score = value.get<double>();
        if (std::isfinite(score)) m_scores[id] = score;
    }
}

std::optional<double> ProgressStore::last_score(const std::string& scenario_id) const {
    const auto it = m_scores.find(scenario_id);
    if (it == m_scores.end()) return std::nullopt;
    return it->second;
}

bool ProgressStore::record(const std::string& scenario_id, double overall_score, std::string* error) {
    auto fail = [error](std::string message) {
        if (error) *error = std::move(message);
        return false;
    };
    if (scenario_id.empty()) return fail("no scenario id");
    if (!std::isfinite(overall_score)) return fail("the score is not a number");
    m_scores[scenario_id] = overall_score;
    if (m_path.empty()) return fail("no folder for the progress file (neither XDG_DATA_HOME nor HOME is set)");

    nlohmann::ordered_json doc;
    doc["format"] = kProgressFormat;
    doc["last_scores"] = nlohmann::ordered_json::object();
    for (const auto& [id, score] : m_scores) doc["last_scores"][id] = score;

    const fs::path parent = fs::path(m_path).parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        fs::create_directories(parent, ec);
        if (ec) return fail("cannot create " + parent.string() + ": " + ec.message());
    }
    std::string message;
    if (!write_file_atomically(m_path, doc.dump(2) + "\n", message)) return fail(message);
    return true;
}

}  // namespace salesdojo::gui
