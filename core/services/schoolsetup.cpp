#include "services/schoolsetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace waymark::setup {

void createSchoolFile(const QString& path, const QString& name)
{
    const QString trimmed = name.simplified();
    if (trimmed.size() > limits::kName)
        throw StorageError(StorageError::Kind::Invalid,
                           QCoreApplication::translate("SchoolSetup",
                                                       "A school's name can have at most %1 characters; this one has "
                                                       "%2. Nothing was made.")
                               .arg(limits::kName)
                               .arg(trimmed.size()));
    Database::createAtomically(path, [&](Database& db) {
        if (trimmed.isEmpty())
            return;
        Transaction transaction(db);
        School school;
        school.name = trimmed;
        Repository<School>(db).insert(school);
        transaction.commit();
    });
}

} // namespace waymark::setup
