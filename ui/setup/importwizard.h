#pragma once

#include "exchange/roster.h"
#include "exchange/rostermapping.h"
#include "services/rosterimport.h"

#include <QDate>
#include <QWizard>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace waymark {

class Database;
class Settings;

// File ▸ Import from MIS…: choose the file or folder (CSV from any MIS, School Data Sync, OneRoster
// or a Common Transfer File), map a CSV's columns with a live preview (remembered for that MIS), then
// see what each row would do before anything is written. The wizard only reads (through the import
// service); the app applies the plan as one undoable step.
class ImportWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SourcePage, ColumnsPage, PreviewPage };

    ImportWizard(Database& db, Settings& settings, QDate today, QWidget* parent = nullptr);

    // After Accepted: what to apply.
    const importing::ImportPlan& plan() const { return plan_; }
    importing::Leavers leavers() const;
    QString sourceName() const;
    int pupilCount() const; // pupils new or updated, for the undo step's name

    // For tests and for the CLI-like start: the path to import, as if chosen.
    void setPath(const QString& path);

    int nextId() const override;

private:
    friend class ImportSourcePage;
    friend class ImportColumnsPage;
    friend class ImportPreviewPage;

    // Reads the roster at the chosen path; false (with the reason in `problem`) if it cannot be.
    bool readRoster(QString* problem);
    void rememberMapping();

    Database& db_;
    Settings& settings_;
    QDate today_;
    QString path_;
    std::optional<exchange::RosterFormat> format_;
    exchange::Roster roster_;
    QByteArray csvBytes_;
    exchange::CsvTable table_;
    std::vector<exchange::RosterField> columns_;
    std::optional<exchange::DateOrder> dates_;
    importing::ImportPlan plan_;
};

class ImportSourcePage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportSourcePage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QLineEdit* pathEdit() const { return path_; }
    QComboBox* sourceCombo() const { return source_; }
    QCheckBox* fullRollBox() const { return fullRoll_; }

private:
    void pathChanged();
    void chooseFile();
    void chooseFolder();

    ImportWizard* wizard_;
    QLineEdit* path_;
    QComboBox* source_;
    QLabel* found_;
    QCheckBox* fullRoll_;
};

class ImportColumnsPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportColumnsPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QTableWidget* columnsTable() const { return columns_; }
    QTableView* previewView() const { return preview_; }

private:
    void refreshPreview();

    ImportWizard* wizard_;
    QTableWidget* columns_;
    QComboBox* dates_;
    QTableView* preview_;
    QStandardItemModel* previewModel_;
    QLabel* problem_;
    bool filling_ = false;
};

class ImportPreviewPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportPreviewPage(ImportWizard* wizard);
    void initializePage() override;

    QTableView* rowsView() const { return rows_; }
    QLabel* summaryLabel() const { return summary_; }
    QCheckBox* leaversBox() const { return leavers_; }

private:
    void fill();

    ImportWizard* wizard_;
    QLabel* summary_;
    QComboBox* show_;
    QTableView* rows_;
    QStandardItemModel* model_;
    QCheckBox* leavers_;
};

} // namespace waymark
