// From a played session to a stored attempt and back: ids not indices, re-scoring against an edited
// scenario, and the content hash.
#include "../gui/temp_env.hpp"
#include "../test_support.hpp"

#include <salesdojo/analysis.hpp>
#include <salesdojo/store/attempt.hpp>

#include <doctest/doctest.h>

using namespace salesdojo;
using namespace salesdojo::test;

namespace {

std::shared_ptr<const Scenario> load_text(const std::string& text) {
    LoadResult result = load_scenario_text(text, "edited.json");
    REQUIRE(result.ok());
    return result.scenario;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("store: FNV-1a-64 content hash matches the published test vectors") {
    CHECK(store::fnv1a64("") == 0xcbf29ce484222325ull);
    CHECK(store::fnv1a64("a") == 0xaf63dc4c8601ec8cull);
    CHECK(store::fnv1a64("foobar") == 0x85944171f73967e8ull);
    CHECK(store::content_hash_hex("a") == "af63dc4c8601ec8c");
    const std::string mini = source_path("tests/data/valid/mini.json");
    CHECK(store::content_hash_of_file(mini) == store::content_hash_hex(read_text_file(mini)));
    CHECK(store::content_hash_of_file("/no/such/file.json").empty());
}

TEST_CASE("store: a played session becomes a record of ids, stored, and re-scored against an edited scenario") {
    const std::string text = read_text_file(source_path("tests/data/valid/mini.json"));
    const auto scenario = load_text(text);
    const auto analysis = analyse(scenario).analysis;
    REQUIRE(analysis);
    Session session(scenario, 9);
    session.choose(*session.find_choice("ask"));
    session.choose(*session.find_choice("offer"));
    REQUIRE(session.finished());
    const Debrief debrief = make_debrief(*analysis, session);

    TempDir dir;
    store::ResultsStore db = store::ResultsStore::open((dir.path() / "r.sqlite").string());
    const auto anna = db.create_trainee("Anna");
    store::AttemptContext context{anna.id, store::content_hash_hex(text), "en", "practice", 1000, 61000, {3.5, 1.25}};
    const store::AttemptRecord record = store::make_attempt_record(session, debrief, context);
    CHECK(record.scenario_id == "mini");
    CHECK(record.scenario_version == "1.0.0");
    CHECK(record.seed == 9);
    CHECK(record.ending_node == "won");
    CHECK(record.outcome == "qualified-fit");
    CHECK(record.overall == doctest::Approx(debrief.overall_score));
    CHECK(record.accuracy == doctest::Approx(debrief.accuracy));
    REQUIRE(record.decisions.size() == 2);
    CHECK(record.decisions[0].node_id == "open");
    CHECK(record.decisions[0].choice_id == "ask");
    CHECK(record.decisions[0].verdict == "best");
    CHECK(record.decisions[0].seconds == 3.5);
    CHECK(record.decisions[1].choice_id == "offer");
    REQUIRE(record.dimensions.size() == 2);
    CHECK(record.dimensions[0].dimension_id == "qualify");
    CHECK(record.dimensions[0].raw_total == 3);
    CHECK(record.dimensions[1].dimension_id == "bias");
    CHECK(record.dimensions[1].raw_total == 1);

    const auto stored = db.attempt(db.insert_attempt(record));
    REQUIRE(stored);
    std::string error;
    // Against the same scenario: the same numbers.
    const auto same = store::rescore_attempt(*stored, scenario, *analysis, error);
    REQUIRE_MESSAGE(same, error);
    CHECK(same->overall == doctest::Approx(stored->overall));
    CHECK(same->dimensions[0].raw_total == 3);
    CHECK(same->decisions[0].seconds == 3.5);  // times are kept

    // A new version where "offer" scores more: the stored numbers stay, the re-score changes.
    const auto edited = load_text(replaced(replaced(text, R"("score": {"qualify": 1}, "principles")", R"("score": {"qualify": 4}, "principles")"),
                                           R"("version": "1.0.0")", R"("version": "1.1.0")"));
    const auto edited_analysis = analyse(edited).analysis;
    REQUIRE(edited_analysis);
    const auto rescored = store::rescore_attempt(*stored, edited, *edited_analysis, error);
    REQUIRE_MESSAGE(rescored, error);
    CHECK(rescored->scenario_version == "1.1.0");
    CHECK(rescored->dimensions[0].raw_total == 6);
    CHECK(db.attempt(*stored->id)->dimensions[0].raw_total == 3);  // shown as it was scored

    // A version without the choice: the attempt cannot be re-scored, and says why.
    const auto renamed = load_text(replaced(text, R"("id": "offer")", R"("id": "propose")"));
    const auto renamed_analysis = analyse(renamed).analysis;
    REQUIRE(renamed_analysis);
    CHECK_FALSE(store::rescore_attempt(*stored, renamed, *renamed_analysis, error));
    CHECK(error.find("'offer'") != std::string::npos);
    CHECK(error.find("'pitch'") != std::string::npos);
}
