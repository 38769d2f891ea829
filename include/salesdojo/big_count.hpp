#pragma once
// An exact non-negative integer for path counts, which grow exponentially with a scenario's length.
#include <cstdint>
#include <string>
#include <vector>

namespace salesdojo {

class BigCount {
public:
    BigCount() = default;
    explicit BigCount(std::uint64_t value);
    BigCount(const BigCount& other);
    BigCount(BigCount&& other) noexcept;
    BigCount& operator=(const BigCount& other);
    BigCount& operator=(BigCount&& other) noexcept;
    ~BigCount();

    BigCount& operator+=(const BigCount& other);
    bool operator==(const BigCount& other) const;
    bool is_zero() const { return m_size == 0; }
    std::string to_string() const;  // decimal
    double to_double() const;

private:
    void take_storage(BigCount& other) noexcept;
    // Little-endian base 2^32 limbs, no leading zero limbs. Up to kInline limbs (2^192) live inside
    // the object: the analyser keeps one count per state, and a heap block per state would cost more
    // than the additions.
    static constexpr std::uint32_t kInline = 6;
    std::uint32_t* limbs() { return m_capacity > kInline ? m_heap : m_inline; }
    const std::uint32_t* limbs() const { return m_capacity > kInline ? m_heap : m_inline; }
    void reserve(std::uint32_t limbs);

    std::uint32_t m_size = 0;
    std::uint32_t m_capacity = kInline;
    union {
        std::uint32_t m_inline[kInline] = {};
        std::uint32_t* m_heap;
    };
};

}  // namespace salesdojo
