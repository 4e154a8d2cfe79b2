#include "app/schooldocument.h"

#include "services/schoolsession.h"

namespace waymark {

SchoolDocument::SchoolDocument(QObject* parent) : QObject(parent) {}

SchoolDocument::~SchoolDocument()
{
    // Commands may hold references into the session: they go first.
    undo_.clear();
}

bool SchoolDocument::isReadOnly() const
{
    return session_ && session_->isReadOnly();
}

void SchoolDocument::setSession(std::unique_ptr<SchoolSession> session)
{
    Q_EMIT aboutToReplace();
    undo_.clear();
    session_ = std::move(session);
    Q_EMIT replaced();
}

} // namespace waymark
