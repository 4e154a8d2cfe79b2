#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace waymark {

namespace {

// One row per preference: its key and its default. Readers and writers go through these only.
template <class T> struct Key
{
    const char* name;
    T fallback;

    QString key() const { return QString::fromLatin1(name); }
};

const Key<int> kSettingsVersion{"settingsVersion", 0};
const Key<QByteArray> kWindowGeometry{"window/geometry", {}};
const Key<QByteArray> kWindowState{"window/state", {}};
const Key<QByteArray> kSplitterState{"window/splitter", {}};
const Key<QStringList> kRecentFiles{"files/recent", {}};
const Key<QString> kLastOpenedFile{"files/lastOpened", {}};
const Key<QString> kAppearance{"view/appearance", QStringLiteral("system")};
const Key<QString> kLastImportSource{"import/lastSource", {}};
const Key<QString> kLastImportFolder{"import/lastFolder", {}};

// Settings keys are paths: a source's name is kept out of the key's syntax by hex.
QString mappingKey(const QString& source)
{
    return QStringLiteral("import/mappings/") + QString::fromLatin1(source.trimmed().toCaseFolded().toUtf8().toHex());
}

template <class T> T get(const QSettings& s, const Key<T>& key)
{
    const QVariant v = s.value(key.key());
    return v.isValid() && v.canConvert<T>() ? v.value<T>() : key.fallback;
}

template <class T> void put(QSettings& s, const Key<T>& key, const T& value)
{
    s.setValue(key.key(), QVariant::fromValue(value));
    // Whatever is written is in this version's format (stamped here, so merely reading the
    // settings, as a screenshot run does, never creates a settings file).
    s.setValue(kSettingsVersion.key(), Settings::kVersion);
}

// One spelling per file: links resolved (a linked home folder, /tmp through /private/tmp), so that a
// file opened by two routes is listed once.
QString canonical(const QString& path)
{
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath(); // empty when the file is not there
    return resolved.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : resolved;
}

} // namespace

Settings::Settings() : store_(std::make_unique<QSettings>())
{
    migrate();
}

Settings::Settings(const QString& iniPath) : store_(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    migrate();
}

Settings::~Settings() = default;

void Settings::migrate()
{
    // Version 0 is a fresh or pre-versioned store: nothing to rename yet. Later versions move old
    // keys here, before anything reads them.
    if (get(*store_, kSettingsVersion) >= kVersion || store_->allKeys().isEmpty())
        return;
    store_->setValue(kSettingsVersion.key(), kVersion);
}

QByteArray Settings::windowGeometry() const
{
    return get(*store_, kWindowGeometry);
}
void Settings::setWindowGeometry(const QByteArray& geometry)
{
    put(*store_, kWindowGeometry, geometry);
}
QByteArray Settings::windowState() const
{
    return get(*store_, kWindowState);
}
void Settings::setWindowState(const QByteArray& state)
{
    put(*store_, kWindowState, state);
}
QByteArray Settings::splitterState() const
{
    return get(*store_, kSplitterState);
}
void Settings::setSplitterState(const QByteArray& state)
{
    put(*store_, kSplitterState, state);
}

QByteArray Settings::importMapping(const QString& source) const
{
    return store_->value(mappingKey(source)).toByteArray();
}
void Settings::setImportMapping(const QString& source, const QByteArray& json)
{
    store_->setValue(mappingKey(source), json);
    store_->setValue(kSettingsVersion.key(), Settings::kVersion);
}
QString Settings::lastImportSource() const
{
    return get(*store_, kLastImportSource);
}
void Settings::setLastImportSource(const QString& source)
{
    put(*store_, kLastImportSource, source);
}
QString Settings::lastImportFolder() const
{
    return get(*store_, kLastImportFolder);
}
void Settings::setLastImportFolder(const QString& folder)
{
    put(*store_, kLastImportFolder, folder);
}

QStringList Settings::recentFiles() const
{
    // Lists kept by earlier versions may name one file twice, by two routes.
    QStringList files;
    for (const QString& path : get(*store_, kRecentFiles)) {
        const QString file = canonical(path);
        if (!files.contains(file))
            files << file;
    }
    return files;
}

void Settings::addRecentFile(const QString& path)
{
    const QString file = canonical(path);
    QStringList files = recentFiles();
    files.removeAll(file);
    files.prepend(file);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    put(*store_, kRecentFiles, files);
}

void Settings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(canonical(path));
    put(*store_, kRecentFiles, files);
}

void Settings::clearRecentFiles()
{
    put(*store_, kRecentFiles, QStringList());
}

QString Settings::appearance() const
{
    return get(*store_, kAppearance);
}

void Settings::setAppearance(const QString& appearance)
{
    put(*store_, kAppearance, appearance);
}

QString Settings::lastOpenedFile() const
{
    return get(*store_, kLastOpenedFile);
}
void Settings::setLastOpenedFile(const QString& path)
{
    put(*store_, kLastOpenedFile, canonical(path));
}

void Settings::sync()
{
    store_->sync();
}

} // namespace waymark
