#include "domain/fieldlimits.h"

#include <array>

namespace waymark::limits {

int maxLength(std::string_view column)
{
    static constexpr std::array<std::string_view, 24> names = {"name",
                                                               "title",
                                                               "given_name",
                                                               "family_name",
                                                               "display_name",
                                                               "email",
                                                               "role",
                                                               "code",
                                                               "upn",
                                                               "legal_given_name",
                                                               "legal_middle_names",
                                                               "legal_family_name",
                                                               "preferred_given_name",
                                                               "preferred_family_name",
                                                               "pronouns",
                                                               "sex",
                                                               "urn",
                                                               "la_code",
                                                               "estab",
                                                               "label",
                                                               "area",
                                                               "agreed_with",
                                                               "file_name",
                                                               "media_type"};
    if (column == "snapshot")
        return kDocument;
    for (const std::string_view name : names) {
        if (name == column)
            return kName;
    }
    return kText;
}

QString shortened(const QString& text, int limit)
{
    if (text.size() <= limit)
        return text;
    qsizetype cut = qMax(0, limit - 1);
    if (cut > 0 && text.at(cut).isLowSurrogate())
        --cut;
    return text.left(cut) + QChar(0x2026);
}

} // namespace waymark::limits
