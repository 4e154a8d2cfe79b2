#pragma once

#include <QString>

namespace waymark {

// A file being built beside its destination, named "<dest>.part-<machine>-<pid>-<random>", and moved
// into place only once complete. Unless keep() is called, it is removed with its -wal, -shm and
// -journal when this object goes. A run that is killed cannot remove its own, so each new one
// removes those of earlier runs for the same destination that can no longer be finishing: made by
// a process of this machine (and process namespace) that is gone, or untouched for a week.
class PartFile
{
public:
    explicit PartFile(const QString& dest);
    ~PartFile();
    PartFile(const PartFile&) = delete;
    PartFile& operator=(const PartFile&) = delete;

    const QString& path() const { return path_; }
    void keep() { keep_ = true; }

    // Moves the finished file to dest without ever replacing a file there, even one that appeared
    // a moment ago (where the file system cannot promise that in one step, dest is first reserved
    // with an exclusive create). Done: the part file is dest now and is kept.
    enum class Move { Done, DestinationExists, Failed };
    Move moveInto(const QString& dest);
    void remove() const;

    // True if path's file name is that of a part file ("….part-…"): an unfinished copy, not a school.
    static bool isPartFile(const QString& path);
    // Removes part files of dest left by runs that can no longer be finishing; returns how many.
    static int removeAbandoned(const QString& dest);

private:
    QString path_;
    bool keep_ = false;
};

} // namespace waymark
