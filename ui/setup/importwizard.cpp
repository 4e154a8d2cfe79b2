#include "setup/importwizard.h"

#include "exchange/csvtable.h"
#include "exchange/rosterformats.h"
#include "settings.h"
#include "storage/storageerror.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QScreen>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace waymark {

namespace {
using exchange::RosterField;
using exchange::RosterFormat;
using Kind = importing::PlannedRow::Kind;

QString kindText(Kind kind)
{
    switch (kind) {
    case Kind::New:
        return ImportWizard::tr("New");
    case Kind::Updated:
        return ImportWizard::tr("Updated");
    case Kind::Unchanged:
        return ImportWizard::tr("Unchanged");
    case Kind::Rejected:
        return ImportWizard::tr("Rejected");
    }
    return {};
}

QStandardItem* item(const QString& text)
{
    auto* i = new QStandardItem(text);
    i->setEditable(false);
    i->setToolTip(text);
    return i;
}

// The MISs a school is likely to name; any other can be typed.
const char* const kSources[] = {"SIMS", "Arbor", "Bromcom", "Scholarpack", "iSAMS", "Pupil Asset", "Compass"};
constexpr RosterFormat kFormats[] = {RosterFormat::SdsUk, RosterFormat::SdsV21, RosterFormat::OneRoster,
                                     RosterFormat::Ctf};
} // namespace

ImportWizard::ImportWizard(Database& db, Settings& settings, QDate today, QWidget* parent)
    : QWizard(parent), db_(db), settings_(settings), today_(today)
{
    setWindowTitle(tr("Import from MIS"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    setPage(SourcePage, new ImportSourcePage(this));
    setPage(ColumnsPage, new ImportColumnsPage(this));
    setPage(PreviewPage, new ImportPreviewPage(this));
    setStartId(SourcePage);
    QSize size(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 140),
               std::max(sizeHint().height(), fontMetrics().lineSpacing() * 44));
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.94);
    resize(size);
}

void ImportWizard::setPath(const QString& path)
{
    static_cast<ImportSourcePage*>(page(SourcePage))->pathEdit()->setText(QDir::toNativeSeparators(path));
}

int ImportWizard::nextId() const
{
    switch (currentId()) {
    case SourcePage:
        return format_ == RosterFormat::Csv ? ColumnsPage : PreviewPage;
    case ColumnsPage:
        return PreviewPage;
    default:
        return -1;
    }
}

QString ImportWizard::sourceName() const
{
    const QString shown = static_cast<ImportSourcePage*>(page(SourcePage))->sourceCombo()->currentText().simplified();
    // SDS, OneRoster and CTF ids are kept under the format's own name, as waymark-cli keeps them,
    // whatever language the app speaks.
    if (format_ && *format_ != RosterFormat::Csv && shown == exchange::formatDisplayName(*format_))
        return exchange::formatName(*format_);
    return shown.left(100);
}

importing::Leavers ImportWizard::leavers() const
{
    const QCheckBox* box = static_cast<ImportPreviewPage*>(page(PreviewPage))->leaversBox();
    // Read after the wizard has closed (hidden with its pages): whether it was offered, not shown.
    return !box->isHidden() && box->isChecked() ? importing::Leavers::Mark : importing::Leavers::Ignore;
}

int ImportWizard::pupilCount() const
{
    return plan_.count(Kind::New) + plan_.count(Kind::Updated);
}

