// waymark-cli report FILE --kind feedback-slips|class-feedback --task ID --out FILE.pdf [--all]:
// a task's feedback slips or whole-class feedback sheet as an A4 PDF. Reads only.
#include "reports/cmd_report.h"

#include "maintenance/maintenance.h"
#include "reports/reportpdf.h"
#include "services/classfeedback.h"
#include "services/marksheet.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace waymark::cli {

namespace {
const QString kSlips = QStringLiteral("feedback-slips");
const QString kClass = QStringLiteral("class-feedback");

QString required(const QCommandLineParser& parser, const QString& name, const QString& what)
{
    if (!parser.isSet(name))
        throw UsageError(Tr::tr("report needs --%1 %2. See “waymark-cli help report”.").arg(name, what));
    return parser.value(name);
}

int runReport(Context& context, const QCommandLineParser& parser)
{
    const QString path = parser.positionalArguments().at(0);
    const QString kind = required(parser, QStringLiteral("kind"), QStringLiteral("feedback-slips|class-feedback"));
    if (kind != kSlips && kind != kClass)
        throw UsageError(
            Tr::tr("--kind is feedback-slips or class-feedback, not “%1”. See “waymark-cli help report”.").arg(kind));
    const QString taskText = required(parser, QStringLiteral("task"), QStringLiteral("ID"));
    bool number = false;
    const qint64 taskId = taskText.toLongLong(&number);
    if (!number || taskId <= 0)
        throw UsageError(
            Tr::tr("--task takes a task's number, as “waymark-cli tasks FILE” lists them, not “%1”.").arg(taskText));
    const QString out = required(parser, QStringLiteral("out"), QStringLiteral("FILE.pdf"));
    const bool everyone = parser.isSet(QStringLiteral("all"));
    if (everyone && kind != kSlips)
        throw UsageError(Tr::tr("--all is for --kind feedback-slips only."));
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        throw StorageError(StorageError::Kind::Invalid, Tr::tr("report needs Qt's fonts, and this program was "
                                                               "started without them."));

    std::optional<marking::MarkSheet> sheet;
    marking::ClassNotes notes;
    {
        ReadOnlyVisit visit(path, kBusyTimeoutMs);
        sheet = marking::markSheet(visit.db(), taskId);
        if (!sheet)
            throw UsageError(Tr::tr("There is no task %1 in “%2”; “waymark-cli tasks %2” lists them.")
                                 .arg(QString::number(taskId), path));
        notes = marking::taskFeedback(visit.db(), taskId);
    } // the school file is let go before the PDF is drawn
    reports::PrintedReport printed;
    if (kind == kSlips) {
        reports::SlipOptions options;
        options.everyone = everyone;
        printed = reports::writeFeedbackSlipsPdf(*sheet, out, options);
    } else {
        printed = reports::writeClassFeedbackPdf(*sheet, marking::classSummary(*sheet), notes, out);
    }
    QJsonObject result{{QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("task"), taskId},
                       {QStringLiteral("pages"), printed.pages}};
    if (kind == kSlips)
        result.insert(QStringLiteral("slips"), printed.slips);
    context.out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
    return kExitOk;
}
} // namespace

Command reportCommand()
{
    return {QStringLiteral("report"),
            QStringLiteral("FILE"),
            1,
            Tr::tr("Print a task's feedback slips or whole-class feedback to a PDF."),
            Tr::tr("Writes an A4 PDF for the task --task (its id, as “waymark-cli tasks FILE” lists them):\n"
                   "  --kind feedback-slips  six slips a page to cut out and stick in books: each pupil's name,\n"
                   "                         the task, its criteria with their judgements, the traffic light\n"
                   "                         (colour and letter), the grade and the feedback; pupils marked\n"
                   "                         for the task only, unless --all\n"
                   "  --kind class-feedback  the whole-class sheet: counts per light and per criterion, who to\n"
                   "                         revisit and praise, misconceptions, spelling and grammar\n"
                   "The PDF is written whole or not at all, replacing any PDF at --out. Prints the file,\n"
                   "its pages and slips as JSON. Reads FILE only."),
            {{{QStringLiteral("kind")}, QStringLiteral("KIND"), Tr::tr("feedback-slips or class-feedback.")},
             {{QStringLiteral("task")}, QStringLiteral("ID"), Tr::tr("The task, by its id.")},
             {{QStringLiteral("out")}, QStringLiteral("FILE.pdf"), Tr::tr("The PDF to write.")},
             {{QStringLiteral("all")}, QString(), Tr::tr("Slips for every pupil in the group, marked or not.")}},
            runReport};
}

} // namespace waymark::cli
