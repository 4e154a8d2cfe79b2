#pragma once

#include "domain/entities.h"
#include "pupil/pupilpage.h"
#include "repo/repository.h"
#include "services/schoolsession.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

class QAbstractItemView;
class QLineEdit;
class QModelIndex;
class QWidget;

namespace waymark {
class DateField;
class PupilEditor;
}

namespace waymark::test {

// A small school built through the repositories, for pupil-page tests that need exact, known data:
// a pupil with a plan, targets and a little evidence; a pupil with five years of evidence; and a
// pupil whose UPN is taken.
struct PupilPageSchool
{
    QString path;
    QDate today;
    RowId staffId = 0; // the learning guide
    RowId otherStaffId = 0;
    RowId pupilId = 0;        // Amara: plan, 3 targets, 3 pieces of evidence
    RowId historyPupilId = 0; // Ben: `historyEvidence` pieces over five years, no plan
    RowId otherPupilId = 0;   // Chloe: holds otherUpn
    QString pupilUpn;
    QString otherUpn;
    int historyEvidence = 0;
};

PupilPageSchool buildPupilPageSchool(const QString& path, int historyEvidence = 1000);

// Counts rows in the history table for one entity with an old value of `field` equal to `value`.
int historyRowsWith(const QString& path, const char* table, const QUuid& uuid, const char* field, const QString& value);

// Collects what QAbstractItemModelTester reports (through the qt.modeltest category) while alive.
class ModelTestLog
{
public:
    ModelTestLog();
    ~ModelTestLog();
    ModelTestLog(const ModelTestLog&) = delete;
    ModelTestLog& operator=(const ModelTestLog&) = delete;
    const QStringList& messages() const;
    QString text() const;
};

// Reads a row straight from the file through a second, read-only connection: what is stored.
template <class T> std::optional<T> stored(const QString& path, RowId id)
{
    auto db = Database::open(path, Database::Options{true, 5000});
    return Repository<T>(*db).findAny(id);
}

int liveTargets(const QString& path, RowId pupilId);

// An open school, an undo stack and an active, shown page, as the main window would have them.
struct PupilPageFixture
{
    explicit PupilPageFixture(int historyEvidence = 1000, Database::Options options = {});

    TempDir dir;
    PupilPageSchool school;
    std::unique_ptr<SchoolSession> session;
    QUndoStack undo;
    PupilPage page;
};

QLineEdit* lineEditNamed(QWidget* root, const QString& accessibleName);
DateField* dateFieldNamed(QWidget* root, const QString& accessibleName);

// Opens the cell's editor as F2 does (the table focused, the cell current) and returns it.
QWidget* openCellEditor(QAbstractItemView* view, const QModelIndex& cell);

// An edit made as a second window would make it: its own editor and undo stack on `session` (a
// second connection to the file). Returns what `edit` returned.
bool editElsewhere(SchoolSession& session, const std::function<bool(PupilEditor&)>& edit);

// Types into a field as a teacher would: focus it, select what is there, type.
void typeInto(QWidget* edit, const QString& text);

} // namespace waymark::test
