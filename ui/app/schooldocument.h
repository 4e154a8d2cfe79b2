#pragma once

#include <QDate>
#include <QObject>
#include <QUndoStack>

#include <memory>

namespace waymark {

class SchoolSession;

// The open school and its undo history: one QUndoStack per open school, cleared whenever another
// file takes its place (commands refer to the old file's rows). Pages never own the session.
class SchoolDocument final : public QObject
{
    Q_OBJECT

public:
    explicit SchoolDocument(QObject* parent = nullptr);
    ~SchoolDocument() override;

    SchoolSession* session() const { return session_.get(); }
    bool isOpen() const { return session_ != nullptr; }
    bool isReadOnly() const;
    QUndoStack& undoStack() { return undo_; }

    // Replaces the open school (or closes it, given nullptr). Listeners hear aboutToReplace while the
    // old session is still alive, then replaced once the new one is in place.
    void setSession(std::unique_ptr<SchoolSession> session);

    // "Today" for the calendar: the real date unless fixed (tests, reproducible screenshots).
    QDate today() const { return fixedToday_.isValid() ? fixedToday_ : QDate::currentDate(); }
    void setFixedToday(QDate today) { fixedToday_ = today; }

Q_SIGNALS:
    void aboutToReplace();
    void replaced();

private:
    QUndoStack undo_;
    std::unique_ptr<SchoolSession> session_;
    QDate fixedToday_;
};

} // namespace waymark
