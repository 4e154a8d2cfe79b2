#include "services/schoolsetup.h"

#include "domain/entities.h"
#include "domain/fieldlimits.h"
#include "repo/repository.h"
#include "storage/database.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QRegularExpression>

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

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SchoolSetup", text);
}

SchoolDetails tidied(const SchoolDetails& details)
{
    SchoolDetails out = details;
    out.name = details.name.simplified();
    // Numbers are often pasted with spaces or, for the DfE number, a slash: keep the digits.
    for (QString* number : {&out.urn, &out.laCode, &out.estab})
        *number = number->simplified().remove(QLatin1Char(' '));
    return out;
}

bool allDigits(const QString& text, int count)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return text.size() == count && digits.match(text).hasMatch();
}
} // namespace

SchoolDetails schoolDetails(Database& db)
{
    SchoolDetails details;
    if (const auto school = Repository<School>(db).first("1 ORDER BY id")) {
        details.name = school->name;
        details.urn = school->urn;
        details.laCode = school->laCode;
        details.estab = school->estab;
        details.phase = school->phase;
    }
    return details;
}

QStringList problemsWith(const SchoolDetails& typed, const SchoolDetails* before)
{
    const SchoolDetails details = tidied(typed);
    const auto changed = [&](QString SchoolDetails::*member) {
        return !before || details.*member != (*before).*member;
    };
    QStringList problems;
    if (details.name.isEmpty())
        problems << tr("Type the school's name.");
    else if (changed(&SchoolDetails::name) && details.name.size() > limits::kName)
        problems << tr("A school's name can have at most %1 characters; this one has %2.")
                        .arg(limits::kName)
                        .arg(details.name.size());
    if (changed(&SchoolDetails::urn) && !details.urn.isEmpty() && !allDigits(details.urn, 6))
        problems << tr("A URN is 6 digits, for example 137425 (it is on Get Information about Schools).");
    if (changed(&SchoolDetails::laCode) && !details.laCode.isEmpty() && !allDigits(details.laCode, 3))
        problems << tr("The DfE number's first part, the local authority's number, is 3 digits, for example 873.");
    if (changed(&SchoolDetails::estab) && !details.estab.isEmpty() && !allDigits(details.estab, 4))
        problems << tr("The DfE number's second part, the establishment number, is 4 digits, for example 4001.");
    return problems;
}

SchoolDetails changeSchoolDetails(Database& db, const SchoolDetails& typed, const SchoolDetails* expected, Check check)
{
    const SchoolDetails details = check == Check::Values ? tidied(typed) : typed;
    Transaction transaction(db);
    Repository<School> repo(db);
    std::optional<School> school = repo.first("1 ORDER BY id");
    const SchoolDetails stored = schoolDetails(db);
    if (check == Check::Values) {
        if (const QStringList problems = problemsWith(details, &stored); !problems.isEmpty())
            throw StorageError(StorageError::Kind::Invalid, problems.join(QLatin1Char(' ')));
    }
    if (expected && stored != *expected && stored != details)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("The school's details were changed elsewhere (in another window or program) since; "
                              "that newer change was kept."));
    School row = school.value_or(School{});
    row.name = details.name;
    row.urn = details.urn;
    row.laCode = details.laCode;
    row.estab = details.estab;
    row.phase = details.phase;
    if (school)
        repo.update(row);
    else
        repo.insert(row);
    transaction.commit();
    return details;
}

} // namespace waymark::setup
