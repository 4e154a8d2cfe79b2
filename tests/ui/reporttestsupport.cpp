#include "reporttestsupport.h"

#include "services/groupsetup.h"
#include "services/marking.h"
#include "services/pupilsetup.h"
#include "services/schoolsetup.h"
#include "services/tasksetup.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <catch2/catch.hpp>

namespace waymark::test {

namespace {
const QDate kToday(2026, 11, 30);
const char* const kFamilies[] = {"Adams",   "Aydın", "Brown", "Chen",    "Cole",   "Dunn",   "Evans", "Fox",
                                 "Green",   "Hall",  "Iqbal", "Jones",   "Khan",   "Lewis",  "Moore", "Nowak",
                                 "O'Neill", "Patel", "Quinn", "Roberts", "Smith",  "Taylor", "Usman", "Vance",
                                 "Walker",  "Xu",    "Young", "Zając",   "Abbott", "Zeal"};
} // namespace

MarkedClass::MarkedClass(int count, int marked)
{
    path = dir.path(QStringLiteral("school.waymark"));
    setup::createSchoolFile(path, QStringLiteral("Oakfield"));
    db = Database::open(path);
    setup::GroupDetails g;
    g.name = QStringLiteral("9X/Ma1");
    g.yearGroup = 9;
    g.academicYear = 2026;
    group = setup::addGroup(*db, g);
    for (int i = 0; i < count; ++i) {
        setup::NewPupil p;
        p.legalGivenName =
            QStringLiteral("Pupil%1").arg(QChar(char16_t(u'A' + i % 26))) + QString(i / 26, QLatin1Char('x'));
        p.legalFamilyName = QString::fromUtf8(kFamilies[std::size_t(i) % std::size(kFamilies)]);
        pupils.push_back(setup::addPupil(*db, p, kToday));
        names << p.legalGivenName + QLatin1Char(' ') + p.legalFamilyName;
        feedback.push_back({});
    }
    setup::addMembers(*db, group, pupils);
    marking::TaskDetails d;
    d.groupId = group;
    d.title = QStringLiteral("Fractions");
    d.setOn = kToday;
    d.learningIntention = QStringLiteral("To add and simplify fractions");
    d.criteria = {QStringLiteral("I can add fractions"), QStringLiteral("I can simplify")};
    task = marking::createTask(*db, d);
    static const char* const lights[] = {"green", "amber", "red"};
    static const char* const judgements[] = {"met", "partly", "not_yet"};
    for (int i = 0; i < marked; ++i) {
        const RowId pupil = pupils[std::size_t(i)];
        std::vector<marking::MarkChange> changes{
            {{pupil, marking::MarkField::Light, 0, QString::fromLatin1(lights[i % 3])}, QString()}};
        const std::vector<RowId> criteria = [&] {
            std::vector<RowId> ids;
            auto s = db->prepare("SELECT id FROM success_criterion WHERE task_id = ?1 ORDER BY position");
            s.bind(1, qint64(task));
            while (s.step())
                ids.push_back(s.int64(0));
            return ids;
        }();
        for (std::size_t c = 0; c < criteria.size(); ++c)
            changes.push_back({{pupil, marking::MarkField::Judgement, criteria[c],
                                QString::fromLatin1(judgements[i % 3 == 0 ? 0 : (std::size_t(i) + c) % 3])},
                               QString()});
        marking::setMarks(*db, task, changes, kToday);
        setFeedback(std::size_t(i), {QStringLiteral("%1 set out each step clearly.").arg(names[i]),
                                     QStringLiteral("you checked that each answer was simplified (%1).").arg(i),
                                     QStringLiteral("Try question %1 on the extension sheet.").arg(i + 3)});
    }
}

void MarkedClass::setFeedback(std::size_t pupil, const QStringList& parts)
{
    const marking::MarkField fields[] = {marking::MarkField::WhatWentWell, marking::MarkField::EvenBetterIf,
                                         marking::MarkField::NextStep};
    std::vector<marking::MarkChange> changes;
    for (std::size_t k = 0; k < 3; ++k)
        changes.push_back(
            {{pupils[pupil], fields[k], 0, parts.value(int(k))}, marking::markOf(*db, task, pupils[pupil], fields[k])});
    marking::setMarks(*db, task, changes, kToday);
    feedback[pupil] = parts;
}

QString pdfTool(const char* name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

QString flat(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString(text).replace(space, QStringLiteral(" ")).trimmed();
}

QString pdfText(const QString& pdf, int first, int last)
{
    QStringList args{QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (first > 0)
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l") << QString::number(last);
    QProcess p;
    p.start(pdfTool("pdftotext"), args << pdf << QStringLiteral("-"));
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return flat(QString::fromUtf8(p.readAllStandardOutput()));
}

int pdfPages(const QString& pdf)
{
    QProcess p;
    p.start(pdfTool("pdfinfo"), {pdf});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    static const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    return pages.match(QString::fromUtf8(p.readAllStandardOutput())).captured(1).toInt();
}

} // namespace waymark::test
