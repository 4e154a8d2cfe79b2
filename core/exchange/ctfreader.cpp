#include "exchange/ctfreader.h"

#include "domain/upn.h"
#include "exchange/csvtable.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QXmlStreamReader>

#include <optional>
#include <string_view>
#include <vector>

namespace waymark::exchange {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CtfReader", text);
}

StorageError invalid(const QString& message)
{
    return StorageError(StorageError::Kind::Invalid, message);
}

// The longest text kept from one element: far more than any name or code in a CTF.
constexpr qsizetype kMaxValueChars = 4096;

// ---- Refusing what is no CTF before it is parsed ----

char16_t unitOf(char c)
{
    return char16_t(static_cast<unsigned char>(c));
}

char16_t unitOf(QChar c)
{
    return c.unicode();
}

// `<!DOCTYPE` or `<!ENTITY` anywhere in the text (in any letter case): a CTF has neither, and a
// reader that met them could be made to read other files or expand a few bytes without end.
template <typename Text> void refuseDeclarations(const Text& text)
{
    static constexpr std::string_view kDoctype = "DOCTYPE";
    static constexpr std::string_view kEntity = "ENTITY";
    const auto upperAt = [&](qsizetype i) {
        const auto c = unitOf(text.at(i));
        return c >= u'a' && c <= u'z' ? char16_t(c - u'a' + u'A') : c;
    };
    const auto matches = [&](qsizetype at, std::string_view word) {
        if (at + qsizetype(word.size()) > text.size())
            return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (upperAt(at + qsizetype(k)) != char16_t(word[k]))
                return false;
        return true;
    };
    int line = 1;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (unitOf(text.at(i)) == u'\n')
            ++line;
        if (unitOf(text.at(i)) != u'<' || unitOf(text.at(i + 1)) != u'!')
            continue;
        if (matches(i + 2, kDoctype))
            throw invalid(tr("This file declares a document type (<!DOCTYPE> on line %1). A Common Transfer File "
                             "never has one, and Waymark does not read files that do: a document type can make a "
                             "reader fetch other files or grow without end. Export the CTF from your MIS again.")
                              .arg(line));
        if (matches(i + 2, kEntity))
            throw invalid(tr("This file declares an entity (<!ENTITY on line %1). A Common Transfer File never "
                             "does, and Waymark does not read files that do: an entity can make a reader fetch "
                             "other files or grow without end. Export the CTF from your MIS again.")
                              .arg(line));
    }
}

// Whether the bytes are UTF-16 (a byte-order mark, or the zero bytes of "<" at the start).
std::optional<QStringConverter::Encoding> utf16Of(const QByteArray& bytes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith(QByteArray("<\0", 2)))
        return QStringConverter::Utf16LE;
    if (bytes.startsWith("\xFE\xFF") || bytes.startsWith(QByteArray("\0<", 2)))
        return QStringConverter::Utf16BE;
    return std::nullopt;
}

