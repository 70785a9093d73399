#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace pmi {

enum class GuideIssue { closed, leading, hypothetical, double_question, empty_goal };

const char* guide_issue_name(GuideIssue issue);

// Something an interview guide should ask differently.
struct GuideFinding {
    int line = 0;
    GuideIssue issue = GuideIssue::closed;
    std::string question;   // the list item, as written
    std::string message;    // why it is a problem
    std::string suggestion; // an open way to ask; never empty
};

// The findings for one question (a list item's text):
// - leading: "don't you think", "wouldn't it be", "isn't it", "surely", …
// - hypothetical about the future: "would you use", "would you pay", "would you buy",
//   "will you", "if we built", …
// - closed: a question starting with do/does/did/is/are/was/were/can/could/would/will/
//   have/has/should/shall (only when neither of the above is found);
// - two questions in one: more than one '?', or several questions stacked in one
//   sentence with one '?' (", and how much…", " or who…": and/or before a question word
//   that starts a clause).
// The open wrap-up "Is there anything else I should have asked?" is never closed.
std::vector<GuideFinding> lint_question(std::string_view question, int line);

// Lints every list item (-, *, + or "1.") of a markdown guide, outside code fences,
// and reports a "## Goal" section that holds nothing but blank lines and HTML comments.
// `questions` gets the number of list items read.
std::vector<GuideFinding> lint_guide(std::istream& in, int& questions);

// The findings of the guides linted in one run.
struct GuideFileFindings {
    std::string path;
    std::vector<GuideFinding> findings;
};
struct GuideReport {
    std::vector<GuideFileFindings> files;
    int questions = 0;     // list items read
    std::size_t count = 0; // findings
};

} // namespace pmi