bool ImportWizard::readRoster(QString* problem)
{
    try {
        if (format_ == RosterFormat::Csv) {
            QFile file(path_);
            if (!file.open(QIODevice::ReadOnly))
                throw StorageError(StorageError::Kind::NotFound,
                                   tr("“%1” could not be read: %2").arg(QDir::toNativeSeparators(path_), file.errorString()));
            if (file.size() > exchange::kMaxTextBytes)
                throw StorageError(StorageError::Kind::Invalid,
                                   tr("“%1” is larger than a school roster could need; it is probably not the export "
                                      "you meant.")
                                       .arg(QDir::toNativeSeparators(path_)));
            csvBytes_ = file.readAll();
            table_ = exchange::readCsv(csvBytes_);
            const exchange::ColumnMapping remembered = [&] {
                try {
                    return exchange::ColumnMapping::fromJson(settings_.importMapping(sourceName()));
                } catch (const StorageError&) {
                    return exchange::ColumnMapping(); // none yet, or from another version
                }
            }();
            columns_ = remembered.columnsFor(table_.header);
            dates_ = remembered.dates;
            // The columns page reads the roster with the mapping the teacher settles on.
            roster_ = {};
        } else {
            roster_ = exchange::readRoster(path_, *format_, today_);
        }
        return true;
    } catch (const StorageError& e) {
        if (problem)
            *problem = e.message();
        return false;
    }
}

void ImportWizard::rememberMapping()
{
    if (format_ != RosterFormat::Csv)
        return;
    settings_.setImportMapping(sourceName(), exchange::ColumnMapping::of(table_.header, columns_, dates_).toJson());
}

// ---- Choose the file ---------------------------------------------------------------------------

ImportSourcePage::ImportSourcePage(ImportWizard* wizard)
    : QWizardPage(wizard), wizard_(wizard), path_(new QLineEdit(this)), source_(new QComboBox(this)),
      found_(new QLabel(this)), fullRoll_(new QCheckBox(tr("This is the &whole school roll: offer pupils who are not "
                                                           "in it as leavers"),
                                                        this))
{
    setTitle(tr("Choose what to import"));
    setSubTitle(tr("A CSV export from your MIS, a School Data Sync folder, a OneRoster zip or folder, or a Common "
                   "Transfer File. Nothing is written until you have seen what it will do."));
    path_->setAccessibleName(tr("File or folder to import"));
    path_->setPlaceholderText(tr("Type a path, or choose a file or folder"));
    auto* file = new QPushButton(tr("Choose &File…"), this);
    auto* folder = new QPushButton(tr("Choose F&older…"), this);
    source_->setEditable(true);
    for (const char* s : kSources)
        source_->addItem(QString::fromLatin1(s));
    source_->setAccessibleName(tr("Which MIS it came from"));
    source_->lineEdit()->setMaxLength(100);
    source_->setToolTip(tr("Waymark remembers each MIS's column names and its own ids for pupils, so that the next "
                           "import from it matches the same pupils."));
    found_->setWordWrap(true);
    found_->setAccessibleName(tr("What was found"));
    found_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    found_->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    found_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(file);
    pathRow->addWidget(folder);
    auto* form = new QFormLayout;
    form->addRow(tr("&Import from:"), pathRow);
    form->addRow(tr("&MIS:"), source_);
    static_cast<QLabel*>(form->labelForField(pathRow))->setBuddy(path_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(found_);
    layout->addWidget(fullRoll_);
    layout->addStretch();

    connect(path_, &QLineEdit::textChanged, this, &ImportSourcePage::pathChanged);
    connect(source_, &QComboBox::currentTextChanged, this, &ImportSourcePage::completeChanged);
    connect(file, &QPushButton::clicked, this, &ImportSourcePage::chooseFile);
    connect(folder, &QPushButton::clicked, this, &ImportSourcePage::chooseFolder);
}

void ImportSourcePage::initializePage()
{
    const QString last = wizard_->settings_.lastImportSource();
    if (!last.isEmpty() && source_->currentText() != last)
        source_->setCurrentText(last);
    path_->setFocus();
}

void ImportSourcePage::pathChanged()
{
    wizard_->path_ = QDir::fromNativeSeparators(path_->text().trimmed());
    wizard_->format_ = wizard_->path_.isEmpty() ? std::nullopt : exchange::detectRosterFormat(wizard_->path_);
    if (wizard_->path_.isEmpty())
        found_->clear();
    else if (!QFileInfo::exists(wizard_->path_))
        found_->setText(tr("There is no file or folder there yet."));
    else if (!wizard_->format_)
        found_->setText(tr("This is not something Waymark can import: choose a CSV file, a School Data Sync or "
                           "OneRoster folder or zip, or a Common Transfer File (.xml)."));
    else {
        found_->setText(tr("Found: %1.").arg(exchange::formatDisplayName(*wizard_->format_)));
        const QString current = source_->currentText();
        const bool formatShown =
            std::any_of(std::begin(kFormats), std::end(kFormats),
                        [&](RosterFormat f) { return current == exchange::formatDisplayName(f); });
        if (*wizard_->format_ != RosterFormat::Csv && (formatShown || source_->findText(current) >= 0))
            source_->setCurrentText(exchange::formatDisplayName(*wizard_->format_));
        else if (*wizard_->format_ == RosterFormat::Csv && formatShown)
            source_->setCurrentText(QString()); // a CSV's MIS is the teacher's to name, not SDS's
    }
    Q_EMIT completeChanged();
}

void ImportSourcePage::chooseFile()
{
    const QString start = wizard_->settings_.lastImportFolder().isEmpty()
        ? QDir::homePath()
        : wizard_->settings_.lastImportFolder();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import from MIS"), start,
        tr("Roster files (*.csv *.txt *.tsv *.xml *.zip);;All files (*)"));
    if (!path.isEmpty())
        path_->setText(QDir::toNativeSeparators(path));
}

