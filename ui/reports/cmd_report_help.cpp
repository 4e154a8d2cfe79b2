// What waymark-cli says of its report command (help, options), in Qt Core alone: waymark-cli lists
// it without loading Qt Gui, and hands `report` itself to waymark-cli-report.
#include "reports/cmd_report.h"

namespace waymark::cli {

Command reportCommandHelp()
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
            // Never reached: waymark-cli hands `report` to waymark-cli-report before it parses.
            [](Context&, const QCommandLineParser&) -> int {
                throw UsageError(Tr::tr("report runs in waymark-cli-report, beside waymark-cli."));
            }};
}

} // namespace waymark::cli
