// The evidence tab's files: listed by name and size, opened in their own program (a private copy)
// and saved where the teacher chooses, streamed out and checked; a damaged one is refused and never
// replaces a file that was there.
#include "attachments/attachmentstore.h"
#include "attachments/evidencefiles.h"
#include "domain/entities.h"
#include "pupil/evidencepanel.h"
#include "pupil/evidencetimelinemodel.h"
#include "pupiltestsupport.h"
#include "repo/repository.h"
#include "services/schoolsession.h"
#include "storage/storageerror.h"
#include "storage/transaction.h"
#include "testsupport.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QBuffer>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QUrl>

#include <catch2/catch.hpp>

using namespace waymark;
using namespace waymark::test;

namespace {
// Stands in for the desktop: takes the files Waymark asks it to open.
class DesktopStandIn final : public QObject
{
    Q_OBJECT

public:
    DesktopStandIn() { QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "open"); }
    ~DesktopStandIn() override { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); }
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl& url) { opened << url; }
};

QByteArray pngOfWork()
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(200, 220, 255));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
} // namespace

TEST_CASE("A piece's files are listed, opened with the computer's own program, and saved as a copy")
{
    PupilPageFixture f(0);
    const QByteArray work = pngOfWork();
    {
        // The newest piece already has "photo.png" (whose stored bytes do not match their hash: a
        // damaged file); add a real photo of work, under a name that tries to leave its folder.
        Database& db = f.session->db();
        Transaction write(db);
        auto s = db.prepare("SELECT id FROM evidence WHERE pupil_id = ?1 ORDER BY recorded_on DESC, id DESC LIMIT 1");
        s.bindAll(f.school.pupilId);
        REQUIRE(s.step());
        EvidenceAttachment a;
        a.evidenceId = s.int64(0);
        a.sha256 = AttachmentStore(db).putBytes(work, QStringLiteral("image/png"));
        a.fileName = QStringLiteral("../../Fractions work.png");
        Repository<EvidenceAttachment>(db).insert(a);
        write.commit();
    }
    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
    EvidencePanel* panel = f.page.evidence();
    panel->view()->setFocus();
    panel->view()->setCurrentIndex(panel->view()->model()->index(0, 0));
    QApplication::processEvents();
    REQUIRE(panel->files().size() == 2);
    CHECK(panel->files()[1].fileName == QStringLiteral("../../Fractions work.png"));
    CHECK(safeFileName(panel->files()[1]) == QStringLiteral("Fractions work.png"));
    const QString pane = panel->detail()->toPlainText();
    CHECK(pane.contains(QStringLiteral("Fractions work.png")));
    CHECK(pane.contains(QStringLiteral("Open")));
    CHECK(pane.contains(QStringLiteral("Save a copy")));

    SECTION("saved as a copy: the same bytes, where asked")
    {
        const QString copy = f.dir.path(QStringLiteral("copy.png"));
        REQUIRE(panel->saveFileCopy(1, copy));
        QFile file(copy);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == work);
    }
    SECTION("a damaged file is refused with a message, and a file already there is left as it was")
    {
        const QString there = f.dir.path(QStringLiteral("keep.png"));
        {
            QFile file(there);
            REQUIRE(file.open(QIODevice::WriteOnly));
            file.write("the teacher's own file");
        }
        QString told;
        answerNextModal([&](QWidget* box) {
            told = messageBoxText(box);
            qobject_cast<QMessageBox*>(box)->accept();
        });
        CHECK_FALSE(panel->saveFileCopy(0, there));
        CHECK_FALSE(told.isEmpty());
        QFile file(there);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == QByteArray("the teacher's own file"));
        CHECK(QDir(f.dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("keep")).size() == 1);
    }
    SECTION("opened from the keyboard: Tab to the pane's Open link, Enter; a private copy goes to the program")
    {
        DesktopStandIn desktop;
        QTextBrowser* detail = panel->detail();
        detail->setFocus(Qt::TabFocusReason);
        // The pane's links in order: photo.png Open, Save; Fractions work.png Open, Save.
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(detail, Qt::Key_Tab);
        QTest::keyClick(detail, Qt::Key_Return);
        REQUIRE(desktop.opened.size() == 1);
        const QString path = desktop.opened.first().toLocalFile();
        CHECK(QFileInfo(path).fileName() == QStringLiteral("Fractions work.png"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == work);
        // Only this user can read the folder of opened copies.
        const QFileInfo folder(QFileInfo(QFileInfo(path).absolutePath()).absolutePath());
        CHECK(folder.permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                       QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser));
    }
}

