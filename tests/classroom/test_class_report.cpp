// The class report of a group run, and a whole class end to end: hands and phone votes over real
// HTTP on 127.0.0.1, reveal, an override, the consequence, the report, and the log in the results
// database.
#include "class_fixture.hpp"

#include <salesdojo/classroom/vote_server.hpp>
#include <salesdojo/report/classroom_report.hpp>
#include <salesdojo/store/results_store.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include <unistd.h>

using namespace salesdojo;
using namespace salesdojo::classroom;
using namespace salesdojo::test;

namespace {

std::string join(int port, const std::string& code) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(2, 0);
    auto res = c.Post("/" + code + "/join", "{}", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return nlohmann::json::parse(res->body)["device"];
}

int vote(int port, const std::string& code, const std::string& device, std::size_t decision, std::size_t option) {
    httplib::Client c("127.0.0.1", port);
    c.set_connection_timeout(2, 0);
    c.set_read_timeout(2, 0);
    auto res = c.Post("/" + code + "/vote", {{"X-Device", device}},
                      nlohmann::json{{"decision", decision}, {"option", option}}.dump(), "application/json");
    REQUIRE(res);
    return res->status;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a whole class: hands and phones over HTTP, reveal, override, consequence, report, stored log") {
    ClassFixture f;
    ClassRunOptions options;
    options.uid = "3f2b8c1e-0000-4000-8000-000000000013";
    LiveClass live(ClassRun(f.scenario, f.analysis, options));
    VoteServer server(live, {});
    std::string error;
    REQUIRE_MESSAGE(server.start(error), error);
    const int port = server.port();
    const std::string code = server.join_code();
    std::vector<std::string> phones;
    for (int i = 0; i < 5; ++i) phones.push_back(join(port, code));

    // Decision 1: the room prefers "pitch"; the trainer shows a prompt and confirms the majority.
    live.with([](ClassRun& run) {
        run.show_prompt(0);
        run.open_vote();
        run.set_hand_count(1, 4);
        run.set_hand_count(0, 2);
    });
    CHECK(vote(port, code, phones[0], 0, 0) == 200);
    CHECK(vote(port, code, phones[1], 0, 1) == 200);
    CHECK(vote(port, code, phones[2], 0, 0) == 200);
    CHECK(vote(port, code, phones[2], 0, 2) == 200);  // changes its mind
    CHECK_FALSE(live.with([](ClassRun& run) { return run.audience().tally.has_value(); }));
    live.with([](ClassRun& run) {
        CHECK(run.tally().votes(1) == 5);
        run.reveal_tally();
        REQUIRE(run.confirm_majority());
        CHECK(run.audience().consequence.size() == 1);
        run.reveal_feedback();
        run.next();
    });
    CHECK(vote(port, code, phones[3], 0, 0) == 409);  // too late for decision 1

    // Decision 2: a tie between hands and phones; the trainer overrides nothing, but must choose.
    live.with([](ClassRun& run) { run.open_vote(); });
    CHECK(vote(port, code, phones[0], 1, 1) == 200);
    CHECK(vote(port, code, phones[1], 1, 1) == 200);
    live.with([](ClassRun& run) {
        run.set_hand_count(0, 2);
        run.reveal_tally();
        CHECK_FALSE(run.confirm_majority());
        run.confirm(0);  // the trainer breaks the tie towards "offer"
        run.next();
        CHECK(run.phase() == ClassPhase::Finished);
    });
    server.stop();
    ClassLog log = live.with([](ClassRun& run) { return run.log(); });
    log.started_ms = 1'700'000'000'000;
    log.ended_ms = log.started_ms + 600'000;
    CHECK(log.decisions[0].phone_votes == std::vector<std::size_t>{1, 1, 1});
    CHECK(log.decisions[0].hand_votes == std::vector<std::size_t>{2, 4, 0});
    CHECK(log.decisions[1].overridden == false);
    CHECK_FALSE(log.decisions[1].majority_id);

    // The report: per decision the room against the best option, the group's verdict, the prompts.
    auto report = report::make_classroom_report(*f.analysis, log, "en", error);
    INFO(error);
    REQUIRE(report);
    REQUIRE(report->decisions.size() == 2);
    const auto& first = report->decisions[0];
    CHECK(first.votes == 9);
    CHECK(first.votes_for_best == 3);  // "ask": 2 hands + 1 phone
    CHECK(first.options[0].best);
    CHECK(first.options[1].chosen);
    CHECK(first.options[1].majority);
    REQUIRE(first.group_verdict);
    CHECK(*first.group_verdict != Verdict::Best);
    CHECK(first.prompts == std::vector<std::string>{"What does the client want?"});
    CHECK(report->decisions[1].tie);
    CHECK(report->decisions[1].group_verdict == Verdict::Best);
    CHECK(report->finished);
    CHECK(report->overall < 100.0);
    CHECK(report->overall > 0.0);

    const std::string html = report::classroom_report_html(*report);
    CHECK(html.find("3 of 9 votes went to the best option (33%).") != std::string::npos);
    CHECK(html.find("The vote was tied; the trainer decided.") != std::string::npos);
    CHECK(html.find("What does the client want?") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    const report::CsvTables csv = report::classroom_report_csv(*report);
    CHECK(count(csv.decisions, "\r\n") == 1 + 3 + 2);  // heading, three options, two options
    CHECK(count(csv.attempts, "\r\n") == 2);
    CHECK(csv.decisions.find("Our package costs 5000 euros.,4,1,no,yes,") != std::string::npos);

    auto dutch = report::make_classroom_report(*f.analysis, log, "nl", error);
    REQUIRE(dutch);
    CHECK(report::classroom_report_html(*dutch).find("3 van de 9 stemmen gingen naar de beste optie (33%).") != std::string::npos);

    // The log in the results database, read back as it was.
    const auto db_path = std::filesystem::temp_directory_path() / ("salesdojo_class_store_" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(db_path);
    {
        auto db = store::ResultsStore::open(db_path.string());
        CHECK(db.schema_version() == store::latest_schema_version());
        db.insert_class_log(log);
        CHECK_THROWS_AS(db.insert_class_log(log), store::StoreError);  // one class run, one row
        ClassLog other = log;
        other.uid = "";
        other.scenario_id = "other";
        db.insert_class_log(other);
        const auto all = db.class_logs();
        REQUIRE(all.size() == 2);
        CHECK(class_log_to_json(all[0]) == class_log_to_json(log));
        CHECK(all[1].uid.size() == 36);  // made when stored
        const auto only = db.class_logs(std::string("class-fixture"));
        REQUIRE(only.size() == 1);
        CHECK(only[0].decisions[0].hand_votes == log.decisions[0].hand_votes);
        CHECK(db.integrity_check() == "ok");
    }
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path.string() + "-wal");
    std::filesystem::remove(db_path.string() + "-shm");
}

TEST_CASE("the report escapes scenario text and refuses a log of another scenario") {
    const auto scenario = load_compact(R"({
      "rubric": {"dimensions": [{"id": "qualify"}]},
      "nodes": [
        {"id": "a", "text": "<script>alert(1)</script> & co", "choices": [
          {"id": "x", "text": "<b>bold</b>", "score": {"qualify": 1}, "next": "end"},
          {"id": "y", "score": {"qualify": 0}, "next": "end"}]},
        {"id": "end", "text": "End.", "ending": {"outcome": "qualified-fit"}}]})",
                                       "escape", "1.0.0", "Escape");
    const auto analysis = analyse(scenario).analysis;
    REQUIRE(analysis);
    ClassRun run(scenario, analysis, {});
    run.open_vote();
    run.set_hand_count(0, 1);
    run.reveal_tally();
    run.confirm_majority();
    run.next();
    std::string error;
    auto report = report::make_classroom_report(*analysis, run.log(), "en", error);
    REQUIRE(report);
    const std::string html = report::classroom_report_html(*report);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") != std::string::npos);
    CHECK(html.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);

