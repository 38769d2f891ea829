// The test-only crash points. See crash_point.hpp.
#include <salesdojo/xapi/crash_point.hpp>

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace salesdojo::xapi {

void crash_point(const char* name) {
    const char* wanted = std::getenv("SALESDOJO_CRASH_AT");
    if (wanted && std::strcmp(wanted, name) == 0) std::raise(SIGKILL);
}

}  // namespace salesdojo::xapi
