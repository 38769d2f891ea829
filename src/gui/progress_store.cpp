// The last overall score per scenario, as {"format":1,"last_scores":{"id":score}}. See progress_store.hpp.
#include "progress_store.hpp"

#include "settings.hpp"

#include <salesdojo/session.hpp>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

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
    if (!m_path.empty()) load();
    if (m_notice.problem != ProgressProblem::None)
        std::fprintf(stderr, "salesdojo: %s: %s\n", m_path.c_str(), m_notice.detail.c_str());
}

void ProgressStore::load() {
    std::error_code ec;
    const fs::file_status status = fs::status(m_path, ec);
    if (status.type() == fs::file_type::not_found) return;
    if (!fs::is_regular_file(status)) {
        m_read_only = true;
        m_notice = {ProgressProblem::Unreadable, m_path, "not a regular file"};
        return;
    }
    std::ifstream in(m_path, std::ios::binary);
    if (!in) {
        m_read_only = true;
        m_notice = {ProgressProblem::Unreadable, m_path, "cannot be read"};
        return;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return set_aside("not a JSON object");
    const auto format = doc.find("format");
    if (format == doc.end() || !format->is_number_integer()) return set_aside("no format number");
    if (format->get<long long>() > kProgressFormat) {
        // Written by a newer version: read nothing rather than guess, and never overwrite it.
        m_read_only = true;
        m_notice = {ProgressProblem::NewerFormat, m_path, "format " + format->dump() + " is newer than this version's"};
        return;
    }
    if (format->get<long long>() != kProgressFormat) return set_aside("unknown format " + format->dump());
    const auto scores = doc.find("last_scores");
    if (scores == doc.end() || !scores->is_object()) return set_aside("no last_scores object");
    bool odd = false;
    for (const auto& [id, value] : scores->items()) {
        const bool ok = !id.empty() && value.is_number() && std::isfinite(value.get<double>());
        if (ok) m_scores[id] = value.get<double>();
        odd = odd || !ok;
    }
    if (odd) set_aside("scores that are not numbers");  // the valid ones stay read
}

// Renames the damaged file out of the way so the next record() writes a fresh one next to it.
void ProgressStore::set_aside(const std::string& detail) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    std::string kept = m_path + ".damaged-" + stamp;
    std::error_code ec;
    for (int n = 2; fs::exists(kept, ec) && n < 100; ++n) kept = m_path + ".damaged-" + stamp + "-" + std::to_string(n);
    fs::rename(m_path, kept, ec);
    if (ec) {
        m_read_only = true;
        m_notice = {ProgressProblem::Unreadable, m_path, detail + "; cannot rename it: " + ec.message()};
        return;
    }
    m_notice = {ProgressProblem::SetAside, kept, detail + "; kept as " + kept};
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
    if (m_read_only) return fail(m_path + " is left as it is (" + m_notice.detail + "); the score is not saved");

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
    // The rename is only durable once the folder's entry is on disk too.
    const int folder = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return true;
}

}  // namespace salesdojo::gui