void ImportSourcePage::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Import a School Data Sync or OneRoster folder"),
                                                           wizard_->settings_.lastImportFolder());
    if (!path.isEmpty())
        path_->setText(QDir::toNativeSeparators(path));
}

bool ImportSourcePage::isComplete() const
{
    return wizard_->format_.has_value() && !source_->currentText().simplified().isEmpty();
}

bool ImportSourcePage::validatePage()
{
    QString problem;
    if (!wizard_->readRoster(&problem)) {
        found_->setText(tr("This could not be read, so nothing was imported: %1").arg(problem));
        return false;
    }
    if (wizard_->format_ != RosterFormat::Csv && wizard_->roster_.records.empty() && wizard_->roster_.staff.empty()) {
        found_->setText(tr("This holds no pupils or staff to import."));
        return false;
    }
    wizard_->settings_.setLastImportSource(wizard_->sourceName());
    const QFileInfo info(wizard_->path_);
    wizard_->settings_.setLastImportFolder(info.absolutePath());
    return true;
}

// ---- Columns of a CSV ----------------------------------------------------------------------------

ImportColumnsPage::ImportColumnsPage(ImportWizard* wizard)
    : QWizardPage(wizard), wizard_(wizard), columns_(new QTableWidget(this)), dates_(new QComboBox(this)),
      preview_(new QTableView(this)), previewModel_(new QStandardItemModel(this)), problem_(new QLabel(this))
{
    setTitle(tr("Check the columns"));
    setSubTitle(tr("Waymark has matched the file's columns to what it keeps. Change any it got wrong; the preview "
                   "below shows the first pupils as they will be read. This is remembered for this MIS."));
    columns_->setColumnCount(3);
    columns_->setHorizontalHeaderLabels({tr("Column in the file"), tr("First value"), tr("Waymark keeps it as")});
    columns_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    columns_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    columns_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    columns_->verticalHeader()->hide();
    columns_->setAccessibleName(tr("Columns of the file"));
    columns_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    columns_->setTabKeyNavigation(false);
    dates_->addItem(tr("As the dates show (day first unless they can only be month first)"));
    dates_->addItem(tr("Day, month, year (UK: 02/09/2014)"));
    dates_->addItem(tr("Month, day, year (US: 09/02/2014)"));
    dates_->setAccessibleName(tr("How dates are written"));
    preview_->setModel(previewModel_);
    preview_->setAccessibleName(tr("Preview of the first pupils"));
    preview_->verticalHeader()->hide();
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview_->setTabKeyNavigation(false);
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Dates are written:"), dates_);
    auto* previewLabel = new QLabel(tr("&Preview:"), this);
    previewLabel->setBuddy(preview_);
    auto* columnsLabel = new QLabel(tr("&Columns:"), this);
    columnsLabel->setBuddy(columns_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(columnsLabel);
    layout->addWidget(columns_, 3);
    layout->addLayout(form);
    layout->addWidget(previewLabel);
    layout->addWidget(preview_, 2);
    layout->addWidget(problem_);

    connect(dates_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (filling_)
            return;
        wizard_->dates_ = index == 0 ? std::nullopt
                                     : std::optional(index == 1 ? exchange::DateOrder::DayMonthYear
                                                                : exchange::DateOrder::MonthDayYear);
        refreshPreview();
    });
}

