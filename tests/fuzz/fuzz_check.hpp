#pragma once
// The harnesses' assertion: a broken invariant prints what broke and aborts, so libFuzzer saves the
// input as a crash. (assert() would vanish in a release build; the harnesses must check always.)
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, message)                                                          \
    do {                                                                                        \
        if (!(condition)) {                                                                     \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, message); \
            std::abort();                                                                       \
        }                                                                                       \
    } while (false)
