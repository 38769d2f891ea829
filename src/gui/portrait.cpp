// A flat-illustration bust drawn with ImDrawList primitives. See portrait.hpp.
//
// Everything is laid out in unit coordinates (0..1 across the square) and scaled at the end, so the
// portrait looks the same at any size. Layers, back to front: background, long/curly back hair and
// the bun, body (clothing, shirt, lapels, tie), neck, ears, head, face shading, front hair, beard,
// eyes, eyebrows, nose, mouth, glasses, earrings.
//
// Shapes that are not convex (hair outlines, beard, smile) are filled by ear clipping, with an
// anti-aliased fringe built the way ImDrawList::AddConvexPolyFilled builds it, so every edge is as
// smooth as ImGui's own shapes and no seams appear inside a shape.
#include "portrait.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace salesdojo::gui {
namespace {

constexpr float kPi = 3.14159265358979f;

// --- colours ----------------------------------------------------------------------------------------

struct Rgb {
    float r, g, b;
};

Rgb to_rgb(ImU32 c) {
    return {((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f, ((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
            ((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f};
}

ImU32 to_u32(Rgb c, float alpha = 1.0f) {
    auto byte = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return IM_COL32(byte(c.r), byte(c.g), byte(c.b), byte(alpha));
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const Rgb x = to_rgb(a), y = to_rgb(b);
    return to_u32({x.r + (y.r - x.r) * t, x.g + (y.g - x.g) * t, x.b + (y.b - x.b) * t});
}

ImU32 with_alpha(ImU32 c, float alpha) { return to_u32(to_rgb(c), alpha); }

ImU32 darker(ImU32 c, float amount) { return mix(c, IM_COL32(20, 16, 24, 255), amount); }
ImU32 lighter(ImU32 c, float amount) { return mix(c, IM_COL32(255, 255, 255, 255), amount); }

float luminance(ImU32 c) {
    const Rgb x = to_rgb(c);
    return 0.2126f * x.r + 0.7152f * x.g + 0.0722f * x.b;
}

// `c` mixed towards a near-black brown until it is at least `min_diff` darker than `against` in
// luminance (as far as that goes): lips and nose lines must show on dark skin too.
ImU32 darker_than(ImU32 c, ImU32 against, float min_diff) {
    const float target = luminance(against) - min_diff;
    ImU32 result = c;
    for (int i = 1; i <= 10 && luminance(result) > target; ++i) result = mix(c, IM_COL32(24, 14, 12, 255), i * 0.1f);
    return result;
}

// `c` pushed darker (or lighter, on dark skin) until it stands apart from `against` by `min_diff` in
// luminance: eyebrows of white hair on pale skin must still show the expression.
ImU32 contrasting(ImU32 c, ImU32 against, float min_diff) {
    const float base = luminance(against);
    const bool go_dark = base > 0.35f;
    const ImU32 target = go_dark ? IM_COL32(40, 32, 30, 255) : IM_COL32(250, 240, 230, 255);
    ImU32 result = c;
    for (int i = 1; i <= 10 && std::fabs(luminance(result) - base) < min_diff; ++i) {
        result = mix(c, target, i * 0.1f);
    }
    return result;
}

const ImU32 kInk = IM_COL32(43, 38, 48, 255);       // eyes, outlines of features
const ImU32 kWhite = IM_COL32(255, 255, 255, 255);
const ImU32 kMouthInside = IM_COL32(122, 42, 48, 255);
const ImU32 kTongue = IM_COL32(222, 112, 112, 255);
const ImU32 kFrame = IM_COL32(44, 44, 54, 255);      // glasses
const ImU32 kGold = IM_COL32(233, 186, 62, 255);
const ImU32 kBackground = IM_COL32(222, 231, 238, 255);
const ImU32 kBackgroundInner = IM_COL32(236, 242, 246, 255);

// --- geometry -----------------------------------------------------------------------------------------

using Points = std::vector<ImVec2>;

ImVec2 operator+(ImVec2 a, ImVec2 b) { return {a.x + b.x, a.y + b.y}; }
ImVec2 operator-(ImVec2 a, ImVec2 b) { return {a.x - b.x, a.y - b.y}; }
ImVec2 operator*(ImVec2 a, float s) { return {a.x * s, a.y * s}; }

float cross(ImVec2 a, ImVec2 b, ImVec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

float signed_area(const Points& p) {
    float area = 0.0f;
    for (std::size_t i = 0, j = p.size() - 1; i < p.size(); j = i++) area += p[j].x * p[i].y - p[i].x * p[j].y;
    return area * 0.5f;
}

// Appends points of the ellipse arc from angle a0 to a1 (radians; 0 = right, pi/2 = down).
void arc(Points& p, ImVec2 c, float rx, float ry, float a0, float a1, int segments) {
    for (int i = 0; i <= segments; ++i) {
        const float a = a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(segments);
        p.push_back({c.x + std::cos(a) * rx, c.y + std::sin(a) * ry});
    }
}

// Appends a cubic Bezier from the last point of `p` (not repeated) through c1, c2 to `end`.
void cubic(Points& p, ImVec2 c1, ImVec2 c2, ImVec2 end, int segments = 10) {
    const ImVec2 start = p.back();
    for (int i = 1; i <= segments; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(segments), u = 1.0f - t;
        const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        p.push_back({a * start.x + b * c1.x + c * c2.x + d * end.x, a * start.y + b * c1.y + c * c2.y + d * end.y});
    }
}

// Appends a quadratic Bezier from the last point of `p` through control `c` to `end`.
void quad(Points& p, ImVec2 c, ImVec2 end, int segments = 8) {
    const ImVec2 start = p.back();
    for (int i = 1; i <= segments; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(segments), u = 1.0f - t;
        p.push_back({u * u * start.x + 2 * u * t * c.x + t * t * end.x, u * u * start.y + 2 * u * t * c.y + t * t * end.y});
    }
}

Points ellipse(ImVec2 c, float rx, float ry, int segments = 40) {
    Points p;
    arc(p, c, rx, ry, 0.0f, 2.0f * kPi * (1.0f - 1.0f / static_cast<float>(segments)), segments - 1);
    return p;
}

// Drops consecutive duplicates and collinear points (they would produce degenerate ears).
Points cleaned(const Points& in) {
    Points p;
    for (const ImVec2& v : in) {
        if (!p.empty() && std::fabs(p.back().x - v.x) < 1e-6f && std::fabs(p.back().y - v.y) < 1e-6f) continue;
        p.push_back(v);
    }
    while (p.size() > 1 && std::fabs(p.front().x - p.back().x) < 1e-6f && std::fabs(p.front().y - p.back().y) < 1e-6f) {
        p.pop_back();
    }
    bool changed = true;
    while (changed && p.size() > 3) {
        changed = false;
        for (std::size_t i = 0; i < p.size(); ++i) {
            const ImVec2& a = p[(i + p.size() - 1) % p.size()];
            const ImVec2& b = p[i];
            const ImVec2& c = p[(i + 1) % p.size()];
            if (std::fabs(cross(a, b, c)) < 1e-9f) {
                p.erase(p.begin() + static_cast<long>(i));
                changed = true;
                break;
            }
        }
    }
    return p;
}

// Triangulates a simple polygon (positive signed area in screen coordinates = clockwise on screen)
// by ear clipping; returns index triples.
std::vector<int> triangulate(const Points& p) {
    std::vector<int> out;
    std::vector<int> v(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) v[i] = static_cast<int>(i);
    int guard = static_cast<int>(p.size()) * static_cast<int>(p.size());
    while (v.size() > 3 && guard-- > 0) {
        bool clipped = false;
        const std::size_t n = v.size();
        for (std::size_t i = 0; i < n; ++i) {
            const int ia = v[(i + n - 1) % n], ib = v[i], ic = v[(i + 1) % n];
            const ImVec2 a = p[ia], b = p[ib], c = p[ic];
            if (cross(a, b, c) <= 0.0f) continue;  // reflex (or flat) corner: not an ear
            bool empty = true;
            for (std::size_t k = 0; k < n && empty; ++k) {
                const int iq = v[k];
                if (iq == ia || iq == ib || iq == ic) continue;
                const ImVec2 q = p[iq];
                if (cross(a, b, q) >= 0.0f && cross(b, c, q) >= 0.0f && cross(c, a, q) >= 0.0f) empty = false;
            }
            if (!empty) continue;
            out.insert(out.end(), {ia, ib, ic});
            v.erase(v.begin() + static_cast<long>(i));
            clipped = true;
            break;
        }
        if (!clipped) break;  // self-intersecting input: fan the rest rather than loop
    }
    for (std::size_t i = 1; i + 1 < v.size(); ++i) out.insert(out.end(), {v[0], v[i], v[i + 1]});
    return out;
}

// --- the pen: unit coordinates to pixels --------------------------------------------------------------

// The figure is designed in unit coordinates and drawn `zoom` times larger about the middle of the
// bottom edge, so the shoulders stay on the bottom edge and the face fills more of the square.
class Pen {
public:
    Pen(ImDrawList* list, ImVec2 origin, float size, float zoom = 1.0f)
        : m_list(list), m_origin(origin), m_size(size), m_zoom(zoom) {}

    ImVec2 at(ImVec2 u) const {
        const float x = 0.5f + (u.x - 0.5f) * m_zoom, y = 1.0f - (1.0f - u.y) * m_zoom;
        return {m_origin.x + x * m_size, m_origin.y + y * m_size};
    }
    float px(float u) const { return u * m_size * m_zoom; }

    // Fills any simple polygon given in unit coordinates, anti-aliased like ImGui's own fills.
    void fill(const Points& unit, ImU32 col) const {
        Points p;
        p.reserve(unit.size());
        for (const ImVec2& u : unit) p.push_back(at(u));
        p = cleaned(p);
        if (p.size() < 3) return;
        if (signed_area(p) < 0.0f) std::reverse(p.begin(), p.end());
        const std::vector<int> tris = triangulate(p);
        const int n = static_cast<int>(p.size());
        const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();

        if (!(m_list->Flags & ImDrawListFlags_AntiAliasedFill)) {
            m_list->PrimReserve(static_cast<int>(tris.size()), n);
            const unsigned base = m_list->_VtxCurrentIdx;
            for (const ImVec2& v : p) m_list->PrimWriteVtx(v, uv, col);
            for (int t : tris) m_list->PrimWriteIdx(static_cast<ImDrawIdx>(base + static_cast<unsigned>(t)));
            return;
        }
        // Inner ring at full alpha (triangulated), outer ring transparent, AA_SIZE apart.
        const float aa = m_list->_FringeScale;
        const ImU32 transparent = col & ~IM_COL32_A_MASK;
        m_list->PrimReserve(static_cast<int>(tris.size()) + n * 6, n * 2);
        const unsigned base = m_list->_VtxCurrentIdx;
        std::vector<ImVec2> normals(p.size());
        for (int i0 = n - 1, i1 = 0; i1 < n; i0 = i1++) {
            ImVec2 d = p[i1] - p[i0];
            const float len = std::sqrt(d.x * d.x + d.y * d.y);
            if (len > 0.0f) d = d * (1.0f / len);
            normals[i0] = {d.y, -d.x};  // outward for clockwise-on-screen polygons
        }
        for (int i0 = n - 1, i1 = 0; i1 < n; i0 = i1++) {
            ImVec2 dm = (normals[i0] + normals[i1]) * 0.5f;
            const float d2 = dm.x * dm.x + dm.y * dm.y;
            if (d2 > 0.000001f) dm = dm * std::min(1.0f / d2, 100.0f);
            dm = dm * (aa * 0.5f);
            m_list->PrimWriteVtx(p[i1] - dm, uv, col);          // inner: vertex 2*i1
            m_list->PrimWriteVtx(p[i1] + dm, uv, transparent);  // outer: vertex 2*i1+1
        }
        for (int t : tris) m_list->PrimWriteIdx(static_cast<ImDrawIdx>(base + static_cast<unsigned>(t) * 2));
        for (int i0 = n - 1, i1 = 0; i1 < n; i0 = i1++) {
            const unsigned in0 = base + static_cast<unsigned>(i0) * 2, in1 = base + static_cast<unsigned>(i1) * 2;
            m_list->PrimWriteIdx(static_cast<ImDrawIdx>(in1));
            m_list->PrimWriteIdx(static_cast<ImDrawIdx>(in0));
            m_list->PrimWriteIdx(static_cast<ImDrawIdx>(in0 + 1));
            m_list->PrimWriteIdx(static_cast<ImDrawIdx>(in0 + 1));
            m_list->PrimWriteIdx(static_cast<ImDrawIdx>(in1 + 1));
            m_list->PrimWriteIdx(static_cast<ImDrawIdx>(in1));
        }
    }

    void circle(ImVec2 c, float r, ImU32 col) const {
        m_list->AddCircleFilled(at(c), px(r), col, std::clamp(static_cast<int>(px(r)), 12, 48));
    }

    // A stroke of `width` along `unit` points, with round ends.
    void stroke(const Points& unit, ImU32 col, float width) const {
        Points p;
        for (const ImVec2& u : unit) p.push_back(at(u));
        m_list->AddPolyline(p.data(), static_cast<int>(p.size()), col, ImDrawFlags_None, px(width));
        const float r = px(width) * 0.5f;
        const int seg = std::clamp(static_cast<int>(r * 2.0f), 8, 24);
        m_list->AddCircleFilled(p.front(), r, col, seg);
        m_list->AddCircleFilled(p.back(), r, col, seg);
    }

    // A ring of `width` along an ellipse.
    void ring(ImVec2 c, float rx, float ry, ImU32 col, float width) const {
        Points p;
        for (const ImVec2& u : ellipse(c, rx, ry, 36)) p.push_back(at(u));
        m_list->AddPolyline(p.data(), static_cast<int>(p.size()), col, ImDrawFlags_Closed, px(width));
    }

    // A filled stroke whose half-width follows `half_width(t)` (t = 0 at the first point, 1 at the
    // last): tapered eyebrows and lids.
    template <typename Width>
    void tapered(const Points& centre, ImU32 col, Width half_width) const {
        const std::size_t n = centre.size();
        Points left, right;
        for (std::size_t i = 0; i < n; ++i) {
            const ImVec2 a = centre[i == 0 ? 0 : i - 1], b = centre[i == n - 1 ? n - 1 : i + 1];
            ImVec2 d = b - a;
            const float len = std::sqrt(d.x * d.x + d.y * d.y);
            if (len > 0.0f) d = d * (1.0f / len);
            const ImVec2 normal{-d.y, d.x};
            const float w = half_width(static_cast<float>(i) / static_cast<float>(n - 1));
            left.push_back(centre[i] + normal * w);
            right.push_back(centre[i] - normal * w);
        }
        Points shape = left;
        // Round the ends with a few points.
        const float w1 = half_width(1.0f), w0 = half_width(0.0f);
        ImVec2 d1 = centre[n - 1] - centre[n - 2];
        const float l1 = std::sqrt(d1.x * d1.x + d1.y * d1.y);
        if (l1 > 0.0f) d1 = d1 * (1.0f / l1);
        for (int k = 1; k < 6; ++k) {
            const float a = kPi * static_cast<float>(k) / 6.0f;
            const ImVec2 normal{-d1.y, d1.x};
            shape.push_back(centre[n - 1] + normal * (w1 * std::cos(a)) + d1 * (w1 * std::sin(a)));
        }
        for (std::size_t i = n; i-- > 0;) shape.push_back(right[i]);
        ImVec2 d0 = centre[1] - centre[0];
        const float l0 = std::sqrt(d0.x * d0.x + d0.y * d0.y);
        if (l0 > 0.0f) d0 = d0 * (1.0f / l0);
        for (int k = 1; k < 6; ++k) {
            const float a = kPi * static_cast<float>(k) / 6.0f;
            const ImVec2 normal{-d0.y, d0.x};
            shape.push_back(centre[0] - normal * (w0 * std::cos(a)) - d0 * (w0 * std::sin(a)));
        }
        fill(shape, col);
    }

private:
    ImDrawList* m_list;
    ImVec2 m_origin;
    float m_size;
    float m_zoom;
};

constexpr float kFigureZoom = 1.1f;

// --- the character ----------------------------------------------------------------------------------

enum class Expression { Neutral, Annoyed, Pleased, Surprised, Worried };
enum class HairStyle { Short, Long, Bun, Curly, Bald };
enum class Accessory { None, Glasses, Beard, Earrings, Tie };

Expression expression_of(std::string_view s) {
    if (s == "annoyed") return Expression::Annoyed;
    if (s == "pleased") return Expression::Pleased;
    if (s == "surprised") return Expression::Surprised;
    if (s == "worried") return Expression::Worried;
    return Expression::Neutral;
}

HairStyle hair_style_of(std::string_view s) {
    if (s == "long") return HairStyle::Long;
    if (s == "bun") return HairStyle::Bun;
    if (s == "curly") return HairStyle::Curly;
    if (s == "bald") return HairStyle::Bald;
    return HairStyle::Short;
}

Accessory accessory_of(std::string_view s) {
    if (s == "glasses") return Accessory::Glasses;
    if (s == "beard") return Accessory::Beard;
    if (s == "earrings") return Accessory::Earrings;
    if (s == "tie") return Accessory::Tie;
    return Accessory::None;
}

struct Palette {
    ImU32 skin, skin_shadow, skin_light, ear_inner, blush;
    ImU32 hair, hair_shadow, hair_light, brow;
    ImU32 clothing, clothing_shadow, clothing_light;
    ImU32 accent, accent_shadow;
    ImU32 lips, nose;
    ImU32 background, background_inner;
};

Palette palette_of(const Appearance& a) {
    Palette p{};
    p.skin = parse_colour(a.skin, IM_COL32(216, 168, 132, 255));
    p.skin_shadow = mix(p.skin, IM_COL32(120, 60, 50, 255), 0.22f);
    p.skin_light = lighter(p.skin, 0.18f);
    p.ear_inner = mix(p.skin, IM_COL32(150, 70, 60, 255), 0.25f);
    p.blush = with_alpha(IM_COL32(236, 110, 110, 255), 0.35f);
    p.hair = parse_colour(a.hair, IM_COL32(59, 42, 26, 255));
    p.hair_shadow = darker(p.hair, 0.25f);
    p.hair_light = lighter(p.hair, 0.22f);
    p.brow = contrasting(darker(p.hair, 0.15f), p.skin, 0.22f);
    p.clothing = parse_colour(a.clothing, IM_COL32(47, 79, 111, 255));
    p.clothing_shadow = darker(p.clothing, 0.22f);
    p.clothing_light = lighter(p.clothing, 0.12f);
    p.accent = parse_colour(a.accent, IM_COL32(255, 255, 255, 255));
    p.accent_shadow = darker(p.accent, 0.15f);
    p.lips = darker_than(mix(p.skin, IM_COL32(150, 55, 60, 255), 0.45f), p.skin, 0.13f);
    p.nose = darker_than(p.skin_shadow, p.skin, 0.09f);
    // Light (grey, white, blond) hair would vanish into the pale background: use a deeper one then.
    if (luminance(p.hair) > 0.62f) {
        p.background = IM_COL32(178, 196, 214, 255);
        p.background_inner = IM_COL32(196, 212, 227, 255);
    } else {
        p.background = kBackground;
        p.background_inner = kBackgroundInner;
    }
    return p;
}

// Proportions of the head (unit coordinates).
const ImVec2 kHead{0.5f, 0.43f};       // centre of the skull's ellipse
constexpr float kHeadRx = 0.165f;
constexpr float kHeadRyTop = 0.205f;  // centre to crown
constexpr float kHeadRyBottom = 0.215f;  // centre to chin
constexpr float kEyeY = 0.455f;
constexpr float kEyeDx = 0.066f;
constexpr float kMouthY = 0.565f;

// The face outline: a rounder skull on top, a softly narrowing jaw below.
ImVec2 face_point(float angle, float grow = 0.0f) {
    const float c = std::cos(angle), s = std::sin(angle);
    if (s <= 0.0f) return {kHead.x + c * (kHeadRx + grow), kHead.y + s * (kHeadRyTop + grow)};
    const float narrowing = 1.0f - 0.16f * s * s;  // jaw narrows towards the chin
    return {kHead.x + c * (kHeadRx + grow) * narrowing, kHead.y + s * (kHeadRyBottom + grow)};
}

Points face_arc(float a0, float a1, int segments, float grow = 0.0f) {
    Points p;
    for (int i = 0; i <= segments; ++i) {
        p.push_back(face_point(a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(segments), grow));
    }
    return p;
}

void draw_background(const Pen& pen, ImDrawList* list, ImVec2 top_left, float size, const Palette& c) {
    list->AddRectFilled(top_left, {top_left.x + size, top_left.y + size}, c.background, size * 0.08f);
    pen.circle({0.5f, 0.47f}, 0.40f, c.background_inner);
}

// Hair that sits behind the head and body: long hair's curtain, curly hair's cloud, the bun.
void draw_back_hair(const Pen& pen, HairStyle style, const Palette& c) {
    switch (style) {
    case HairStyle::Long: {
        Points p;
        p.push_back({0.5f, 0.195f});
        cubic(p, {0.60f, 0.19f}, {0.70f, 0.24f}, {0.705f, 0.40f});
        cubic(p, {0.71f, 0.55f}, {0.73f, 0.66f}, {0.755f, 0.76f});
        cubic(p, {0.70f, 0.80f}, {0.62f, 0.79f}, {0.58f, 0.76f});
        p.push_back({0.42f, 0.76f});
        cubic(p, {0.38f, 0.79f}, {0.30f, 0.80f}, {0.245f, 0.76f});
        cubic(p, {0.27f, 0.66f}, {0.29f, 0.55f}, {0.295f, 0.40f});
        cubic(p, {0.30f, 0.24f}, {0.40f, 0.19f}, {0.5f, 0.195f});
        pen.fill(p, c.hair_shadow);
        break;
    }
    case HairStyle::Curly: {
        // A cloud of curls around the top and sides of the head, down to the jaw.
        const ImVec2 centre{0.5f, 0.405f};
        pen.fill(ellipse(centre, 0.20f, 0.215f), c.hair);
        for (int i = 0; i < 13; ++i) {
            const float a = kPi * (0.83f + 1.34f * static_cast<float>(i) / 12.0f);
            const float r = (i % 2 == 0) ? 0.058f : 0.052f;
            pen.circle({centre.x + std::cos(a) * 0.205f, centre.y + std::sin(a) * 0.215f}, r, c.hair);
        }
        break;
    }
    case HairStyle::Bun:
        pen.circle({0.5f, 0.185f}, 0.076f, c.hair);
        pen.circle({0.515f, 0.17f}, 0.048f, c.hair_light);
        pen.circle({0.5f, 0.185f}, 0.044f, c.hair);
        break;
    default:
        break;
    }
}

void draw_body(const Pen& pen, Accessory accessory, const Palette& c) {
    // Shoulders and jacket: a wide dome.
    Points body;
    body.push_back({0.12f, 1.0f});
    cubic(body, {0.12f, 0.86f}, {0.18f, 0.775f}, {0.37f, 0.745f});
    body.push_back({0.63f, 0.745f});
    cubic(body, {0.82f, 0.775f}, {0.88f, 0.86f}, {0.88f, 1.0f});
    pen.fill(body, c.clothing);

    const bool tie = accessory == Accessory::Tie;
    // With a tie: a light shirt and the tie in the accent colour (or a dark tie on a light accent).
    const ImU32 shirt = tie && luminance(c.accent) < 0.75f ? IM_COL32(246, 246, 242, 255) : c.accent;
    const ImU32 shirt_shadow = darker(shirt, 0.12f);

    // The shirt in the jacket's V.
    Points v{{0.395f, 0.745f}, {0.605f, 0.745f}, {0.5f, 0.93f}};
    pen.fill(v, shirt);

    // Neck: skin down into the open collar (closed under a tie).
    Points neck;
    neck.push_back({0.437f, 0.55f});
    neck.push_back({0.563f, 0.55f});
    neck.push_back({0.562f, 0.745f});
    if (tie) {
        neck.push_back({0.5f, 0.775f});
    } else {
        neck.push_back({0.5f, 0.83f});
    }
    neck.push_back({0.438f, 0.745f});
    pen.fill(neck, c.skin);
    // Shadow under the chin.
    Points chin_shadow;
    chin_shadow.push_back({0.437f, 0.60f});
    quad(chin_shadow, {0.5f, 0.66f}, {0.563f, 0.60f});
    chin_shadow.push_back({0.563f, 0.55f});
    chin_shadow.push_back({0.437f, 0.55f});
    pen.fill(chin_shadow, c.skin_shadow);

    // Collar points of the shirt.
    pen.fill({{0.442f, 0.735f}, {0.5f, tie ? 0.775f : 0.83f}, {0.455f, 0.845f}, {0.415f, 0.76f}}, shirt_shadow);
    pen.fill({{0.558f, 0.735f}, {0.585f, 0.76f}, {0.545f, 0.845f}, {0.5f, tie ? 0.775f : 0.83f}}, shirt_shadow);
    pen.fill({{0.442f, 0.728f}, {0.5f, tie ? 0.77f : 0.822f}, {0.46f, 0.83f}, {0.422f, 0.752f}}, shirt);
    pen.fill({{0.558f, 0.728f}, {0.578f, 0.752f}, {0.54f, 0.83f}, {0.5f, tie ? 0.77f : 0.822f}}, shirt);

    if (tie) {
        const ImU32 tie_colour = luminance(c.accent) < 0.75f ? c.accent : mix(c.clothing, IM_COL32(140, 30, 40, 255), 0.55f);
        pen.fill({{0.478f, 0.775f}, {0.522f, 0.775f}, {0.515f, 0.81f}, {0.485f, 0.81f}}, darker(tie_colour, 0.15f));
        pen.fill({{0.485f, 0.81f}, {0.515f, 0.81f}, {0.535f, 0.95f}, {0.5f, 0.985f}, {0.465f, 0.95f}}, tie_colour);
    }

    // Lapels: darker bands along the V, then the jacket's shoulder seams as a soft highlight.
    pen.fill({{0.37f, 0.745f}, {0.395f, 0.745f}, {0.5f, 0.93f}, {0.5f, 1.0f}, {0.44f, 1.0f}, {0.35f, 0.80f}},
             c.clothing_shadow);
    pen.fill({{0.605f, 0.745f}, {0.63f, 0.745f}, {0.65f, 0.80f}, {0.56f, 1.0f}, {0.5f, 1.0f}, {0.5f, 0.93f}},
             c.clothing_shadow);
    pen.fill({{0.395f, 0.745f}, {0.41f, 0.745f}, {0.5f, 0.905f}, {0.5f, 0.93f}}, darker(c.clothing, 0.4f));
    pen.fill({{0.59f, 0.745f}, {0.605f, 0.745f}, {0.5f, 0.93f}, {0.5f, 0.905f}}, darker(c.clothing, 0.4f));
}

void draw_ears(const Pen& pen, const Palette& c) {
    for (int side = -1; side <= 1; side += 2) {
        const ImVec2 centre{kHead.x + side * (kHeadRx - 0.004f), 0.47f};
        pen.fill(ellipse(centre, 0.03f, 0.045f, 28), c.skin);
        pen.fill(ellipse({centre.x + side * 0.006f, centre.y}, 0.015f, 0.027f, 20), c.ear_inner);
    }
}

// Drawn after the hair, so that they show below long hair too.
void draw_earrings(const Pen& pen) {
    for (int side = -1; side <= 1; side += 2) {
        const ImVec2 lobe{kHead.x + side * kHeadRx, 0.52f};
        pen.circle(lobe, 0.013f, kGold);
        pen.circle({lobe.x - side * 0.003f, lobe.y - 0.004f}, 0.005f, lighter(kGold, 0.5f));
    }
}

void draw_head(const Pen& pen, const Palette& c) {
    pen.fill(face_arc(0.0f, 2.0f * kPi * (1.0f - 1.0f / 64.0f), 63), c.skin);
}

// Hair in front of the head: the cap and the hairline.
void draw_front_hair(const Pen& pen, HairStyle style, const Palette& c) {
    switch (style) {
    case HairStyle::Short: {
        // A cap with a side parting and a fringe swept to the right.
        Points p = face_arc(kPi * 1.04f, kPi * 1.96f, 28, 0.018f);  // left temple, over the crown, right
        p.push_back(face_point(kPi * 0.02f, 0.008f));                  // right sideburn, above the ear
        p.push_back({0.655f, 0.40f});
        cubic(p, {0.655f, 0.34f}, {0.63f, 0.305f}, {0.58f, 0.29f});
        cubic(p, {0.50f, 0.285f}, {0.43f, 0.31f}, {0.38f, 0.345f});
        cubic(p, {0.355f, 0.365f}, {0.345f, 0.39f}, {0.345f, 0.42f});
        p.push_back(face_point(kPi * 0.98f, 0.008f));
        pen.fill(p, c.hair);
        // Parting highlight.
        Points shine;
        shine.push_back({0.40f, 0.245f});
        quad(shine, {0.47f, 0.225f}, {0.56f, 0.235f});
        pen.stroke(shine, c.hair_light, 0.012f);
        break;
    }
    case HairStyle::Long: {
        // Parted in the middle, falling past the cheeks and over the ears.
        Points p = face_arc(kPi * 1.0f, kPi * 2.0f, 30, 0.022f);
        p.push_back({0.71f, 0.52f});
        cubic(p, {0.705f, 0.58f}, {0.70f, 0.62f}, {0.69f, 0.64f});
        p.push_back({0.665f, 0.60f});
        cubic(p, {0.665f, 0.48f}, {0.66f, 0.36f}, {0.61f, 0.30f});
        cubic(p, {0.57f, 0.26f}, {0.53f, 0.245f}, {0.5f, 0.25f});
        cubic(p, {0.47f, 0.245f}, {0.43f, 0.26f}, {0.39f, 0.30f});
        cubic(p, {0.34f, 0.36f}, {0.335f, 0.48f}, {0.335f, 0.60f});
        p.push_back({0.31f, 0.64f});
        cubic(p, {0.30f, 0.62f}, {0.295f, 0.58f}, {0.29f, 0.52f});
        pen.fill(p, c.hair);
        Points shine;
        shine.push_back({0.40f, 0.255f});
        quad(shine, {0.44f, 0.225f}, {0.48f, 0.22f});
        pen.stroke(shine, c.hair_light, 0.012f);
        break;
    }
    case HairStyle::Bun: {
        // Pulled back smoothly: a close cap with a high, rounded hairline.
        Points p = face_arc(kPi * 1.05f, kPi * 1.95f, 28, 0.01f);
        p.push_back({0.66f, 0.40f});
        cubic(p, {0.655f, 0.33f}, {0.60f, 0.285f}, {0.5f, 0.28f});
        cubic(p, {0.40f, 0.285f}, {0.345f, 0.33f}, {0.34f, 0.40f});
        pen.fill(p, c.hair);
        Points shine;
        shine.push_back({0.42f, 0.26f});
        quad(shine, {0.5f, 0.235f}, {0.58f, 0.26f});
        pen.stroke(shine, c.hair_light, 0.01f);
        break;
    }
    case HairStyle::Curly: {
        // Curls along the hairline.
        Points p = face_arc(kPi * 1.05f, kPi * 1.95f, 28, 0.01f);
        p.push_back({0.665f, 0.36f});
        p.push_back({0.335f, 0.36f});
        pen.fill(p, c.hair);
        const std::array<ImVec2, 7> curls{{{0.345f, 0.365f}, {0.385f, 0.325f}, {0.435f, 0.30f},
                                           {0.49f, 0.292f}, {0.545f, 0.30f}, {0.60f, 0.318f},
                                           {0.652f, 0.36f}}};
        for (const ImVec2& curl : curls) pen.circle(curl, 0.034f, c.hair);
        // Curl marks: short arcs in a lighter shade.
        const std::array<ImVec2, 6> marks{{{0.45f, 0.225f}, {0.54f, 0.222f}, {0.40f, 0.265f},
                                           {0.60f, 0.262f}, {0.33f, 0.30f}, {0.67f, 0.30f}}};
        for (const ImVec2& m : marks) {
            Points curl;
            arc(curl, m, 0.018f, 0.016f, kPi * 0.9f, kPi * 1.7f, 8);
            pen.stroke(curl, c.hair_light, 0.007f);
        }
        break;
    }
    case HairStyle::Bald: {
        // Close-cropped hair at the sides and back, from the temples to behind the ears.
        for (const float a0 : {kPi * 0.93f, kPi * 0.07f}) {
            const float a1 = a0 > kPi * 0.5f ? kPi * 1.14f : -kPi * 0.14f;
            const Points band = face_arc(a0, a1, 16, -0.002f);
            pen.tapered(band, c.hair, [](float t) { return 0.002f + 0.008f * std::sin(kPi * t); });
        }
        pen.fill(ellipse({0.45f, 0.27f}, 0.045f, 0.022f, 24), with_alpha(c.skin_light, 0.9f));
        break;
    }
    }
}

void draw_beard(const Pen& pen, const Palette& c) {
    Points p = face_arc(kPi * 0.02f, kPi * 0.98f, 30, 0.006f);  // right cheek, under the chin, left
    p.push_back({0.345f, 0.47f});
    cubic(p, {0.36f, 0.53f}, {0.40f, 0.545f}, {0.44f, 0.535f});
    cubic(p, {0.47f, 0.525f}, {0.53f, 0.525f}, {0.56f, 0.535f});
    cubic(p, {0.60f, 0.545f}, {0.64f, 0.53f}, {0.655f, 0.47f});
    pen.fill(p, c.hair);
    // The mouth sits in a patch of skin, with the moustache above it.
    pen.fill(ellipse({0.5f, kMouthY + 0.004f}, 0.056f, 0.028f, 28), c.skin);
    Points m;
    m.push_back({0.43f, 0.552f});
    cubic(m, {0.45f, 0.53f}, {0.48f, 0.525f}, {0.5f, 0.535f});
    cubic(m, {0.52f, 0.525f}, {0.55f, 0.53f}, {0.57f, 0.552f});
    cubic(m, {0.55f, 0.547f}, {0.52f, 0.545f}, {0.5f, 0.55f});
    cubic(m, {0.48f, 0.545f}, {0.45f, 0.547f}, {0.43f, 0.552f});
    pen.fill(m, c.hair_shadow);
}

// --- the face ---------------------------------------------------------------------------------------

void draw_eyes(const Pen& pen, Expression e, const Palette& c) {
    for (int side = -1; side <= 1; side += 2) {
        const ImVec2 eye{0.5f + side * kEyeDx, kEyeY};
        switch (e) {
        case Expression::Pleased: {
            // Smiling eyes: a soft upward arc, as when cheeks rise.
            Points arc_points;
            arc(arc_points, {eye.x, eye.y + 0.008f}, 0.022f, 0.02f, kPi * 1.1f, kPi * 1.9f, 12);
            pen.stroke(arc_points, kInk, 0.011f);
            break;
        }
        case Expression::Surprised: {
            pen.fill(ellipse(eye, 0.028f, 0.032f, 28), kWhite);
            pen.ring(eye, 0.028f, 0.032f, with_alpha(kInk, 0.5f), 0.004f);
            pen.circle({eye.x, eye.y + 0.002f}, 0.015f, kInk);
            pen.circle({eye.x + 0.006f, eye.y - 0.006f}, 0.005f, kWhite);
            break;
        }
        case Expression::Annoyed: {
            // Narrowed: the upper lid comes down, slanting towards the nose.
            Points lower;
            arc(lower, eye, 0.021f, 0.02f, 0.0f, kPi, 14);
            lower.push_back({eye.x - 0.021f, eye.y - (side < 0 ? 0.004f : -0.002f)});
            lower.push_back({eye.x + 0.021f, eye.y - (side < 0 ? -0.002f : 0.004f)});
            pen.fill(lower, kInk);
            Points lid{{eye.x - 0.027f, eye.y - (side < 0 ? 0.009f : 0.001f)},
                       {eye.x + 0.027f, eye.y - (side < 0 ? 0.001f : 0.009f)}};
            pen.stroke(lid, kInk, 0.008f);
            break;
        }
        case Expression::Worried:
        case Expression::Neutral: {
            const float ry = e == Expression::Worried ? 0.028f : 0.026f;
            pen.fill(ellipse(eye, 0.02f, ry, 28), kInk);
            pen.circle({eye.x + 0.007f, eye.y - 0.009f}, 0.0065f, kWhite);
            if (e == Expression::Worried) {
                // Tension under the eyes.
                Points under;
                arc(under, {eye.x, eye.y + 0.004f}, 0.024f, 0.036f, kPi * 0.3f, kPi * 0.7f, 8);
                pen.stroke(under, with_alpha(c.skin_shadow, 0.9f), 0.005f);
            }
            break;
        }
        }
    }
}

void draw_brows(const Pen& pen, Expression e, const Palette& c) {
    // Inner and outer end heights (unit y), plus how much the brow arches upwards in its middle.
    float inner_y = 0.395f, outer_y = 0.395f, arch = 0.012f;
    switch (e) {
    case Expression::Neutral: break;
    case Expression::Annoyed: inner_y = 0.405f; outer_y = 0.378f; arch = -0.004f; break;
    case Expression::Pleased: inner_y = 0.385f; outer_y = 0.388f; arch = 0.016f; break;
    case Expression::Surprised: inner_y = 0.358f; outer_y = 0.368f; arch = 0.024f; break;
    case Expression::Worried: inner_y = 0.358f; outer_y = 0.402f; arch = 0.004f; break;
    }
    for (int side = -1; side <= 1; side += 2) {
        const ImVec2 inner{0.5f + side * 0.028f, inner_y};
        const ImVec2 outer{0.5f + side * 0.104f, outer_y};
        const ImVec2 mid{(inner.x + outer.x) * 0.5f, (inner.y + outer.y) * 0.5f - arch * 2.0f};
        Points line;
        line.push_back(inner);
        quad(line, mid, outer, 10);
        pen.tapered(line, c.brow, [](float t) { return 0.0085f - 0.0045f * t; });
    }
    if (e == Expression::Annoyed) {
        // A frown line between the brows.
        pen.stroke({{0.497f, 0.405f}, {0.494f, 0.423f}}, with_alpha(c.skin_shadow, 0.9f), 0.005f);
    }
}

void draw_nose(const Pen& pen, const Palette& c) {
    Points nose;
    nose.push_back({0.502f, 0.47f});
    cubic(nose, {0.495f, 0.49f}, {0.484f, 0.505f}, {0.487f, 0.515f});
    cubic(nose, {0.49f, 0.523f}, {0.505f, 0.523f}, {0.516f, 0.518f});
    pen.stroke(nose, c.nose, 0.0075f);
}

void draw_cheeks(const Pen& pen, Expression e, const Palette& c) {
    if (e != Expression::Pleased) return;
    for (int side = -1; side <= 1; side += 2) {
        pen.fill(ellipse({0.5f + side * 0.098f, 0.515f}, 0.03f, 0.018f, 24), c.blush);
    }
}

void draw_mouth(const Pen& pen, Expression e, const Palette& c) {
    const float y = kMouthY;
    switch (e) {
    case Expression::Neutral: {
        // Closed, with a hint of a smile.
        Points m;
        m.push_back({0.462f, y - 0.002f});
        quad(m, {0.5f, y + 0.012f}, {0.538f, y - 0.002f});
        pen.stroke(m, c.lips, 0.0085f);
        break;
    }
    case Expression::Pleased: {
        // An open smile: flat top, round bottom, teeth and a bit of tongue.
        Points m;
        m.push_back({0.448f, y - 0.008f});
        quad(m, {0.5f, y - 0.002f}, {0.552f, y - 0.008f});
        cubic(m, {0.548f, y + 0.03f}, {0.525f, y + 0.045f}, {0.5f, y + 0.045f});
        cubic(m, {0.475f, y + 0.045f}, {0.452f, y + 0.03f}, {0.448f, y - 0.008f});
        pen.fill(m, kMouthInside);
        Points tongue;
        tongue.push_back({0.472f, y + 0.036f});
        quad(tongue, {0.5f, y + 0.018f}, {0.528f, y + 0.036f});
        quad(tongue, {0.5f, y + 0.05f}, {0.472f, y + 0.036f});
        pen.fill(tongue, kTongue);
        Points teeth;
        teeth.push_back({0.455f, y - 0.006f});
        quad(teeth, {0.5f, y}, {0.545f, y - 0.006f});
        teeth.push_back({0.542f, y + 0.006f});
        quad(teeth, {0.5f, y + 0.012f}, {0.458f, y + 0.006f});
        pen.fill(teeth, kWhite);
        break;
    }
    case Expression::Surprised: {
        pen.fill(ellipse({0.5f, y + 0.01f}, 0.022f, 0.03f, 28), kMouthInside);
        pen.fill(ellipse({0.5f, y + 0.026f}, 0.013f, 0.01f, 20), kTongue);
        break;
    }
    case Expression::Annoyed: {
        // Pressed lips, the corners pulled down.
        Points m;
        m.push_back({0.458f, y + 0.014f});
        cubic(m, {0.47f, y + 0.004f}, {0.53f, y + 0.004f}, {0.542f, y + 0.014f});
        pen.stroke(m, c.lips, 0.009f);
        break;
    }
    case Expression::Worried: {
        // An uneasy, wavy line, slightly down.
        Points m;
        m.push_back({0.458f, y + 0.012f});
        cubic(m, {0.47f, y - 0.002f}, {0.485f, y - 0.002f}, {0.5f, y + 0.006f});
        cubic(m, {0.515f, y + 0.014f}, {0.53f, y + 0.004f}, {0.542f, y + 0.01f});
        pen.stroke(m, c.lips, 0.008f);
        break;
    }
    }
}

// The lens shape around one eye (a rounded rectangle), in unit coordinates.
Points lens_shape(int side) {
    const ImVec2 centre{0.5f + side * kEyeDx, kEyeY + 0.002f};
    const float rx = 0.046f, ry = 0.036f, r = 0.016f;
    Points frame;
    arc(frame, {centre.x + rx - r, centre.y - ry + r}, r, r, -kPi * 0.5f, 0.0f, 5);
    arc(frame, {centre.x + rx - r, centre.y + ry - r}, r, r, 0.0f, kPi * 0.5f, 5);
    arc(frame, {centre.x - rx + r, centre.y + ry - r}, r, r, kPi * 0.5f, kPi, 5);
    arc(frame, {centre.x - rx + r, centre.y - ry + r}, r, r, kPi, kPi * 1.5f, 5);
    return frame;
}

// A faint tint of the lenses, drawn under the eyes so that they stay crisp.
void draw_lenses(const Pen& pen) {
    for (int side = -1; side <= 1; side += 2) pen.fill(lens_shape(side), IM_COL32(255, 255, 255, 40));
}

void draw_glasses(const Pen& pen) {
    for (int side = -1; side <= 1; side += 2) {
        Points frame = lens_shape(side);
        frame.push_back(frame.front());
        pen.stroke(frame, kFrame, 0.009f);
        // A glint on the lens.
        const ImVec2 c{0.5f + side * kEyeDx, kEyeY + 0.002f};
        pen.stroke({{c.x + 0.018f, c.y + 0.02f}, {c.x + 0.032f, c.y + 0.006f}}, IM_COL32(255, 255, 255, 150), 0.005f);
        // Temple arm towards the ear.
        pen.stroke({{c.x + side * 0.046f, c.y - 0.012f}, {0.5f + side * (kHeadRx - 0.002f), c.y - 0.018f}}, kFrame,
                   0.008f);
    }
    Points bridge;
    bridge.push_back({0.5f - kEyeDx + 0.046f, kEyeY - 0.006f});
    quad(bridge, {0.5f, kEyeY - 0.02f}, {0.5f + kEyeDx - 0.046f, kEyeY - 0.006f});
    pen.stroke(bridge, kFrame, 0.008f);
}

}  // namespace

ImU32 parse_colour(std::string_view hex, ImU32 fallback) {
    if (hex.size() != 7 || hex[0] != '#') return fallback;
    int values[6];
    for (int i = 0; i < 6; ++i) {
        const char ch = hex[static_cast<std::size_t>(i) + 1];
        if (ch >= '0' && ch <= '9') {
            values[i] = ch - '0';
        } else if (ch >= 'a' && ch <= 'f') {
            values[i] = ch - 'a' + 10;
        } else if (ch >= 'A' && ch <= 'F') {
            values[i] = ch - 'A' + 10;
        } else {
            return fallback;
        }
    }
    return IM_COL32(values[0] * 16 + values[1], values[2] * 16 + values[3], values[4] * 16 + values[5], 255);
}

void draw_portrait(ImDrawList* list, ImVec2 top_left, float size, const Appearance& appearance,
                   std::string_view expression) {
    if (list == nullptr || !(size > 0.0f)) return;
    const Pen pen(list, top_left, size, kFigureZoom);
    const Palette colours = palette_of(appearance);
    const Expression e = expression_of(expression);
    const HairStyle hair = hair_style_of(appearance.hair_style);
    const Accessory accessory = accessory_of(appearance.accessory);

    draw_background(Pen(list, top_left, size), list, top_left, size, colours);
    if (hair == HairStyle::Bun || hair == HairStyle::Curly) draw_back_hair(pen, hair, colours);
    draw_body(pen, accessory, colours);
    if (hair == HairStyle::Long) draw_back_hair(pen, hair, colours);
    if (hair == HairStyle::Bald) {
        // The ears sit on top of the cropped hair at the sides.
        draw_head(pen, colours);
        draw_front_hair(pen, hair, colours);
        draw_ears(pen, colours);
    } else {
        draw_ears(pen, colours);
        draw_head(pen, colours);
        draw_front_hair(pen, hair, colours);
    }
    if (accessory == Accessory::Beard) draw_beard(pen, colours);
    draw_cheeks(pen, e, colours);
    if (accessory == Accessory::Glasses) draw_lenses(pen);
    draw_eyes(pen, e, colours);
    draw_brows(pen, e, colours);
    draw_nose(pen, colours);
    draw_mouth(pen, e, colours);
    if (accessory == Accessory::Glasses) draw_glasses(pen);
    if (accessory == Accessory::Earrings) draw_earrings(pen);
}

}  // namespace salesdojo::gui