bool isBinaryByte(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

// Refuses bytes that are not XML at all: an XML file starts with "<" (after a byte-order mark and
// white space).
void refuseNonXml(const QByteArray& bytes)
{
    if (utf16Of(bytes))
        return;
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n'))
        ++i;
    if (i < bytes.size() && bytes[i] == '<')
        return;
    const QByteArray start = bytes.mid(i, 24);
    bool binary = false;
    for (const char c : start)
        binary = binary || isBinaryByte(static_cast<unsigned char>(c));
    if (binary)
        throw invalid(tr("This is not a Common Transfer File: it is not XML, nor text at all (it starts with binary "
                         "data). Choose the .xml file your MIS exported as the CTF."));
    throw invalid(tr("This is not a Common Transfer File: it is not XML (an XML file starts with “<”, and this one "
                     "starts with “%1”). Choose the .xml file your MIS exported as the CTF.")
                      .arg(QString::fromUtf8(start).simplified()));
}

// ---- Values as the CTF writes them ----

// An ISO date, "2014-09-02", as xs:date writes it (a time or time zone after it is ignored).
std::optional<QDate> isoDate(const QString& text)
{
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:$|[TZ+-])"));
    const auto m = iso.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

QString sexOf(const QString& text)
{
    const QString key = text.trimmed().toUpper();
    if (key == QLatin1String("F") || key == QLatin1String("FEMALE"))
        return QStringLiteral("F");
    if (key == QLatin1String("M") || key == QLatin1String("MALE"))
        return QStringLiteral("M");
    return text.trimmed();
}

// English as a first language: ENG (English) and ENB (believed to be English). NOT (not obtained)
// and REF (refused) say nothing.
std::optional<bool> ealOf(const QString& language)
{
    const QString code = language.trimmed().toUpper();
    if (code.isEmpty() || code == QLatin1String("NOT") || code == QLatin1String("REF"))
        return std::nullopt;
    return !(code == QLatin1String("ENG") || code == QLatin1String("ENB"));
}

// Puts a result on the built-in scale it belongs to (domain/builtinscales.cpp), if any: KS1 and
// KS2 teacher assessment (HNM, WTS, EXS, GDS), the pre-key stage standards (PK1-PK6, and EM for
// the engagement model), GCSE grades at KS4 (U, 1-9) and the EYFS profile's early learning goals
// (1 emerging, 2 expected). Anything else (a scaled score, an MTC score, an absence code, the
// interim pre-key stage codes PKF/PKE/PKG and BLW, which match no single standard) keeps its
// result and no scale.
void place(RosterAssessment& a)
{
    const QString stage = a.stage.trimmed().toUpper();
    const QString result = a.result.trimmed().toUpper();
    const auto on = [&](const char* scale, const QString& rung) {
        a.scaleCode = QString::fromLatin1(scale);
        a.rungCode = rung;
    };
    if (stage == QLatin1String("KS1") || stage == QLatin1String("KS2")) {
        static const QStringList teacherAssessment{QStringLiteral("HNM"), QStringLiteral("WTS"), QStringLiteral("EXS"),
                                                   QStringLiteral("GDS")};
        static const QRegularExpression preKeyStage(QStringLiteral("^PK[1-6]$"));
        if (teacherAssessment.contains(result))
            on("ks-teacher-assessment", result);
        else if (result == QLatin1String("EM") || preKeyStage.match(result).hasMatch())
            on("pre-key-stage", result);
    } else if (stage == QLatin1String("KS4")) {
        static const QRegularExpression grade(QStringLiteral("^[U1-9]$"));
        if (grade.match(result).hasMatch())
            on("gcse", result);
    } else if (stage == QLatin1String("FSP") || stage == QLatin1String("EYF") || stage == QLatin1String("EYFS") ||
               stage == QLatin1String("EYFSP")) {
        if (result == QLatin1String("1"))
            on("eyfs", QStringLiteral("EMG"));
        else if (result == QLatin1String("2"))
            on("eyfs", QStringLiteral("EXP"));
    }
}

// ---- One pupil as it is read ----

struct SenRead
{
    QDate startOn;
    std::optional<SenStatus> status; // nothing: no code, or one Waymark does not know
    QString provision;
};

struct PupilReading
{
    RosterRecord r;
    qsizetype depth = 0; // of the <Pupil> element
    std::vector<SenRead> sen;
    bool inSen = false;
    int fsmPeriods = 0; // <FSMinstance>s met
    int fsmLeftOut = 0; // of those, the ones with no start or a date that is no date
    std::optional<RosterFsmPeriod> fsm;
    bool fsmUnreadable = false;
    QString stage; // of the <KeyStage> being read
    std::optional<RosterAssessment> assessment;
    QString assessmentYear;
    bool inLanguage = false;
    QString languageType;
    QString language;
    QString firstLanguage; // FLA
    QString homeLanguage;  // HOM, where there is no FLA
    std::optional<bool> lookedAfter;

    void flagNotADate(const QString& element, const QString& value, const QString& consequence)
    {
        r.flags << tr("<%1> “%2” is not a date; %3").arg(element, value, consequence);
    }

    // A leaf element of this pupil, with its text; `details` when it is a child of the <Pupil>
    // itself or of its <BasicDetails> (not of a contact's or a sibling's details).
    void take(const QString& name, const QString& parent, bool details, const QString& value)
    {
        if (details) {
            if (name == QLatin1String("UPN")) {
                const QString upn = upn::normalise(value);
                if (upn.isEmpty())
                    return;
                if (const upn::Problem problem = upn::validate(upn); problem != upn::Problem::None)
                    r.flags << tr("UPN “%1” not taken: %2").arg(value, upn::describe(problem, upn));
                else
                    r.upn = upn;
            } else if (name == QLatin1String("Surname")) {
                r.legalFamilyName = value.simplified();
            } else if (name == QLatin1String("Forename")) {
                r.legalGivenName = value.simplified();
            } else if (name == QLatin1String("MiddleNames")) {
                r.legalMiddleNames = value.simplified();
            } else if (name == QLatin1String("PreferredSurname")) {
                r.preferredFamilyName = value.simplified();
            } else if (name == QLatin1String("PreferredForename")) {
                r.preferredGivenName = value.simplified();
            } else if (name == QLatin1String("DOB")) {
                if (value.isEmpty())
                    return;
                if (const auto date = isoDate(value))
                    r.dateOfBirth = *date;
                else
                    flagNotADate(name, value, tr("left empty"));
            } else if (name == QLatin1String("Gender") || name == QLatin1String("Sex")) {
                r.sex = sexOf(value);
            } else if (name == QLatin1String("NCyearActual")) {
                if (value.isEmpty())
                    return;
                if (const auto year = parseYearGroup(value))
                    r.yearGroup = *year;
                else
                    r.flags << tr("<NCyearActual> “%1” is not a year group; left empty").arg(value);
            }
        }
        if ((details || parent == QLatin1String("InCare") || parent == QLatin1String("LookedAfter")) &&
            (name == QLatin1String("InCare") || name == QLatin1String("InCareAtCurrentSchool") ||
             name == QLatin1String("LookedAfter"))) {
            if (value.isEmpty())
                return;
            if (const auto yes = parseYesNo(value))
                lookedAfter = lookedAfter.value_or(false) || *yes;
            else
                r.flags << tr("<%1> “%2” is not true or false; left as it was").arg(name, value);
            return;
        }
        if (inSen && parent == QLatin1String("SEN")) {
            if (name == QLatin1String("StartDate") && !value.isEmpty()) {
                if (const auto date = isoDate(value))
                    sen.back().startOn = *date;
                else
                    flagNotADate(name, value, tr("left empty"));
            } else if (name == QLatin1String("SENprovision") && !value.isEmpty()) {
                sen.back().provision = value;
                if (const auto status = parseSen(value))
                    sen.back().status = *status;
                else
                    r.flags << tr("<SENprovision> “%1” is not a SEN code Waymark knows (N, K or E); left as it was")
                                   .arg(value);
            }
            return;
        }
        if (fsm && parent == QLatin1String("FSMinstance") &&
            (name == QLatin1String("FSMstartDate") || name == QLatin1String("FSMendDate"))) {
            if (value.isEmpty())
                return;
            const auto date = isoDate(value);
            if (!date) {
                flagNotADate(name, value, tr("that free school meals period is left out"));
                fsmUnreadable = true;
            } else if (name == QLatin1String("FSMstartDate")) {
                fsm->startOn = *date;
            } else {
                fsm->endOn = *date;
            }
            return;
        }
        if (parent == QLatin1String("KeyStage") && name == QLatin1String("Stage")) {
            stage = value;
            return;
        }
        if (assessment && parent == QLatin1String("StageAssessment")) {
            if (name == QLatin1String("Subject"))
                assessment->subject = value;
            else if (name == QLatin1String("Method"))
                assessment->method = value;
            else if (name == QLatin1String("Component"))
                assessment->component = value;
            else if (name == QLatin1String("Result"))
                assessment->result = value;
            else if (name == QLatin1String("Year"))
                assessmentYear = value;
            else if (name == QLatin1String("ResultDate") && !value.isEmpty()) {
                if (const auto date = isoDate(value))
                    assessment->on = *date;
                else
                    flagNotADate(name, value, tr("the assessment's year is used"));
            }
            // <Locale>, <ResultStatus> and <ResultQualifier> have no place in a roster record.
            return;
        }
        if (inLanguage && parent == QLatin1String("Type")) {
            if (name == QLatin1String("LanguageType"))
                languageType = value.toUpper();
            else if (name == QLatin1String("Language"))
                language = value.toUpper();
        }
    }

    void startElement(const QString& name, const QString& parent)
    {
        if (name == QLatin1String("SEN") && parent == QLatin1String("SENhistory")) {
            sen.emplace_back();
            inSen = true;
        } else if (name == QLatin1String("FSMinstance")) {
            ++fsmPeriods;
            fsm.emplace();
            fsmUnreadable = false;
        } else if (name == QLatin1String("KeyStage")) {
            stage.clear();
        } else if (name == QLatin1String("StageAssessment")) {
            assessment.emplace();
            assessment->stage = stage;
            assessmentYear.clear();
        } else if (name == QLatin1String("Type") && parent == QLatin1String("Languages")) {
            inLanguage = true;
            languageType.clear();
            language.clear();
        }
    }

    void endElement(const QString& name, const QString& parent)
    {
        if (name == QLatin1String("SEN") && parent == QLatin1String("SENhistory")) {
            inSen = false;
        } else if (name == QLatin1String("FSMinstance") && fsm) {
            if (!fsmUnreadable && !fsm->startOn.isValid())
                r.flags << tr("<FSMinstance> has no <FSMstartDate>; that free school meals period is left out");
            if (!fsmUnreadable && fsm->startOn.isValid())
                r.fsmHistory.push_back(*fsm);
            else
                ++fsmLeftOut;
            fsm.reset();
        } else if (name == QLatin1String("StageAssessment") && assessment) {
            if (!assessment->on.isValid() && assessmentYear.size() == 4) {
                // Only the year: the end of the school year it names.
                const int year = assessmentYear.toInt();
                if (year > 1900)
                    assessment->on = QDate(year, 8, 31);
            }
            if (!assessment->result.isEmpty()) {
                place(*assessment);
                r.assessments.push_back(std::move(*assessment));
            }
            assessment.reset();
        } else if (name == QLatin1String("Type") && parent == QLatin1String("Languages") && inLanguage) {
            inLanguage = false;
            if (languageType == QLatin1String("FLA") && firstLanguage.isEmpty())
                firstLanguage = language;
            else if (languageType == QLatin1String("HOM") && homeLanguage.isEmpty())
                homeLanguage = language;
        }
    }

    RosterRecord finish(QDate today)
    {
        // SEN: the history as read, and the latest entry (by its start; the later in the file if
        // two start on the same day) gives the pupil's SEN now.
        const SenRead* latest = nullptr;
        for (const SenRead& s : sen) {
            if (!latest || !(s.startOn < latest->startOn))
                latest = &s;
            if (s.status)
                r.senHistory.push_back(RosterSenEntry{s.startOn, *s.status, s.provision});
        }
        if (latest && latest->status)
            r.sen = latest->status;
        // Free school meals: yes if a period is open today; no if every period has ended (or not
        // begun); unknown if there are none, or one could not be read.
        bool current = false;
        for (const RosterFsmPeriod& p : r.fsmHistory)
            current = current || (p.startOn <= today && (!p.endOn.isValid() || p.endOn >= today));
        if (current)
            r.freeSchoolMeals = true;
        else if (fsmPeriods > 0 && fsmLeftOut == 0)
            r.freeSchoolMeals = false;
        r.firstLanguage = !firstLanguage.isEmpty() ? firstLanguage : homeLanguage;
        if (!r.firstLanguage.isEmpty())
            r.eal = ealOf(r.firstLanguage);
        r.lookedAfter = lookedAfter;
        if (r.legalFamilyName.isEmpty() && r.legalGivenName.isEmpty())
            r.rejected = tr("no name");
        else if (r.legalFamilyName.isEmpty())
            r.rejected = tr("no surname");
        else if (r.legalGivenName.isEmpty())
            r.rejected = tr("no forename");
        return std::move(r);
    }
};

struct Element
{
    QString name;
    bool hadChild = false;
};
} // namespace

