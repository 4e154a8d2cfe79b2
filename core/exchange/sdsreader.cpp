#include "exchange/sdsreader.h"

#include "domain/upn.h"
#include "exchange/rosterfiles.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <optional>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Roster", text);
}

StorageError notSds(const QString& message)
{
    return StorageError(StorageError::Kind::Invalid, message);
}

// A sheet's id column and where each id was first seen; a repeated id is a problem and its row is
// not read.
struct Ids
{
    QHash<QString, int> lineOf;

    // True if the row is to be read: it has an id, seen for the first time.
    bool take(const RosterSheet& sheet, const QString& id, int line, const QString& column, Roster& roster)
    {
        if (id.isEmpty()) {
            roster.problems << sheet.at(line, tr("no %1; this row is not read").arg(column));
            return false;
        }
        if (const auto it = lineOf.constFind(id); it != lineOf.constEnd()) {
            roster.problems << sheet.at(
                line, tr("%1 “%2” is also on line %3; this row is not read").arg(column, id).arg(it.value()));
            return false;
        }
        lineOf.insert(id, line);
        return true;
    }
};

int requireColumn(const RosterSheet& sheet, std::initializer_list<const char*> names)
{
    const int c = sheet.column(names);
    if (c < 0)
        throw notSds(tr("%1 has no “%2” column, so it cannot be read (its first row reads “%3”).")
                         .arg(sheet.file, QString::fromLatin1(*names.begin()),
                              sheet.table.header.join(QStringLiteral(", ")).left(200)));
    return c;
}

void addUnique(QStringList& list, const QString& id)
{
    if (!list.contains(id))
        list << id;
}

// ---- UK format -------------------------------------------------------------------------------