    ClassLog wrong = run.log();
    wrong.scenario_id = "someone-else";
    CHECK_FALSE(report::make_classroom_report(*analysis, wrong, "en", error));
    CHECK_FALSE(error.empty());
    wrong = run.log();
    wrong.decisions[0].option_ids[0] = "nope";
    wrong.decisions[0].chosen_id = "y";
    CHECK_FALSE(report::make_classroom_report(*analysis, wrong, "en", error));
    CHECK(error.find("'nope'") != std::string::npos);
}

TEST_CASE("a class ended before the conversation did has a score but no pass or fail") {
    std::string body = kClassBody;
    const std::string rubric = R"("rubric": {"dimensions": [{"id": "qualify"}])";
    body.replace(body.find(rubric), rubric.size(), R"("rubric": {"dimensions": [{"id": "qualify"}], "pass_mark": 50)");
    const auto scenario = load_compact(body, "class-pass", "1.0.0", "Class");
    const auto analysis = analyse(scenario).analysis;
    REQUIRE(analysis);
    const auto play_first = [&](std::size_t option) {
        ClassRun run(scenario, analysis, {});
        run.open_vote();
        run.set_hand_count(option, 3);
        run.reveal_tally();
        REQUIRE(run.confirm_majority());
        run.next();
        return run;
    };
    std::string error;
    // 'ask' goes on to a second decision: the class stops there.
    ClassRun stopped = play_first(0);
    REQUIRE(stopped.phase() != ClassPhase::Finished);
    auto report = report::make_classroom_report(*analysis, stopped.log(), "en", error);
    REQUIRE_MESSAGE(report, error);
    CHECK_FALSE(report->finished);
    CHECK_FALSE(report->passed.has_value());
    // 'leave' ends the conversation: the pass mark applies.
    ClassRun ended = play_first(2);
    REQUIRE(ended.phase() == ClassPhase::Finished);
    report = report::make_classroom_report(*analysis, ended.log(), "en", error);
    REQUIRE_MESSAGE(report, error);
    CHECK(report->finished);
    REQUIRE(report->passed.has_value());
    CHECK_FALSE(*report->passed);
}