#include "test_evidencefiles.moc"

TEST_CASE("Files from a school made elsewhere cannot leave their folder, pose as photos, run, or replace the school")
{
    PupilPageFixture f(0);
    Database& db = f.session->db();
    RowId evidenceId = 0;
    QString realHash;
    {
        Transaction write(db);
        auto s = db.prepare("SELECT id FROM evidence WHERE pupil_id = ?1 ORDER BY recorded_on DESC, id DESC LIMIT 1");
        s.bindAll(f.school.pupilId);
        REQUIRE(s.step());
        evidenceId = s.int64(0);
        realHash = AttachmentStore(db).putBytes(QByteArray("MZ pretend program"), QStringLiteral("image/png"));
        for (const QString& name : {QStringLiteral("photo\u202Egpj.exe"), QStringLiteral("CON.txt"),
                                    QStringLiteral("%1 and %2.png"), QStringLiteral("..\\..\\Windows\\notes.pdf.")}) {
            EvidenceAttachment a;
            a.evidenceId = evidenceId;
            a.sha256 = realHash;
            a.fileName = name;
            Repository<EvidenceAttachment>(db).insert(a);
        }
        write.commit();
    }
    {
        // A row whose "fingerprint" is a path: written past the repository, as a crafted file would be.
        db.exec("PRAGMA foreign_keys = OFF");
        Transaction write(db);
        db.prepare("INSERT INTO evidence_attachment(uuid, hlc, origin, evidence_id, sha256, file_name) "
                   "VALUES ('x-1', 1, 'x', ?1, '../../../../tmp/escape', 'escape.png')")
            .bindAll(evidenceId)
            .run();
        write.commit();
        db.exec("PRAGMA foreign_keys = ON");
    }

    const std::vector<AttachedFile> files = filesOfEvidence(db, evidenceId);
    QStringList names;
    for (const AttachedFile& file : files)
        names << safeFileName(file);
    INFO(names.join(QStringLiteral(" | ")).toStdString());
    CHECK_FALSE(names.contains(QStringLiteral("escape.png"))); // a path is no fingerprint: not listed
    CHECK(names.contains(QStringLiteral("photogpj.exe")));     // the hidden reversal is gone
    CHECK(names.contains(QStringLiteral("_CON.txt")));
    CHECK(names.contains(QStringLiteral("notes.pdf")));
    for (const AttachedFile& file : files) {
        INFO(safeFileName(file).toStdString());
        CHECK_FALSE(safeFileName(file).contains(QLatin1Char('/')));
        CHECK_FALSE(safeFileName(file).contains(QLatin1Char('\\')));
        CHECK(isSafeToOpen(file) == !safeFileName(file).endsWith(QStringLiteral(".exe")));
    }

    f.page.showPupil(f.school.pupilId);
    f.page.tabs()->setCurrentIndex(PupilPage::EvidenceTab);
    EvidencePanel* panel = f.page.evidence();
    panel->view()->setCurrentIndex(panel->view()->model()->index(0, 0));
    QApplication::processEvents();
    // "%1 and %2.png" keeps its own name, and every file still has its own links.
    const QString html = panel->detail()->toHtml();
    CHECK(panel->detail()->toPlainText().contains(QStringLiteral("%1 and %2.png")));
    for (std::size_t i = 0; i < panel->files().size(); ++i)
        CHECK(html.contains(QStringLiteral("save:%1").arg(i)));

    // The program is never handed to the desktop; it may only be saved.
    int exe = -1;
    for (std::size_t i = 0; i < panel->files().size(); ++i)
        if (safeFileName(panel->files()[i]).endsWith(QStringLiteral(".exe")))
            exe = int(i);
    REQUIRE(exe >= 0);
    CHECK_FALSE(html.contains(QStringLiteral("open:%1\"").arg(exe)));
    answerNextModal([](QWidget* box) { qobject_cast<QMessageBox*>(box)->accept(); });
    CHECK_FALSE(panel->openFile(exe));

    // Nor is a copy saved over the school file.
    const QByteArray before = sha256Of(f.school.path);
    CHECK_THROWS_AS(saveAttachmentAs(db, panel->files()[0], f.school.path), StorageError);
    CHECK_THROWS_AS(saveAttachmentAs(db, panel->files()[0], f.school.path + QStringLiteral("-wal")), StorageError);
    CHECK(sha256Of(f.school.path) == before);
}
