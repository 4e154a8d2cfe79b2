#include "exchange/onerosterreader.h"

#include "domain/upn.h"
#include "exchange/rosterfiles.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <map>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Roster", text);
}

StorageError notOneRoster(const QString& message)
{
    return StorageError(StorageError::Kind::Invalid, message);
}

bool toBeDeleted(const RosterSheet& sheet, const CsvTable::Row& row)
{
    const int c = sheet.table.column(QStringLiteral("status"));
    return headerKey(RosterSheet::cell(row, c)) == QLatin1String("tobedeleted");
}

int requireColumn(const RosterSheet& sheet, std::initializer_list<const char*> names)
{
    const int c = sheet.column(names);
    if (c < 0)
        throw notOneRoster(tr("%1 has no “%2” column, so it cannot be read (its first row reads “%3”).")
                               .arg(sheet.file, QString::fromLatin1(*names.begin()),
                                    sheet.table.header.join(QStringLiteral(", ")).left(200)));
    return c;
}

QStringList listOf(const QString& cell)
{
    QStringList out;
    for (const QString& part : cell.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString value = part.trimmed(); !value.isEmpty())
            out << value;
    return out;
}

bool isStaffRole(const QString& role)
{
    static const QStringList staff{QStringLiteral("teacher"),
                                   QStringLiteral("aide"),
                                   QStringLiteral("administrator"),
                                   QStringLiteral("proctor"),
                                   QStringLiteral("principal"),
                                   QStringLiteral("siteadministrator"),
                                   QStringLiteral("districtadministrator"),
                                   QStringLiteral("systemadministrator")};
    return staff.contains(headerKey(role));
}

// A "grades" cell: one year group, or nothing (several grades are a mixed group, unflagged; one
// that is no year group is flagged).
std::optional<int> yearOfGrades(const QString& title, const QString& cell, QStringList& flags)
{
    const QStringList grades = listOf(cell);
    return grades.size() == 1 ? yearFrom(title, grades.first(), flags) : std::nullopt;
}

// The ids of a userIds cell, "{LDAP:12},{UPN:A123...}": the one of this type, or empty.
QString userIdOfType(const QString& cell, const QString& type)
{
    static const QRegularExpression pair(QStringLiteral("\\{\\s*([^:{}]+?)\\s*:\\s*([^{}]*?)\\s*\\}"));
    for (auto it = pair.globalMatch(cell); it.hasNext();) {
        const auto m = it.next();
        if (headerKey(m.captured(1)) == headerKey(type))
            return m.captured(2);
    }
    return {};
}

const char* const kOneRosterFiles[] = {"manifest.csv", "users.csv",       "orgs.csv",         "classes.csv",
                                       "courses.csv",  "enrollments.csv", "demographics.csv", "academicSessions.csv",
                                       "roles.csv"};
} // namespace