Roster readUk(const RosterFiles& files, QDate today)
{
    Roster roster;
    roster.format = RosterFormat::SdsUk;
    const auto missing = [&](const char* name, const QString& consequence) {
        roster.problems << tr("%1 is not in the folder: %2").arg(QString::fromLatin1(name), consequence);
    };
    if (!files.find(QStringLiteral("School.csv")))
        missing("School.csv", tr("School Data Sync always writes it, so the export may be incomplete."));

    // Pupils.
    const RosterSheet students(*files.find(QStringLiteral("Student.csv")));
    roster.encoding = students.table.encoding;
    roster.problems << students.rowProblems();
    const int cId = requireColumn(students, {"ID", "SIS ID"});
    const int cGiven = students.column({"First Name"});
    const int cFamily = students.column({"Last Name"});
    const int cMiddle = students.column({"Middle Name"});
    const int cUpn = students.column({"UPN"});
    const int cNumber = students.column({"Student Number"});
    const int cGrade = students.column({"Grade"});
    const int cBirth = students.column({"Birthdate", "Date of Birth"});
    const int cSex = students.column({"Gender", "Sex"});
    if (cGiven < 0 && cFamily < 0)
        requireColumn(students, {"Last Name"});
    if (cBirth >= 0) {
        QStringList dates;
        for (const CsvTable::Row& row : students.table.rows)
            dates << RosterSheet::cell(row, cBirth);
        roster.dateOrder = detectDateOrder(dates, DateOrder::MonthDayYear); // SDS is American
    }
    Ids pupilIds;
    for (const CsvTable::Row& row : students.table.rows) {
        const QString id = RosterSheet::cell(row, cId);
        if (!pupilIds.take(students, id, row.line, students.table.header.at(cId), roster))
            continue;
        RosterRecord r;
        r.line = row.line;
        r.misId = id;
        r.legalGivenName = RosterSheet::cell(row, cGiven).simplified();
        r.legalFamilyName = RosterSheet::cell(row, cFamily).simplified();
        r.legalMiddleNames = RosterSheet::cell(row, cMiddle).simplified();
        if (cUpn >= 0) {
            const QString value = RosterSheet::cell(row, cUpn);
            const QString upn = upn::normalise(value);
            if (!upn.isEmpty()) {
                if (const upn::Problem problem = upn::validate(upn); problem != upn::Problem::None)
                    r.flags << tr("UPN “%1” not taken: %2").arg(value, upn::describe(problem, upn));
                else
                    r.upn = upn;
            }
        } else {
            r.upn = upnFromId(RosterSheet::cell(row, cNumber), r.flags);
        }
        r.yearGroup = yearFrom(students.table.header.value(cGrade), RosterSheet::cell(row, cGrade), r.flags);
        r.dateOfBirth = dateFrom(students.table.header.value(cBirth), RosterSheet::cell(row, cBirth), roster.dateOrder,
                                 today, r.flags);
        r.sex = parseSex(RosterSheet::cell(row, cSex));
        r.rejected = unnamedReason(r.legalGivenName, r.legalFamilyName);
        roster.records.push_back(std::move(r));
    }

    // Teachers.
    Ids teacherIds;
    if (const RosterFile* file = files.find(QStringLiteral("Teacher.csv"))) {
        const RosterSheet teachers(*file);
        roster.problems << teachers.rowProblems();
        const int tId = requireColumn(teachers, {"ID", "SIS ID"});
        const int tGiven = teachers.column({"First Name"});
        const int tFamily = teachers.column({"Last Name"});
        const int tTitle = teachers.column({"Title"});
        const int tEmail = teachers.column({"Secondary Email", "Email"});
        for (const CsvTable::Row& row : teachers.table.rows) {
            const QString id = RosterSheet::cell(row, tId);
            if (!teacherIds.take(teachers, id, row.line, teachers.table.header.at(tId), roster))
                continue;
            RosterStaff s;
            s.line = row.line;
            s.misId = id;
            s.givenName = RosterSheet::cell(row, tGiven).simplified();
            s.familyName = RosterSheet::cell(row, tFamily).simplified();
            s.title = RosterSheet::cell(row, tTitle);
            s.email = RosterSheet::cell(row, tEmail);
            s.role = QStringLiteral("Teacher");
            s.rejected = unnamedReason(s.givenName, s.familyName);
            roster.staff.push_back(std::move(s));
        }
    } else {
        missing("Teacher.csv", tr("no teachers are read."));
    }

    // Sections.
    QHash<QString, std::size_t> groupOf;
    const RosterFile* sectionFile = files.find(QStringLiteral("Section.csv"));
    if (sectionFile) {
        const RosterSheet sections(*sectionFile);
        roster.problems << sections.rowProblems();
        const int sId = requireColumn(sections, {"ID", "SIS ID"});
        const int sName = sections.column({"Section Name"});
        const int sSubject = sections.column({"Course Subject"});
        const int sGrade = sections.column({"Grade", "Year Group"});
        Ids sectionIds;
        for (const CsvTable::Row& row : sections.table.rows) {
            const QString id = RosterSheet::cell(row, sId);
            if (!sectionIds.take(sections, id, row.line, sections.table.header.at(sId), roster))
                continue;
            RosterGroup g;
            g.line = row.line;
            g.misId = id;
            g.name = RosterSheet::cell(row, sName).simplified();
            if (g.name.isEmpty())
                g.name = id;
            g.subject = RosterSheet::cell(row, sSubject).simplified();
            g.yearGroup = yearFrom(sections.table.header.value(sGrade), RosterSheet::cell(row, sGrade), g.flags);
            groupOf.insert(id, roster.groups.size());
            roster.groups.push_back(std::move(g));
        }
    } else {
        missing("Section.csv", tr("no classes are read."));
    }

    // Who is in each section, and who teaches it.
    const auto readLinks = [&](const char* name, bool pupils, const QString& withoutIt) {
        const RosterFile* file = files.find(QString::fromLatin1(name));
        if (!file) {
            missing(name, withoutIt);
            return;
        }
        if (!sectionFile) {
            roster.problems
                << tr("%1 names sections, but Section.csv is not in the folder: it is not read.").arg(file->name);
            return;
        }
        const RosterSheet links(*file);
        roster.problems << links.rowProblems();
        const int lSection = requireColumn(links, {"Section ID", "Section SIS ID"});
        const int lPerson = requireColumn(links, {"ID", pupils ? "Student SIS ID" : "Teacher SIS ID"});
        const Ids& people = pupils ? pupilIds : teacherIds;
        for (const CsvTable::Row& row : links.table.rows) {
            const QString section = RosterSheet::cell(row, lSection);
            const QString person = RosterSheet::cell(row, lPerson);
            const auto group = groupOf.constFind(section);
            if (group == groupOf.constEnd()) {
                roster.problems << links.at(row.line, tr("no section with ID “%1” in Section.csv").arg(section));
                continue;
            }
            if (!people.lineOf.contains(person)) {
                roster.problems << links.at(row.line, pupils
                                                          ? tr("no student with ID “%1” in Student.csv").arg(person)
                                                          : tr("no teacher with ID “%1” in Teacher.csv").arg(person));
                continue;
            }
            RosterGroup& g = roster.groups[group.value()];
            addUnique(pupils ? g.pupilMisIds : g.teacherMisIds, person);
        }
    };
    readLinks("StudentEnrollment.csv", true, tr("classes are read without their pupils."));
    readLinks("TeacherRoster.csv", false, tr("classes are read without their teachers."));
    return roster;
}

