#pragma once

#include "demo/demorandom.h"

#include <QByteArray>

namespace waymark::demo {

// "Photos of work" for demo evidence: small PNGs of a ruled page with handwriting and a teacher's
// tick, drawn and encoded here because core never uses QtGui.

// A PNG of width x height pixels from rows of 8-bit RGB (3 bytes a pixel, rows top to bottom).
QByteArray encodePng(int width, int height, const QByteArray& rgb);
// A palette PNG: one byte a pixel indexing palette, which holds up to 256 RGB triples. A third of
// the data of RGB, so it compresses three times as fast.
QByteArray encodeIndexedPng(int width, int height, const QByteArray& palette, const QByteArray& indices);
QByteArray workPhoto(Random& r, int width = 96, int height = 64);

// CRC-32 as PNG chunks use it (ISO 3309, reflected, polynomial 0xEDB88320).
quint32 crc32(const char* data, qsizetype size, quint32 crc = 0);

} // namespace waymark::demo
