#pragma once

#include "exchange/roster.h"

#include <QByteArray>
#include <QDate>

// Reading the DfE Common Transfer File (CTF): the XML a school's MIS writes when a pupil moves
// school, with the pupil's details, SEN and free school meals histories and statutory assessments.
namespace waymark::exchange {

// The most elements, and the deepest nesting, a CTF may have before it is refused as no CTF at all
// (a CTF of 2,000 pupils with their full histories has a few hundred thousand elements, ten deep).
inline constexpr int kMaxCtfElements = 2'000'000;
inline constexpr int kMaxCtfDepth = 64;

// Reads a CTF of any version from 2007 on: <Gender> or <Sex>, the pupil's details directly under
// <Pupil> or in <BasicDetails>, any element missing, elements it does not know skipped. One record
// a <Pupil> (its line is the line of the <Pupil> tag), with what could not be taken flagged in the
// record and a pupil without a surname or forename rejected. Free school meals are "yes" when a
// period of <FSMhistory> is open on `today`; assessments are placed on the built-in scales where
// their result is one of a scale's rungs.
//
// Throws StorageError(Kind::Invalid) for a file that is empty, too large (kMaxTextBytes), not XML,
// not well-formed (naming the line and element), or XML that is not a CTF (root not <CTfile>).
// Hostile XML is refused whole before anything is read: a document type (<!DOCTYPE>), an entity
// declaration (<!ENTITY>) and so any external entity or entity-expansion bomb, more than
// kMaxCtfElements elements, or nesting deeper than kMaxCtfDepth.
Roster readCtf(const QByteArray& bytes, QDate today);

} // namespace waymark::exchange
