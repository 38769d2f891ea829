#pragma once
// After a class (docs/classroom.md, "In the window"): the class report (report/classroom_report.hpp)
// in the window, its HTML and CSV exports, and whether the class log was stored; and the question
// asked before a class ends.
#include "views/class_intent.hpp"
#include "views/view_context.hpp"

#include <salesdojo/report/classroom_report.hpp>

#include <optional>
#include <string>

namespace salesdojo::gui {

struct ClassReportInfo {
    const report::ClassroomReport* report = nullptr;  // null: `problem` says why there is none
    std::string problem;        // the report could not be made (an error message)
    std::string stored;         // ui_text key: stored / not stored / no database
    std::string stored_detail;  // the database file or the error
    std::string saved_path;     // the last export written
    std::string save_error;
};

ClassIntent draw_class_report(const ViewContext& ctx, const ClassReportInfo& info);

// "End the class?" over the projector: Yes / No (Y or Enter / N or Esc).
ClassIntent draw_class_end_question(const ViewContext& ctx);

}  // namespace salesdojo::gui