void ImportColumnsPage::initializePage()
{
    filling_ = true;
    const exchange::CsvTable& table = wizard_->table_;
    columns_->setRowCount(int(table.header.size()));
    for (int c = 0; c < table.header.size(); ++c) {
        auto* name = new QTableWidgetItem(table.header.at(c));
        columns_->setItem(c, 0, name);
        const QString first = table.rows.empty() ? QString() : table.rows.front().cells.value(c);
        columns_->setItem(c, 1, new QTableWidgetItem(first));
        auto* field = new QComboBox(columns_);
        for (const RosterField f : exchange::allRosterFields())
            field->addItem(exchange::fieldName(f), int(f));
        field->setCurrentIndex(field->findData(int(wizard_->columns_.at(std::size_t(c)))));
        field->setAccessibleName(tr("What the column “%1” holds").arg(table.header.at(c)));
        columns_->setCellWidget(c, 2, field);
        connect(field, &QComboBox::currentIndexChanged, this, [this, c, field] {
            if (filling_)
                return;
            const auto chosen = RosterField(field->currentData().toInt());
            wizard_->columns_[std::size_t(c)] = chosen;
            refreshPreview();
        });
    }
    dates_->setCurrentIndex(!wizard_->dates_ ? 0 : *wizard_->dates_ == exchange::DateOrder::DayMonthYear ? 1 : 2);
    filling_ = false;
    refreshPreview();
    columns_->setFocus();
}

void ImportColumnsPage::refreshPreview()
{
    previewModel_->clear();
    previewModel_->setHorizontalHeaderLabels({tr("Row"), tr("UPN"), tr("Surname"), tr("Forename"),
                                              tr("Date of birth"), tr("Year"), tr("Tutor group"), tr("Notes")});
    // A field is kept from one column: two columns given the same one are said, not guessed between.
    QStringList twice;
    for (std::size_t a = 0; a < wizard_->columns_.size(); ++a)
        for (std::size_t b = a + 1; b < wizard_->columns_.size(); ++b)
            if (wizard_->columns_[a] != RosterField::Ignore && wizard_->columns_[a] == wizard_->columns_[b])
                twice << tr("“%1” is chosen for both “%2” and “%3”; choose it for one.")
                             .arg(exchange::fieldName(wizard_->columns_[a]), wizard_->table_.header.value(int(a)),
                                  wizard_->table_.header.value(int(b)));
    try {
        if (!twice.isEmpty())
            throw StorageError(StorageError::Kind::Invalid, twice.join(QLatin1Char(' ')));
        wizard_->roster_ = exchange::readCsvRoster(wizard_->csvBytes_, wizard_->today_, &wizard_->columns_,
                                                   wizard_->dates_.value_or(exchange::DateOrder::DayMonthYear));
        problem_->clear();
    } catch (const StorageError& e) {
        wizard_->roster_ = {};
        problem_->setText(e.message());
    }
    const QLocale locale;
    int shown = 0;
    for (const exchange::RosterRecord& r : wizard_->roster_.records) {
        if (shown++ == 8)
            break;
        QStringList notes = r.flags;
        if (!r.rejected.isEmpty())
            notes.prepend(tr("Not taken: %1").arg(r.rejected));
        previewModel_->appendRow({item(QString::number(r.line)), item(r.upn), item(r.legalFamilyName),
                                  item(r.preferredGivenName.isEmpty()
                                           ? r.legalGivenName
                                           : tr("%1 (%2)").arg(r.legalGivenName, r.preferredGivenName)),
                                  item(r.dateOfBirth.isValid() ? locale.toString(r.dateOfBirth, QStringLiteral("d MMM yyyy"))
                                                               : QString()),
                                  item(r.yearGroup ? QString::number(*r.yearGroup) : QString()), item(r.tutorGroup),
                                  item(notes.join(QStringLiteral("; ")))});
    }
    preview_->resizeColumnsToContents();
    Q_EMIT completeChanged();
}

