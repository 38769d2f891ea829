#pragma once
// Whether this test binary was built with AddressSanitizer: such builds are many times slower and
// reserve terabytes of shadow memory, so tests that bound time or address space scale or skip them.
namespace salesdojo::test {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace salesdojo::test
