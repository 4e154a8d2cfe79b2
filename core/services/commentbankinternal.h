#pragma once

#include "services/commentbank.h"

// Shared by the comment bank's two source files (the bank itself, and its starter set and CSV);
// not for use elsewhere.
namespace waymark::commentbank::detail {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1);

// A live comment of this category with this text, for this subject or for any subject.
bool isDuplicate(Database& db, CommentCategory category, std::optional<RowId> subjectId, const QString& text,
                 std::optional<RowId> except = {});

// Stores a comment as it is (already tidied and checked) at the end of its category and subject.
RowId insert(Database& db, const CommentDetails& details);

} // namespace waymark::commentbank::detail
