// Where the results database lives. See results_store.hpp, default_database_path().
// (The window's settings.cpp resolves the same XDG folder; the store may not depend on the window.)
#include <salesdojo/store/results_store.hpp>

#include <cstdlib>
#include <filesystem>
#include <pwd.h>
#include <unistd.h>

namespace salesdojo::store {
namespace {

namespace fs = std::filesystem;

std::string home_folder() {
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    if (const passwd* entry = ::getpwuid(::getuid()); entry && entry->pw_dir && *entry->pw_dir) return entry->pw_dir;
    return {};
}

}  // namespace

std::string default_database_path() {
    if (const char* own = std::getenv("SALESDOJO_DATA_HOME"); own && *own)
        return (fs::path(own) / "results.sqlite").string();
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        return (fs::path(xdg) / "salesdojo" / "results.sqlite").string();
    const std::string home = home_folder();
    if (home.empty()) return {};
    return (fs::path(home) / ".local" / "share" / "salesdojo" / "results.sqlite").string();
}

std::string progress_json_path_next_to(const std::string& database_path) {
    return (fs::path(database_path).parent_path() / "progress.json").string();
}

}  // namespace salesdojo::store

namespace salesdojo::store {

std::string default_trainee_name() {
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* entry = ::getpwuid(::getuid()); entry && entry->pw_name && *entry->pw_name) return entry->pw_name;
    return "trainee";
}

}  // namespace salesdojo::store
