#pragma once
// `salesdojo run` and the results database: the one place the CLI talks to the store. Picks the
// trainee, resumes a saved run, saves the run after every decision and stores the finished attempt.
// When the database cannot be opened or written (corrupt, read-only, disk full) it says so once on
// stderr, naming the file, and the run goes on without being stored.
#include <salesdojo/session.hpp>
#include <salesdojo/store/results_store.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace salesdojo::cli {

struct RecorderOptions {
    bool enabled = true;        // false: --no-store
    std::string database;       // "" = store::default_database_path()
    std::string trainee;        // "" = the trainee picked last, else the login name
    std::string scenario_file;  // for the content hash
    std::string mode;           // practice | scripted
    bool resume = false;
};

class RunRecorder {
public:
    explicit RunRecorder(RecorderOptions options);

    // The session to play: with --resume the saved run replayed (its seed; its language when the
    // caller did not choose one, i.e. `language_given` is false), else a fresh one with `seed`.
    Session begin(std::shared_ptr<const Scenario> scenario, std::uint64_t seed, std::string& language, bool language_given);
    void decided(const Session& session, std::optional<double> seconds);  // after a decision
    void undone(const Session& session);                                 // after an undo
    // A finished session becomes a stored attempt (and its saved run goes); an unfinished one stays saved.
    void ended(const Session& session);

private:
    void save(const Session& session);
    void give_up(const std::string& message);  // prints once and stops using the store

    RecorderOptions m_options;
    std::optional<store::ResultsStore> m_store;
    store::Trainee m_trainee;
    std::string m_content_hash;
    std::string m_language;
    std::int64_t m_started_ms = 0;
    std::vector<std::optional<double>> m_seconds;
};

}  // namespace salesdojo::cli
