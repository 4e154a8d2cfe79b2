#include "text/englishplurals.h"

#include <QCoreApplication>
#include <QTranslator>

#include <cstring>

namespace waymark {

namespace {
class EnglishPlurals final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char* /*context*/, const char* sourceText, const char* /*disambiguation*/,
                      int n) const override
    {
        // A null result means "not translated here", and Qt falls back to the source text.
        if (n < 0 || !sourceText || !std::strstr(sourceText, "(s)"))
            return {};
        return QString::fromUtf8(sourceText).replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }

    bool isEmpty() const override { return false; }
};
} // namespace

void installEnglishPlurals(QCoreApplication& app)
{
    QCoreApplication::installTranslator(new EnglishPlurals(&app));
}

} // namespace waymark