Roster readOneRoster(const QString& zipOrFolder, QDate today)
{
    const RosterFiles files =
        QFileInfo(zipOrFolder).isDir() ? readRosterFolder(zipOrFolder) : readRosterZip(zipOrFolder);
    const auto find = [&](const char* name) { return files.find(QString::fromLatin1(name)); };
    const QString origin = QFileInfo(zipOrFolder).fileName();
    if (!find("users.csv")) {
        bool oneRoster = false;
        for (const char* name : kOneRosterFiles)
            oneRoster = oneRoster || find(name);
        if (!oneRoster)
            throw notOneRoster(
                tr("“%1” is not a OneRoster export: it has no manifest.csv and no users.csv. It "
                   "holds: %2.")
                    .arg(origin, files.files.empty() ? tr("no CSV files") : files.names().join(QStringLiteral(", "))));
        throw notOneRoster(tr("This OneRoster export (“%1”) has no users.csv, so it has no pupils or teachers to "
                              "read. Export it again with users included.")
                               .arg(origin));
    }

    Roster roster;
    roster.format = RosterFormat::OneRoster;
    roster.dateOrder = DateOrder::DayMonthYear; // its dates are ISO

    // The manifest: which files the export says it has.
    if (const RosterFile* file = find("manifest.csv")) {
        const RosterSheet manifest(*file);
        const int cName = requireColumn(manifest, {"propertyName"});
        const int cValue = requireColumn(manifest, {"value"});
        for (const CsvTable::Row& row : manifest.table.rows) {
            const QString name = RosterSheet::cell(row, cName);
            const QString value = headerKey(RosterSheet::cell(row, cValue));
            if (!name.startsWith(QLatin1String("file."), Qt::CaseInsensitive))
                continue;
            const QString csv = name.mid(5) + QStringLiteral(".csv");
            if ((value == QLatin1String("bulk") || value == QLatin1String("delta")) && !files.find(csv))
                roster.problems << manifest.at(row.line, tr("it lists %1, but the export has no such file").arg(csv));
        }
    } else {
        roster.problems << tr("manifest.csv is not in the export: it is read as OneRoster 1.1.");
    }

    // Each user's role: 1.2's roles.csv (the primary role first), else 1.1's role column.
    QHash<QString, QString> roleOf;
    if (const RosterFile* file = find("roles.csv")) {
        const RosterSheet roles(*file);
        roster.problems << roles.rowProblems();
        const int cUser = requireColumn(roles, {"userSourcedId"});
        const int cRole = requireColumn(roles, {"role"});
        const int cType = roles.column({"roleType"});
        QSet<QString> primary;
        for (const CsvTable::Row& row : roles.table.rows) {
            if (toBeDeleted(roles, row))
                continue;
            const QString user = RosterSheet::cell(row, cUser);
            const bool isPrimary = headerKey(RosterSheet::cell(row, cType)) == QLatin1String("primary");
            if (!roleOf.contains(user) || (isPrimary && !primary.contains(user)))
                roleOf.insert(user, RosterSheet::cell(row, cRole));
            if (isPrimary)
                primary.insert(user);
        }
    }

    const RosterSheet users(*find("users.csv"));
    if (!find("manifest.csv") && users.column({"dateLastModified"}) < 0)
        throw notOneRoster(tr("“%1” is not a OneRoster export: it has no manifest.csv, and its users.csv lacks "
                              "OneRoster's columns (a School Data Sync export has files of the same names: import "
                              "it as School Data Sync).")
                               .arg(origin));
    roster.encoding = users.table.encoding;
    roster.problems << users.rowProblems();
    const int cId = requireColumn(users, {"sourcedId"});
    const int cRole = users.column({"role"});
    if (cRole < 0 && !find("roles.csv"))
        throw notOneRoster(tr("users.csv has no role column and the export has no roles.csv: Waymark cannot tell "
                              "pupils from teachers."));
    const int cGiven = users.column({"givenName"});
    const int cFamily = users.column({"familyName"});
    const int cMiddle = users.column({"middleName"});
    const int cPreferredGiven = users.column({"preferredGivenName", "prefferedGivenName"});
    const int cPreferredFamily = users.column({"preferredFamilyName", "prefferedFamilyName"});
    const int cIdentifier = users.column({"identifier"});
    const int cMaster = users.column({"userMasterIdentifier"});
    const int cUserIds = users.column({"userIds"});
    const int cEmail = users.column({"email"});
    const int cGrades = users.column({"grades"});
    QSet<QString> deletedUsers;
    QSet<QString> seenUsers;
    QHash<QString, std::size_t> pupilAt;
    QHash<QString, std::size_t> staffAt;
    for (const CsvTable::Row& row : users.table.rows) {
        const QString id = RosterSheet::cell(row, cId);
        if (toBeDeleted(users, row)) {
            deletedUsers.insert(id);
            continue;
        }
        if (id.isEmpty()) {
            roster.problems << users.at(row.line, tr("no sourcedId; this row is not read"));
            continue;
        }
        if (seenUsers.contains(id)) {
            roster.problems << users.at(row.line,
                                        tr("sourcedId “%1” is on an earlier line too; this row is not read").arg(id));
            continue;
        }
        seenUsers.insert(id);
        const QString role = roleOf.value(id, RosterSheet::cell(row, cRole));
        const QString given = RosterSheet::cell(row, cGiven).simplified();
        const QString family = RosterSheet::cell(row, cFamily).simplified();
        if (headerKey(role) == QLatin1String("student")) {
            RosterRecord r;
            r.line = row.line;
            r.misId = id;
            r.legalGivenName = given;
            r.legalFamilyName = family;
            r.legalMiddleNames = RosterSheet::cell(row, cMiddle).simplified();
            r.preferredGivenName = RosterSheet::cell(row, cPreferredGiven).simplified();
            r.preferredFamilyName = RosterSheet::cell(row, cPreferredFamily).simplified();
            if (const QString named = userIdOfType(RosterSheet::cell(row, cUserIds), QStringLiteral("UPN"));
                !named.isEmpty()) {
                const QString upn = upn::normalise(named);
                if (const upn::Problem problem = upn::validate(upn); problem != upn::Problem::None)
                    r.flags << tr("UPN “%1” not taken: %2").arg(named, upn::describe(problem, upn));
                else
                    r.upn = upn;
            } else {
                r.upn = upnFromId(RosterSheet::cell(row, cIdentifier), r.flags);
                if (r.upn.isEmpty())
                    r.upn = upnFromId(RosterSheet::cell(row, cMaster), r.flags);
            }
            const QString grades = RosterSheet::cell(row, cGrades);
            if (listOf(grades).size() > 1)
                r.flags << tr("%1 “%2” is more than one year group; left empty")
                               .arg(users.table.header.at(cGrades), grades);
            else
                r.yearGroup = yearOfGrades(users.table.header.value(cGrades), grades, r.flags);
            r.rejected = unnamedReason(r.legalGivenName, r.legalFamilyName);
            pupilAt.insert(id, roster.records.size());
            roster.records.push_back(std::move(r));
        } else if (isStaffRole(role)) {
            RosterStaff s;
            s.line = row.line;
            s.misId = id;
            s.givenName = given;
            s.familyName = family;
            s.email = RosterSheet::cell(row, cEmail);
            s.role = role;
            s.rejected = unnamedReason(s.givenName, s.familyName);
            staffAt.insert(id, roster.staff.size());
            roster.staff.push_back(std::move(s));
        } else if (role.isEmpty()) {
            roster.problems << users.at(row.line, tr("“%1” has no role; not read").arg(id));
        } else if (!isContactRole(role)) {
            roster.problems << users.at(row.line, tr("role “%1” of “%2” is not one Waymark reads (student, teacher "
                                                     "and other staff); not read")
                                                      .arg(role, id));
        }
    }

    // Demographics, for pupils.
    if (const RosterFile* file = find("demographics.csv")) {
        const RosterSheet demographics(*file);
        roster.problems << demographics.rowProblems();
        const int cUser = requireColumn(demographics, {"sourcedId", "userSourcedId"});
        const int cBirth = demographics.column({"birthDate"});
        const int cSex = demographics.column({"sex"});
        for (const CsvTable::Row& row : demographics.table.rows) {
            if (toBeDeleted(demographics, row))
                continue;
            const QString user = RosterSheet::cell(row, cUser);
            const auto at = pupilAt.constFind(user);
            if (at == pupilAt.constEnd()) {
                if (!seenUsers.contains(user) && !deletedUsers.contains(user))
                    roster.problems << demographics.at(row.line,
                                                       tr("no user with sourcedId “%1” in users.csv").arg(user));
                continue;
            }
            RosterRecord& r = roster.records[at.value()];
            r.dateOfBirth = dateFrom(demographics.file + QStringLiteral(" birthDate"), RosterSheet::cell(row, cBirth),
                                     DateOrder::DayMonthYear, today, r.flags);
            r.sex = parseSex(RosterSheet::cell(row, cSex));
        }
    }

    // Courses, for their classes' subject and year.
    struct Course
    {
        QString title;
        QStringList subjects;
        QStringList subjectCodes;
        QString grades;
    };
    QHash<QString, Course> courses;
    QSet<QString> deletedCourses;
    const RosterFile* courseFile = find("courses.csv");
    if (courseFile) {
        const RosterSheet sheet(*courseFile);
        roster.problems << sheet.rowProblems();
        const int cCourse = requireColumn(sheet, {"sourcedId"});
        const int cTitle = sheet.column({"title"});
        const int cSubjects = sheet.column({"subjects"});
        const int cCodes = sheet.column({"subjectCodes"});
        const int cCourseGrades = sheet.column({"grades"});
        for (const CsvTable::Row& row : sheet.table.rows) {
            const QString id = RosterSheet::cell(row, cCourse);
            if (toBeDeleted(sheet, row))
                deletedCourses.insert(id);
            else
                courses.insert(
                    id, Course{RosterSheet::cell(row, cTitle).simplified(), listOf(RosterSheet::cell(row, cSubjects)),
                               listOf(RosterSheet::cell(row, cCodes)), RosterSheet::cell(row, cCourseGrades)});
        }
    }

    // Classes.
    QHash<QString, std::size_t> groupOf;
    QSet<QString> deletedClasses;
    const RosterFile* classFile = find("classes.csv");
    if (classFile) {
        const RosterSheet classes(*classFile);
        roster.problems << classes.rowProblems();
        const int cClass = requireColumn(classes, {"sourcedId"});
        const int cTitle = classes.column({"title"});
        const int cClassGrades = classes.column({"grades"});
        const int cCourse = classes.column({"courseSourcedId"});
        const int cType = classes.column({"classType"});
        const int cSubjects = classes.column({"subjects"});
        const int cCodes = classes.column({"subjectCodes"});
        for (const CsvTable::Row& row : classes.table.rows) {
            const QString id = RosterSheet::cell(row, cClass);
            if (toBeDeleted(classes, row)) {
                deletedClasses.insert(id);
                continue;
            }
            if (id.isEmpty() || groupOf.contains(id)) {
                roster.problems << classes.at(row.line, id.isEmpty()
                                                            ? tr("no sourcedId; this row is not read")
                                                            : tr("sourcedId “%1” is on an earlier line too; this row "
                                                                 "is not read")
                                                                  .arg(id));
                continue;
            }
            RosterGroup g;
            g.line = row.line;
            g.misId = id;
            g.name = RosterSheet::cell(row, cTitle).simplified();
            if (g.name.isEmpty())
                g.name = id;
            const QString type = RosterSheet::cell(row, cType);
            if (headerKey(type) == QLatin1String("homeroom"))
                g.kind = GroupKind::Tutor;
            else if (headerKey(type) != QLatin1String("scheduled"))
                g.flags << tr("classType “%1” is neither homeroom nor scheduled; read as a class").arg(type);
            const QStringList subjects = listOf(RosterSheet::cell(row, cSubjects));
            const QStringList codes = listOf(RosterSheet::cell(row, cCodes));
            g.subject = subjects.value(0);
            g.subjectCode = codes.value(0);
            const QString classGrades = RosterSheet::cell(row, cClassGrades);
            g.yearGroup = yearOfGrades(classes.table.header.value(cClassGrades), classGrades, g.flags);
            const QString courseId = RosterSheet::cell(row, cCourse);
            if (const auto course = courses.constFind(courseId); course != courses.constEnd()) {
                if (g.subject.isEmpty())
                    g.subject = course->subjects.isEmpty() ? course->title : course->subjects.first();
                if (g.subjectCode.isEmpty())
                    g.subjectCode = course->subjectCodes.value(0);
                if (classGrades.isEmpty())
                    g.yearGroup = yearOfGrades(QStringLiteral("courses.csv grades"), course->grades, g.flags);
            } else if (courseFile && !courseId.isEmpty() && !deletedCourses.contains(courseId)) {
                roster.problems << classes.at(row.line,
                                              tr("no course with sourcedId “%1” in courses.csv").arg(courseId));
            }
            groupOf.insert(id, roster.groups.size());
            roster.groups.push_back(std::move(g));
        }
    }

    // Enrolments: pupils are members; staff teach, primary teachers first.
    if (const RosterFile* file = find("enrollments.csv")) {
        const RosterSheet enrollments(*file);
        roster.problems << enrollments.rowProblems();
        const int cClass = requireColumn(enrollments, {"classSourcedId"});
        const int cUser = requireColumn(enrollments, {"userSourcedId"});
        const int cEnrolRole = requireColumn(enrollments, {"role"});
        const int cPrimary = enrollments.column({"primary"});
        std::map<std::size_t, QStringList> primaryTeachers;
        for (const CsvTable::Row& row : enrollments.table.rows) {
            if (toBeDeleted(enrollments, row))
                continue;
            const QString classId = RosterSheet::cell(row, cClass);
            const QString user = RosterSheet::cell(row, cUser);
            const QString role = RosterSheet::cell(row, cEnrolRole);
            if (deletedClasses.contains(classId) || deletedUsers.contains(user))
                continue;
            const auto group = groupOf.constFind(classId);
            if (group == groupOf.constEnd()) {
                roster.problems << enrollments.at(
                    row.line, classFile ? tr("no class with sourcedId “%1” in classes.csv").arg(classId)
                                        : tr("no class with sourcedId “%1”: the export has no "
                                             "classes.csv")
                                              .arg(classId));
                continue;
            }
            RosterGroup& g = roster.groups[group.value()];
            if (headerKey(role) == QLatin1String("student")) {
                if (pupilAt.contains(user)) {
                    if (!g.pupilMisIds.contains(user))
                        g.pupilMisIds << user;
                } else {
                    roster.problems << enrollments.at(
                        row.line, seenUsers.contains(user)
                                      ? tr("“%1” is enrolled as a student but is not one; not taken").arg(user)
                                      : tr("no user with sourcedId “%1” in users.csv").arg(user));
                }
            } else if (isStaffRole(role)) {
                if (!staffAt.contains(user)) {
                    roster.problems << enrollments.at(
                        row.line, seenUsers.contains(user)
                                      ? tr("“%1” is enrolled as a %2 but is not staff; not taken").arg(user, role)
                                      : tr("no user with sourcedId “%1” in users.csv").arg(user));
                } else if (!g.teacherMisIds.contains(user)) {
                    g.teacherMisIds << user;
                    if (parseYesNo(RosterSheet::cell(row, cPrimary)).value_or(false))
                        primaryTeachers[group.value()] << user;
                }
            } else if (!isContactRole(role)) {
                roster.problems << enrollments.at(
                    row.line, tr("role “%1” is not one Waymark reads (student, teacher); not taken").arg(role));
            }
        }
        for (const auto& [index, primary] : primaryTeachers) {
            QStringList& teachers = roster.groups[index].teacherMisIds;
            QStringList others = teachers;
            for (const QString& id : primary)
                others.removeAll(id);
            teachers = primary + others;
        }
    }
    return roster;
}

} // namespace waymark::exchange
