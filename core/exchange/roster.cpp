#include "exchange/roster.h"

#include "domain/upn.h"
#include "exchange/csvtable.h"
#include "storage/storageerror.h"

#include <QCoreApplication>

#include <algorithm>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Roster", text);
}
} // namespace

Roster readCsvRoster(const QByteArray& bytes, QDate today, const std::vector<RosterField>* columns,
                     DateOrder usualOrder)
{
    const CsvTable table = readCsv(bytes);
    Roster roster;
    roster.encoding = table.encoding;
    roster.columns = columns ? *columns : detectColumns(table.header);
    roster.columns.resize(std::size_t(table.header.size()), RosterField::Ignore);
    const auto columnOf = [&](RosterField field) {
        const auto it = std::find(roster.columns.begin(), roster.columns.end(), field);
        return it == roster.columns.end() ? -1 : int(it - roster.columns.begin());
    };
    if (columnOf(RosterField::LegalSurname) < 0 && columnOf(RosterField::LegalForename) < 0)
        throw StorageError(StorageError::Kind::Invalid,
                           tr("No column of this file is a pupil's name (its first row reads “%1”). Choose which "
                              "columns hold the surname and forename.")
                               .arg(table.header.join(QStringLiteral(", ")).left(200)));

    // The order of the dates, from all of them at once.
    const int dobColumn = columnOf(RosterField::DateOfBirth);
    if (dobColumn >= 0) {
        QStringList values;
        for (const CsvTable::Row& row : table.rows)
            values << row.cells.at(dobColumn);
        roster.dateOrder = detectDateOrder(values, usualOrder);
    }

    for (const CsvTable::Row& row : table.rows) {
        RosterRecord r;
        r.line = row.line;
        for (std::size_t c = 0; c < roster.columns.size(); ++c) {
            const QString value = row.cells.at(int(c)).trimmed();
            const QString title = table.header.at(int(c));
            switch (roster.columns[c]) {
            case RosterField::Ignore:
                break;
            case RosterField::Upn: {
                const QString upn = upn::normalise(value);
                if (upn.isEmpty())
                    break;
                if (const upn::Problem problem = upn::validate(upn); problem != upn::Problem::None)
                    r.flags << tr("UPN “%1” not taken: %2").arg(value, upn::describe(problem, upn));
                else
                    r.upn = upn;
                break;
            }
            case RosterField::MisId:
                r.misId = value;
                break;
            case RosterField::LegalSurname:
                r.legalFamilyName = value.simplified();
                break;
            case RosterField::LegalForename:
                r.legalGivenName = value.simplified();
                break;
            case RosterField::MiddleNames:
                r.legalMiddleNames = value.simplified();
                break;
            case RosterField::PreferredSurname:
                r.preferredFamilyName = value.simplified();
                break;
            case RosterField::PreferredForename:
                r.preferredGivenName = value.simplified();
                break;
            case RosterField::DateOfBirth:
                if (value.isEmpty())
                    break;
                if (const auto date = parseRosterDate(value, roster.dateOrder, today))
                    r.dateOfBirth = *date;
                else
                    r.flags << tr("%1 “%2” is not a date; left empty").arg(title, value);
                break;
            case RosterField::Sex:
                r.sex = parseSex(value);
                break;
            case RosterField::YearGroup:
                if (value.isEmpty())
                    break;
                if (const auto year = parseYearGroup(value))
                    r.yearGroup = *year;
                else
                    r.flags << tr("%1 “%2” is not a year group; left empty").arg(title, value);
                break;
            case RosterField::TutorGroup:
                r.tutorGroup = value.simplified();
                break;
            case RosterField::Sen:
                if (const auto sen = parseSen(value))
                    r.sen = *sen;
                else
                    r.flags
                        << tr("%1 “%2” is not a SEN code Waymark knows (N, K or E); left as it was").arg(title, value);
                break;
            case RosterField::FreeSchoolMeals:
            case RosterField::PupilPremium:
            case RosterField::Eal:
            case RosterField::LookedAfter: {
                const std::optional<bool> yes = parseYesNo(value);
                if (!yes) {
                    r.flags << tr("%1 “%2” is not yes or no; left as it was").arg(title, value);
                    break;
                }
                switch (roster.columns[c]) {
                case RosterField::FreeSchoolMeals:
                    r.freeSchoolMeals = yes;
                    break;
                case RosterField::PupilPremium:
                    r.pupilPremium = yes;
                    break;
                case RosterField::Eal:
                    r.eal = yes;
                    break;
                default:
                    r.lookedAfter = yes;
                    break;
                }
                break;
            }
            case RosterField::FirstLanguage:
                r.firstLanguage = value.simplified();
                break;
            }
        }
        if (r.legalFamilyName.isEmpty() && r.legalGivenName.isEmpty())
            r.rejected = tr("no name");
        else if (r.legalFamilyName.isEmpty())
            r.rejected = tr("no surname");
        else if (r.legalGivenName.isEmpty())
            r.rejected = tr("no forename");
        roster.records.push_back(std::move(r));
    }
    for (const CsvTable::Problem& problem : table.problems) {
        for (RosterRecord& r : roster.records)
            if (r.line == problem.line)
                r.flags << problem.reason;
    }
    return roster;
}

} // namespace waymark::exchange
