#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace waymark::bench {

// One run of a child process: wall time and peak resident memory, measured by the parent.
struct ProcessRun
{
    double seconds = 0;
    double maxRssMiB = 0;
    int exitCode = -1;
};

ProcessRun runProcess(const QString& program, const QStringList& arguments, const QString& stdinFile = {});

// Median over runs (after one warm-up run that is discarded).
struct Summary
{
    double seconds = 0;
    double maxRssMiB = 0;
    bool ok = true;
};
Summary measure(const QString& program, const QStringList& arguments, int runs, const QString& stdinFile = {});

// Several programs measured in turn, round after round (A B C A B C ...), so that drift in the
// machine's speed during the run falls on all of them alike. One warm-up round is discarded.
struct Job
{
    QString program;
    QStringList arguments;
};
std::vector<Summary> measureInterleaved(const std::vector<Job>& jobs, int runs);

void printRow(const char* what, const Summary& candidate, const char* baselineName, const Summary& baseline);

} // namespace waymark::bench
