#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace waymark {

// The app's remembered preferences, each a typed key with a default (the table is in settings.cpp),
// so no key string is ever spelled twice. A version number lets later releases migrate old keys.
class Settings
{
public:
    static constexpr int kVersion = 1;
    static constexpr int kMaxRecentFiles = 8;

    Settings();                                // the app's own settings (organisation "Waymark")
    explicit Settings(const QString& iniPath); // a private file, for tests
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray& state);

    // Most recent first, without duplicates, at most kMaxRecentFiles.
    QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    void clearRecentFiles();

    QString lastOpenedFile() const;
    // View ▸ Appearance: "system" (the default), "light" or "dark".
    QString appearance() const;
    void setAppearance(const QString& appearance);
    void setLastOpenedFile(const QString& path);

    // The import wizard: each MIS's column mapping (JSON, see exchange::ColumnMapping), the MIS last
    // imported from, and the folder last imported from.
    QByteArray importMapping(const QString& source) const;
    void setImportMapping(const QString& source, const QByteArray& json);
    QString lastImportSource() const;
    void setLastImportSource(const QString& source);
    QString lastImportFolder() const;
    void setLastImportFolder(const QString& folder);

    void sync();

private:
    void migrate();

    std::unique_ptr<QSettings> store_;
};

} // namespace waymark
