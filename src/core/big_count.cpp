#include <salesdojo/big_count.hpp>

#include <algorithm>
#include <cstring>

namespace salesdojo {

BigCount::BigCount(std::uint64_t value) {
    while (value) {
        m_inline[m_size++] = static_cast<std::uint32_t>(value);
        value >>= 32;
    }
}

BigCount::BigCount(const BigCount& other) {
    reserve(other.m_size);
    std::copy(other.limbs(), other.limbs() + other.m_size, limbs());
    m_size = other.m_size;
}

// Moves other's limbs here (m_size and m_capacity already copied) and leaves other empty.
void BigCount::take_storage(BigCount& other) noexcept {
    if (other.m_capacity > kInline) {
        m_heap = other.m_heap;
        other.m_capacity = kInline;
        std::fill(other.m_inline, other.m_inline + kInline, 0u);
    } else {
        std::copy(other.m_inline, other.m_inline + kInline, m_inline);
    }
    other.m_size = 0;
}

BigCount::BigCount(BigCount&& other) noexcept : m_size(other.m_size), m_capacity(other.m_capacity) {
    take_storage(other);
}

BigCount& BigCount::operator=(const BigCount& other) {
    if (this == &other) return *this;
    reserve(other.m_size);
    std::copy(other.limbs(), other.limbs() + other.m_size, limbs());
    m_size = other.m_size;
    return *this;
}

BigCount& BigCount::operator=(BigCount&& other) noexcept {
    if (this == &other) return *this;
    if (m_capacity > kInline) delete[] m_heap;
    m_size = other.m_size;
    m_capacity = other.m_capacity;
    take_storage(other);
    return *this;
}

BigCount::~BigCount() {
    if (m_capacity > kInline) delete[] m_heap;
}

void BigCount::reserve(std::uint32_t wanted) {
    if (wanted <= m_capacity) return;
    const std::uint32_t capacity = std::max(wanted, m_capacity * 2);
    auto* block = new std::uint32_t[capacity];
    std::copy(limbs(), limbs() + m_size, block);
    if (m_capacity > kInline) delete[] m_heap;
    m_heap = block;
    m_capacity = capacity;
}

bool BigCount::operator==(const BigCount& other) const {
    return m_size == other.m_size && std::equal(limbs(), limbs() + m_size, other.limbs());
}

BigCount& BigCount::operator+=(const BigCount& other) {
    if (other.m_size > m_size) {
        reserve(other.m_size);
        std::fill(limbs() + m_size, limbs() + other.m_size, 0u);
        m_size = other.m_size;
    }
    std::uint32_t* mine = limbs();
    const std::uint32_t* theirs = other.limbs();
    std::uint64_t carry = 0;
    for (std::uint32_t i = 0; i < m_size; ++i) {
        std::uint64_t sum = carry + mine[i] + (i < other.m_size ? theirs[i] : 0);
        mine[i] = static_cast<std::uint32_t>(sum);
        carry = sum >> 32;
        if (!carry && i >= other.m_size) break;
    }
    if (carry) {
        reserve(m_size + 1);
        limbs()[m_size++] = static_cast<std::uint32_t>(carry);
    }
    return *this;
}

std::string BigCount::to_string() const {
    if (m_size == 0) return "0";
    std::vector<std::uint32_t> n(limbs(), limbs() + m_size);
    std::string digits;
    while (!n.empty()) {
        std::uint64_t remainder = 0;
        for (std::size_t i = n.size(); i-- > 0;) {
            std::uint64_t current = (remainder << 32) | n[i];
            n[i] = static_cast<std::uint32_t>(current / 1000000000u);
            remainder = current % 1000000000u;
        }
        while (!n.empty() && n.back() == 0) n.pop_back();
        std::string chunk = std::to_string(remainder);
        if (!n.empty()) chunk.insert(0, 9 - chunk.size(), '0');
        digits.insert(0, chunk);
    }
    return digits;
}

double BigCount::to_double() const {
    double value = 0.0;
    for (std::uint32_t i = m_size; i-- > 0;) value = value * 4294967296.0 + limbs()[i];
    return value;
}

}  // namespace salesdojo
