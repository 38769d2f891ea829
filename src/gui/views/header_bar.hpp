#pragma once
// The bar at the top of every screen: the product name and the screen's title on the left, the
// Home (or Open a file) and Settings buttons on the right.
#include "views/intent.hpp"
#include "views/view_context.hpp"

#include <string_view>

namespace salesdojo::gui {

enum class HomeButton { Hidden, Shown };
// "Run a class" (the classroom mode) and "Open a file" (authoring.hpp), on the home screen
enum class AuthorButton { Hidden, Shown };

Intent header_bar(const ViewContext& ctx, std::string_view title, HomeButton home,
                  AuthorButton author = AuthorButton::Hidden);

}  // namespace salesdojo::gui
