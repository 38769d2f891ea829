#pragma once
// For tests only: a named point at which the program kills itself with SIGKILL (no clean-up, as
// `kill -9` or a power cut would) when the environment variable SALESDOJO_CRASH_AT names it. The
// tests use it to prove that nothing is lost between the database commit and the outbox append
// (tests/xapi/test_xapi_owed.cpp). Unset, it costs one getenv.
namespace salesdojo::xapi {

// The points: "xapi-after-commit" (run: the attempt is committed, its statements not yet appended),
// "xapi-after-append" (the statements appended, the database not yet told).
void crash_point(const char* name);

}  // namespace salesdojo::xapi