bool ImportColumnsPage::isComplete() const
{
    return !wizard_->roster_.records.empty();
}

bool ImportColumnsPage::validatePage()
{
    wizard_->rememberMapping();
    return true;
}

// ---- Preview -------------------------------------------------------------------------------------

ImportPreviewPage::ImportPreviewPage(ImportWizard* wizard)
    : QWizardPage(wizard), wizard_(wizard), summary_(new QLabel(this)), show_(new QComboBox(this)),
      rows_(new QTableView(this)), model_(new QStandardItemModel(this)), leavers_(new QCheckBox(this))
{
    setTitle(tr("What the import will do"));
    setSubTitle(tr("Nothing has been written yet. Check the rows flagged or rejected, then choose Import. The "
                   "whole import can be undone in one step."));
    summary_->setWordWrap(true);
    summary_->setAccessibleName(tr("Summary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    show_->addItems({tr("All rows"), tr("New"), tr("Updated"), tr("Unchanged"), tr("Rejected"), tr("Flagged"),
                     tr("Staff and groups")});
    show_->setAccessibleName(tr("Show"));
    rows_->setModel(model_);
    rows_->setAccessibleName(tr("Rows of the import"));
    rows_->verticalHeader()->hide();
    rows_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rows_->setSelectionBehavior(QAbstractItemView::SelectRows);
    rows_->setWordWrap(true);
    rows_->setTabKeyNavigation(false);
    rows_->horizontalHeader()->setStretchLastSection(true);
    // Rows as tall as their wrapped details at the width the table really has.
    rows_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    leavers_->setAccessibleName(tr("Mark pupils not in the file as left"));

    auto* showRow = new QHBoxLayout;
    auto* showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(show_);
    showRow->addWidget(showLabel);
    showRow->addWidget(show_);
    showRow->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addLayout(showRow);
    layout->addWidget(rows_, 1);
    layout->addWidget(leavers_);
    connect(show_, &QComboBox::currentIndexChanged, this, &ImportPreviewPage::fill);
}

void ImportPreviewPage::initializePage()
{
    wizard_->plan_ = importing::planImport(wizard_->db_, wizard_->roster_, wizard_->today_, wizard_->sourceName());
    const importing::ImportPlan& plan = wizard_->plan_;
    const QLocale locale;
    const auto count = [&](Kind kind) { return locale.toString(plan.count(kind)); };
    int flagged = 0;
    for (const importing::PlannedRow& row : plan.rows)
        flagged += row.flags.isEmpty() ? 0 : 1;
    QString text = tr("Pupils: %1 new, %2 updated, %3 unchanged, %4 rejected; %5 flagged for you to check.")
                       .arg(count(Kind::New), count(Kind::Updated), count(Kind::Unchanged), count(Kind::Rejected),
                            locale.toString(flagged));
    const auto items = [&](const std::vector<importing::PlannedItem>& list, Kind kind) {
        return locale.toString(
            int(std::count_if(list.begin(), list.end(), [kind](const importing::PlannedItem& i) { return i.kind == kind; })));
    };
    if (!plan.staff.empty())
        text += QLatin1Char(' ') + tr("Staff: %1 new, %2 updated.").arg(items(plan.staff, Kind::New), items(plan.staff, Kind::Updated));
    if (!plan.groups.empty())
        text += QLatin1Char(' ') +
                tr("Groups: %1 new, %2 updated.").arg(items(plan.groups, Kind::New), items(plan.groups, Kind::Updated));
    if (!plan.problems.isEmpty())
        text += QLatin1Char(' ') + (plan.problems.size() == 1
                                         ? tr("1 note about the file is listed under “Staff and groups”.")
                                         : tr("%1 notes about the file are listed under “Staff and groups”.")
                                               .arg(plan.problems.size()));
    summary_->setText(text);
    const bool fullRoll = static_cast<ImportSourcePage*>(wizard_->page(ImportWizard::SourcePage))->fullRollBox()->isChecked();
    leavers_->setVisible(fullRoll && !plan.notInFile.empty());
    leavers_->setText(plan.notInFile.size() == 1
                          ? tr("Mark the 1 pupil on roll who is not in the file as left today (never deleted)")
                          : tr("Mark the %1 pupils on roll who are not in the file as left today (never deleted)")
                                .arg(plan.notInFile.size()));
    leavers_->setChecked(false);
    fill();
    rows_->setFocus();
}