// ---- v2.1 format -----------------------------------------------------------------------------

bool isStaffRole(const QString& role)
{
    static const QStringList staff{QStringLiteral("teacher"),
                                   QStringLiteral("professor"),
                                   QStringLiteral("aide"),
                                   QStringLiteral("administrator"),
                                   QStringLiteral("principal"),
                                   QStringLiteral("staff"),
                                   QStringLiteral("districtadministrator")};
    return staff.contains(headerKey(role));
}

Roster readV21(const RosterFiles& files, QDate today)
{
    Roster roster;
    roster.format = RosterFormat::SdsV21;
    roster.dateOrder = DateOrder::DayMonthYear; // its dates are ISO
    if (!files.find(QStringLiteral("orgs.csv")))
        roster.problems << tr("%1 is not in the folder: %2")
                               .arg(QStringLiteral("orgs.csv"),
                                    tr("School Data Sync always writes it, so the export may be incomplete."));

    // Each user's role: the primary one, else the first.
    struct Role
    {
        QString role;
        QString grade;
        int line = 0;
        bool primary = false;
    };
    QHash<QString, Role> roleOf;
    const RosterSheet roles(*files.find(QStringLiteral("roles.csv")));
    roster.problems << roles.rowProblems();
    {
        const int cUser = requireColumn(roles, {"userSourcedId"});
        const int cRole = requireColumn(roles, {"role"});
        const int cGrade = roles.column({"grade"});
        const int cPrimary = roles.column({"isPrimary"});
        for (const CsvTable::Row& row : roles.table.rows) {
            const QString user = RosterSheet::cell(row, cUser);
            const bool primary = parseYesNo(RosterSheet::cell(row, cPrimary)).value_or(false);
            const auto it = roleOf.constFind(user);
            if (it == roleOf.constEnd() || (primary && !it->primary))
                roleOf.insert(user,
                              Role{RosterSheet::cell(row, cRole), RosterSheet::cell(row, cGrade), row.line, primary});
        }
    }
    QSet<QString> contacts; // named by relationships.csv: a pupil's family, who need no role
    if (const RosterFile* file = files.find(QStringLiteral("relationships.csv"))) {
        const RosterSheet relationships(*file);
        const int cOther = relationships.column({"relationshipUserSourcedId"});
        for (const CsvTable::Row& row : relationships.table.rows)
            contacts.insert(RosterSheet::cell(row, cOther));
    }

    // Users: pupils and staff by their role.
    const RosterSheet users(*files.find(QStringLiteral("users.csv")));
    roster.encoding = users.table.encoding;
    roster.problems << users.rowProblems();
    const int cId = requireColumn(users, {"sourcedId"});
    const int cGiven = users.column({"givenName"});
    const int cFamily = users.column({"familyName"});
    const int cMiddle = users.column({"middleName"});
    const int cPreferredGiven = users.column({"preferredGivenName", "preferredFirstName"});
    const int cPreferredFamily = users.column({"preferredFamilyName", "preferredLastName"});
    const int cEmail = users.column({"email"});
    const int cUsername = users.column({"username"});
    const int cStudentNumber = users.column({"studentNumber", "identifier"});
    Ids userIds;
    QHash<QString, std::size_t> pupilAt;
    QHash<QString, std::size_t> staffAt;
    for (const CsvTable::Row& row : users.table.rows) {
        const QString id = RosterSheet::cell(row, cId);
        if (!userIds.take(users, id, row.line, users.table.header.at(cId), roster))
            continue;
        const QString given = RosterSheet::cell(row, cGiven).simplified();
        const QString family = RosterSheet::cell(row, cFamily).simplified();
        const auto role = roleOf.constFind(id);
        if (role == roleOf.constEnd()) {
            if (!contacts.contains(id))
                roster.problems << users.at(row.line, tr("“%1” has no role in roles.csv; not read").arg(id));
            continue;
        }
        if (headerKey(role->role) == QLatin1String("student")) {
            RosterRecord r;
            r.line = row.line;
            r.misId = id;
            r.legalGivenName = given;
            r.legalFamilyName = family;
            r.legalMiddleNames = RosterSheet::cell(row, cMiddle).simplified();
            r.preferredGivenName = RosterSheet::cell(row, cPreferredGiven).simplified();
            r.preferredFamilyName = RosterSheet::cell(row, cPreferredFamily).simplified();
            r.upn = upnFromId(RosterSheet::cell(row, cStudentNumber), r.flags);
            r.yearGroup = yearFrom(QStringLiteral("roles.csv grade"), role->grade, r.flags);
            r.rejected = unnamedReason(r.legalGivenName, r.legalFamilyName);
            pupilAt.insert(id, roster.records.size());
            roster.records.push_back(std::move(r));
        } else if (isStaffRole(role->role)) {
            RosterStaff s;
            s.line = row.line;
            s.misId = id;
            s.givenName = given;
            s.familyName = family;
            s.email = RosterSheet::cell(row, cEmail);
            if (const QString username = RosterSheet::cell(row, cUsername);
                s.email.isEmpty() && username.contains(QLatin1Char('@')))
                s.email = username; // SDS signs staff in with their school email
            s.role = role->role;
            s.rejected = unnamedReason(s.givenName, s.familyName);
            staffAt.insert(id, roster.staff.size());
            roster.staff.push_back(std::move(s));
        } else if (!isContactRole(role->role)) {
            roster.problems << roles.at(role->line, tr("role “%1” of “%2” is not one Waymark reads (student, teacher "
                                                       "and other staff); not read")
                                                        .arg(role->role, id));
        }
    }
    for (auto it = roleOf.constBegin(); it != roleOf.constEnd(); ++it)
        if (!userIds.lineOf.contains(it.key()))
            roster.problems << roles.at(it->line, tr("no user with sourcedId “%1” in users.csv").arg(it.key()));

    // Demographics and flags, for pupils.
    if (const RosterFile* file = files.find(QStringLiteral("demographics.csv"))) {
        const RosterSheet demographics(*file);
        roster.problems << demographics.rowProblems();
        const int cUser = requireColumn(demographics, {"userSourcedId", "sourcedId"});
        const int cBirth = demographics.column({"birthDate"});
        const int cSex = demographics.column({"sex"});
        for (const CsvTable::Row& row : demographics.table.rows) {
            const QString user = RosterSheet::cell(row, cUser);
            const auto at = pupilAt.constFind(user);
            if (at == pupilAt.constEnd()) {
                if (!userIds.lineOf.contains(user))
                    roster.problems << demographics.at(row.line,
                                                       tr("no user with sourcedId “%1” in users.csv").arg(user));
                continue; // staff: not kept
            }
            RosterRecord& r = roster.records[at.value()];
            r.dateOfBirth = dateFrom(demographics.file + QStringLiteral(" birthDate"), RosterSheet::cell(row, cBirth),
                                     DateOrder::DayMonthYear, today, r.flags);
            r.sex = parseSex(RosterSheet::cell(row, cSex));
        }
    }
    if (const RosterFile* file = files.find(QStringLiteral("userFlags.csv"))) {
        const RosterSheet flags(*file);
        roster.problems << flags.rowProblems();
        const int cUser = requireColumn(flags, {"userSourcedId"});
        const int cFlag = requireColumn(flags, {"flag"});
        for (const CsvTable::Row& row : flags.table.rows) {
            const QString user = RosterSheet::cell(row, cUser);
            const QString flag = RosterSheet::cell(row, cFlag);
            const auto at = pupilAt.constFind(user);
            if (at == pupilAt.constEnd()) {
                if (!userIds.lineOf.contains(user))
                    roster.problems << flags.at(row.line, tr("no user with sourcedId “%1” in users.csv").arg(user));
                continue;
            }
            RosterRecord& r = roster.records[at.value()];
            const QString key = headerKey(flag);
            if (key == QLatin1String("freelunch"))
                r.freeSchoolMeals = true;
            else if (key == QLatin1String("ell"))
                r.eal = true;
            else if (key == QLatin1String("iep"))
                r.sen = SenStatus::SenSupport;
            else
                r.flags << tr("userFlags.csv flag “%1” has no meaning in Waymark; not taken").arg(flag);
        }
    }

    // Courses, then classes with their subject and year from the course.
    struct Course
    {
        QString title;
        QString code;
        QString subject;
        QString grade;
    };
    QHash<QString, Course> courses;
    const RosterFile* courseFile = files.find(QStringLiteral("courses.csv"));
    if (courseFile) {
        const RosterSheet sheet(*courseFile);
        roster.problems << sheet.rowProblems();
        const int cCourse = requireColumn(sheet, {"sourcedId"});
        const int cTitle = sheet.column({"title"});
        const int cCode = sheet.column({"code"});
        const int cSubject = sheet.column({"subject"});
        const int cGrade = sheet.column({"grade"});
        for (const CsvTable::Row& row : sheet.table.rows)
            courses.insert(RosterSheet::cell(row, cCourse),
                           Course{RosterSheet::cell(row, cTitle), RosterSheet::cell(row, cCode),
                                  RosterSheet::cell(row, cSubject), RosterSheet::cell(row, cGrade)});
    }
    QHash<QString, std::size_t> groupOf;
    const RosterFile* classFile = files.find(QStringLiteral("classes.csv"));
    if (classFile) {
        const RosterSheet classes(*classFile);
        roster.problems << classes.rowProblems();
        const int cClass = requireColumn(classes, {"sourcedId"});
        const int cTitle = classes.column({"title"});
        const int cCourse = classes.column({"courseSourcedId"});
        Ids classIds;
        for (const CsvTable::Row& row : classes.table.rows) {
            const QString id = RosterSheet::cell(row, cClass);
            if (!classIds.take(classes, id, row.line, classes.table.header.at(cClass), roster))
                continue;
            RosterGroup g;
            g.line = row.line;
            g.misId = id;
            g.name = RosterSheet::cell(row, cTitle).simplified();
            if (g.name.isEmpty())
                g.name = id;
            const QString courseId = RosterSheet::cell(row, cCourse);
            if (const auto course = courses.constFind(courseId); course != courses.constEnd()) {
                // SDS writes a subject as a code (its sample: "10") or a name.
                bool number = false;
                course->subject.toInt(&number);
                (number ? g.subjectCode : g.subject) = course->subject;
                if (g.subject.isEmpty())
                    g.subject = course->title.simplified();
                g.yearGroup = yearFrom(QStringLiteral("courses.csv grade"), course->grade, g.flags);
            } else if (!courseId.isEmpty() && courseFile) {
                roster.problems << classes.at(row.line,
                                              tr("no course with sourcedId “%1” in courses.csv").arg(courseId));
            }
            groupOf.insert(id, roster.groups.size());
            roster.groups.push_back(std::move(g));
        }
    }

    // Enrolments: pupils are members, staff teach.
    if (const RosterFile* file = files.find(QStringLiteral("enrollments.csv"))) {
        if (!classFile) {
            roster.problems
                << tr("%1 names classes, but classes.csv is not in the folder: it is not read.").arg(file->name);
        } else {
            const RosterSheet enrollments(*file);
            roster.problems << enrollments.rowProblems();
            const int cClass = requireColumn(enrollments, {"classSourcedId"});
            const int cUser = requireColumn(enrollments, {"userSourcedId"});
            const int cRole = requireColumn(enrollments, {"role"});
            for (const CsvTable::Row& row : enrollments.table.rows) {
                const QString classId = RosterSheet::cell(row, cClass);
                const QString user = RosterSheet::cell(row, cUser);
                const QString role = RosterSheet::cell(row, cRole);
                const auto group = groupOf.constFind(classId);
                if (group == groupOf.constEnd()) {
                    roster.problems << enrollments.at(row.line,
                                                      tr("no class with sourcedId “%1” in classes.csv").arg(classId));
                    continue;
                }
                RosterGroup& g = roster.groups[group.value()];
                if (headerKey(role) == QLatin1String("student")) {
                    if (pupilAt.contains(user))
                        addUnique(g.pupilMisIds, user);
                    else
                        roster.problems << enrollments.at(
                            row.line, userIds.lineOf.contains(user)
                                          ? tr("“%1” is enrolled as a student but is not one; not taken").arg(user)
                                          : tr("no user with sourcedId “%1” in users.csv").arg(user));
                } else if (isStaffRole(role)) {
                    if (staffAt.contains(user))
                        addUnique(g.teacherMisIds, user);
                    else
                        roster.problems << enrollments.at(
                            row.line, userIds.lineOf.contains(user)
                                          ? tr("“%1” is enrolled as a %2 but is not staff; not taken").arg(user, role)
                                          : tr("no user with sourcedId “%1” in users.csv").arg(user));
                } else {
                    roster.problems << enrollments.at(
                        row.line, tr("role “%1” is not one Waymark reads (student, teacher); not taken").arg(role));
                }
            }
        }
    }
    return roster;
}
} // namespace

