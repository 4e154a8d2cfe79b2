#pragma once

#include "domain/entity.h"
#include "domain/enums.h"
#include "pupil/fieldbinding.h"
#include "pupil/pupileditor.h"

#include <QDate>
#include <QVariant>

// How stored field types travel through editor widgets as QVariants, and a helper that binds one
// editor to one field of the shown pupil.
namespace waymark::fieldvalues {

template <class V> QVariant toVariant(const V& v)
{
    if constexpr (std::is_enum_v<V>)
        return static_cast<int>(v);
    else
        return QVariant::fromValue(v);
}

inline QVariant toVariant(const OptionalId& v)
{
    return v ? QVariant(*v) : QVariant();
}

template <class V> V fromVariant(const QVariant& v)
{
    if constexpr (std::is_same_v<V, OptionalId>)
        return v.isValid() && !v.isNull() ? OptionalId(v.toLongLong()) : std::nullopt;
    else if constexpr (std::is_enum_v<V>)
        return static_cast<V>(v.toInt());
    else
        return v.value<V>();
}

// An editor for one field of the pupil that pupilId() names; each commit is an undo step (typing
// in one visit to the field merges).
template <class V, class PupilIdFn>
FieldBinding* bindPupil(PupilEditor& editor, PupilIdFn pupilId, QWidget* widget, V Pupil::*member,
                        const QString& undoText, QObject* parent)
{
    return new FieldBinding(
        widget,
        [&editor, pupilId, member, undoText](const QVariant& value, const QVariant& base, quint64 session) {
            return editor.changePupil(pupilId(), member, fromVariant<V>(value), undoText, session,
                                      fromVariant<V>(base));
        },
        parent);
}

template <class V, class PupilIdFn>
FieldBinding* bindPlan(PupilEditor& editor, PupilIdFn pupilId, QWidget* widget, V LearningPlan::*member,
                       const QString& undoText, QObject* parent)
{
    return new FieldBinding(
        widget,
        [&editor, pupilId, member, undoText](const QVariant& value, const QVariant& base, quint64 session) {
            return editor.changePlan(pupilId(), member, fromVariant<V>(value), undoText, session,
                                     fromVariant<V>(base));
        },
        parent);
}

} // namespace waymark::fieldvalues