void ImportPreviewPage::fill()
{
    model_->clear();
    model_->setHorizontalHeaderLabels({tr("Row"), tr("Name"), tr("Result"), tr("Details")});
    const importing::ImportPlan& plan = wizard_->plan_;
    const int filter = show_->currentIndex();
    if (filter == 6) {
        for (const importing::PlannedItem& s : plan.staff)
            model_->appendRow({item(QString::number(s.line)), item(s.name), item(tr("Staff: %1").arg(kindText(s.kind))),
                               item((s.kind == Kind::Rejected ? QStringList{s.reason} : s.changes + s.flags)
                                        .join(QStringLiteral("; ")))});
        for (const importing::PlannedItem& g : plan.groups)
            model_->appendRow({item(QString::number(g.line)), item(g.name), item(tr("Group: %1").arg(kindText(g.kind))),
                               item((g.kind == Kind::Rejected ? QStringList{g.reason} : g.changes + g.flags)
                                        .join(QStringLiteral("; ")))});
        for (const QString& problem : plan.problems)
            model_->appendRow({item(QString()), item(QString()), item(tr("Note")), item(problem)});
    } else {
        for (const importing::PlannedRow& row : plan.rows) {
            const bool shown = filter == 0 || (filter == 1 && row.kind == Kind::New) ||
                               (filter == 2 && row.kind == Kind::Updated) ||
                               (filter == 3 && row.kind == Kind::Unchanged) ||
                               (filter == 4 && row.kind == Kind::Rejected) || (filter == 5 && !row.flags.isEmpty());
            if (!shown)
                continue;
            QStringList details = row.kind == Kind::Rejected ? QStringList{row.reason} : row.changes;
            if (row.kind == Kind::New) {
                // What the new pupil brings, at a glance.
                const exchange::RosterRecord& r = row.record;
                if (r.yearGroup)
                    details << (*r.yearGroup == 0 ? tr("Reception") : tr("Year %1").arg(*r.yearGroup));
                if (!r.tutorGroup.isEmpty())
                    details << tr("tutor group %1").arg(r.tutorGroup);
                if (r.dateOfBirth.isValid())
                    details << tr("born %1").arg(QLocale().toString(r.dateOfBirth, QStringLiteral("d MMM yyyy")));
                if (!r.upn.isEmpty())
                    details << tr("UPN %1").arg(r.upn);
            }
            details += row.flags;
            QStandardItem* result = item(kindText(row.kind));
            if (row.kind == Kind::Rejected || !row.flags.isEmpty())
                result->setText(result->text() + (row.flags.isEmpty() ? QString() : tr(", flagged")));
            model_->appendRow({item(QString::number(row.line)), item(row.name), result,
                               item(details.join(QStringLiteral("; ")))});
        }
    }
    rows_->resizeColumnToContents(0);
    rows_->resizeColumnToContents(1);
    rows_->resizeColumnToContents(2);
}

} // namespace waymark
