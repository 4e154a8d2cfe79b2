#include "processrun.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace waymark::bench {

ProcessRun runProcess(const QString& program, const QStringList& arguments, const QString& stdinFile)
{
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(program));
    for (const QString& a : arguments)
        storage.push_back(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    const QByteArray input = QFile::encodeName(stdinFile.isEmpty() ? QStringLiteral("/dev/null") : stdinFile);

    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int in = open(input.constData(), O_RDONLY);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(in, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    ProcessRun run;
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.maxRssMiB = double(usage.ru_maxrss) / 1024.0;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

Summary measure(const QString& program, const QStringList& arguments, int runs, const QString& stdinFile)
{
    runProcess(program, arguments, stdinFile); // warm the page cache
    std::vector<double> seconds;
    std::vector<double> rss;
    Summary s;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun r = runProcess(program, arguments, stdinFile);
        s.ok = s.ok && r.exitCode == 0;
        seconds.push_back(r.seconds);
        rss.push_back(r.maxRssMiB);
    }
    std::sort(seconds.begin(), seconds.end());
    std::sort(rss.begin(), rss.end());
    s.seconds = seconds[seconds.size() / 2];
    s.maxRssMiB = rss[rss.size() / 2];
    return s;
}

std::vector<Summary> measureInterleaved(const std::vector<Job>& jobs, int runs)
{
    for (const Job& job : jobs)
        runProcess(job.program, job.arguments); // warm the page cache
    std::vector<std::vector<double>> seconds(jobs.size());
    std::vector<std::vector<double>> rss(jobs.size());
    std::vector<Summary> out(jobs.size());
    for (int round = 0; round < runs; ++round) {
        for (std::size_t j = 0; j < jobs.size(); ++j) {
            const ProcessRun r = runProcess(jobs[j].program, jobs[j].arguments);
            out[j].ok = out[j].ok && r.exitCode == 0;
            seconds[j].push_back(r.seconds);
            rss[j].push_back(r.maxRssMiB);
        }
    }
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        std::sort(seconds[j].begin(), seconds[j].end());
        std::sort(rss[j].begin(), rss[j].end());
        out[j].seconds = seconds[j][seconds[j].size() / 2];
        out[j].maxRssMiB = rss[j][rss[j].size() / 2];
    }
    return out;
}

void printRow(const char* what, const Summary& candidate, const char* baselineName, const Summary& baseline)
{
    std::printf("%-44s %8.3f s %7.1f MiB | %-22s %8.3f s %7.1f MiB | ratio %5.2fx  +%.1f MiB%s\n", what,
                candidate.seconds, candidate.maxRssMiB, baselineName, baseline.seconds, baseline.maxRssMiB,
                candidate.seconds / baseline.seconds, candidate.maxRssMiB - baseline.maxRssMiB,
                candidate.ok && baseline.ok ? "" : "  (a run failed!)");
}

} // namespace waymark::bench
