#pragma once

#include <QDialog>

#include <functional>
#include <vector>

class QTabWidget;

namespace waymark {

// File ▸ School Set-up: the staff, subjects, groups and calendar of the school, one tab each.
// Beside the main window (not in front of it): every change is an undo step of the app's Edit menu,
// and each tab is read again when the school changes, here or elsewhere.
class SchoolSetupDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SchoolSetupDialog(QWidget* parent = nullptr);

    // Adds a tab; `reload` reads it again after a change to the school.
    void addPage(QWidget* page, const QString& title, std::function<void()> reload);
    void showPage(int index);
    QTabWidget* tabs() const { return tabs_; }

    // Reads every tab again.
    void reload();

private:
    QTabWidget* tabs_;
    std::vector<std::function<void()>> reloads_;
};

} // namespace waymark