Roster readSdsFolder(const QString& folder, QDate today)
{
    const RosterFiles files = readRosterFolder(folder);
    const auto has = [&](const char* name) { return files.find(QString::fromLatin1(name)) != nullptr; };
    const bool uk = has("Student.csv") || has("Section.csv") || has("Teacher.csv") || has("StudentEnrollment.csv") ||
                    has("TeacherRoster.csv") || has("School.csv");
    const bool v21 =
        has("users.csv") || has("roles.csv") || has("orgs.csv") || has("classes.csv") || has("enrollments.csv");
    if (uk) {
        if (!has("Student.csv"))
            throw notSds(tr("This School Data Sync folder (UK format) has no Student.csv, so it has no pupils to "
                            "read. Export it again with all six files."));
        return readUk(files, today);
    }
    if (v21 && !has("manifest.csv")) {
        QStringList lacking;
        for (const char* name : {"users.csv", "roles.csv"})
            if (!has(name))
                lacking << QString::fromLatin1(name);
        if (!lacking.isEmpty())
            throw notSds(tr("This School Data Sync folder (v2.1 format) has no %1, without which no pupil can be "
                            "read. Export it again with all its files.")
                             .arg(lacking.join(tr(" or "))));
        return readV21(files, today);
    }
    if (has("manifest.csv"))
        throw notSds(tr("This folder is a OneRoster export (it has manifest.csv), not School Data Sync: import it "
                        "as OneRoster."));
    throw notSds(tr("This folder is not a School Data Sync export: it has neither Student.csv (the UK format) nor "
                    "users.csv and roles.csv (v2.1). It holds: %1.")
                     .arg(files.files.empty() ? tr("no CSV files") : files.names().join(QStringLiteral(", "))));
}

} // namespace waymark::exchange