Roster readCtf(const QByteArray& bytes, QDate today)
{
    if (bytes.size() > kMaxTextBytes)
        throw invalid(tr("This file is %1, more than the %2 a Common Transfer File of a school's pupils could need. "
                         "It is probably not the file you meant; check it and try again.")
                          .arg(QLocale().formattedDataSize(bytes.size()), QLocale().formattedDataSize(kMaxTextBytes)));
    if (bytes.trimmed().isEmpty())
        throw invalid(tr("This file is empty: there is no Common Transfer File in it. Export the CTF from your MIS "
                         "again."));
    refuseNonXml(bytes);
    if (const auto utf16 = utf16Of(bytes)) {
        QStringDecoder decoder(*utf16);
        refuseDeclarations(QString(decoder.decode(bytes)));
    } else {
        refuseDeclarations(bytes);
    }

    Roster roster;
    roster.format = RosterFormat::Ctf;
    QXmlStreamReader xml(bytes);
    std::vector<Element> stack;
    std::optional<PupilReading> pupil;
    QString text;
    int elements = 0;
    bool sawPupilData = false;
    const auto where = [&] { return stack.empty() ? QString() : tr(", inside <%1>").arg(stack.back().name); };
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::DTD:
            // Refused above in any encoding it could be found in; this is the parser's word for it.
            throw invalid(tr("This file declares a document type (<!DOCTYPE> on line %1). A Common Transfer File "
                             "never has one, and Waymark does not read files that do: a document type can make a "
                             "reader fetch other files or grow without end. Export the CTF from your MIS again.")
                              .arg(xml.lineNumber()));
        case QXmlStreamReader::StartElement: {
            const QString name = xml.name().toString();
            if (stack.empty() && name != QLatin1String("CTfile"))
                throw invalid(tr("This XML file is not a Common Transfer File: it starts with <%1> on line %2, where "
                                 "a CTF starts with <CTfile>. Choose the CTF your MIS exported.")
                                  .arg(name.left(100))
                                  .arg(xml.lineNumber()));
            if (++elements > kMaxCtfElements)
                throw invalid(tr("This file has more than %1 elements (at line %2), more than a Common Transfer File "
                                 "of any school could need; it is not read. Check it is the file you meant.")
                                  .arg(QLocale().toString(kMaxCtfElements))
                                  .arg(xml.lineNumber()));
            if (qsizetype(stack.size()) >= kMaxCtfDepth)
                throw invalid(tr("This file nests its elements more than %1 deep (at line %2, in <%3>), which no "
                                 "Common Transfer File does; it is not read.")
                                  .arg(kMaxCtfDepth)
                                  .arg(xml.lineNumber())
                                  .arg(stack.back().name.left(100)));
            const QString parent = stack.empty() ? QString() : stack.back().name;
            if (!stack.empty())
                stack.back().hadChild = true;
            stack.push_back(Element{name, false});
            text.clear();
            if (name == QLatin1String("CTFpupilData"))
                sawPupilData = true;
            // A pupil is a <Pupil> of the file's <CTFpupilData>: <CTfile><CTFpupilData><Pupil>.
            if (!pupil && name == QLatin1String("Pupil") && stack.size() == 3 &&
                parent == QLatin1String("CTFpupilData")) {
                pupil.emplace();
                pupil->r.line = int(xml.lineNumber());
                pupil->depth = qsizetype(stack.size());
            } else if (pupil) {
                pupil->startElement(name, parent);
            }
            break;
        }
        case QXmlStreamReader::Characters:
            if (pupil && text.size() < kMaxValueChars)
                text += xml.text().left(kMaxValueChars - text.size());
            break;
        case QXmlStreamReader::EndElement: {
            const Element element = stack.back();
            stack.pop_back();
            const QString parent = stack.empty() ? QString() : stack.back().name;
            if (pupil) {
                if (!element.hadChild) {
                    const auto depth = qsizetype(stack.size());
                    const bool details =
                        depth == pupil->depth || (depth == pupil->depth + 1 && parent == QLatin1String("BasicDetails"));
                    pupil->take(element.name, parent, details, text.trimmed());
                }
                if (qsizetype(stack.size()) + 1 == pupil->depth) {
                    roster.records.push_back(pupil->finish(today));
                    pupil.reset();
                } else {
                    pupil->endElement(element.name, parent);
                }
            }
            text.clear();
            break;
        }
        default:
            break;
        }
    }
    if (xml.hasError())
        throw invalid(tr("This file is not well-formed XML, so it cannot be read as a Common Transfer File: %1 at "
                         "line %2, column %3%4. It may have been cut short or changed by hand; export it from your "
                         "MIS again.")
                          .arg(xml.errorString())
                          .arg(xml.lineNumber())
                          .arg(xml.columnNumber())
                          .arg(where()));
    if (!sawPupilData || roster.records.empty())
        roster.problems << tr("This Common Transfer File holds no pupils (no <Pupil> in <CTFpupilData>).");
    return roster;
}

} // namespace waymark::exchange
