#include "demo/demorandom.h"

namespace waymark::demo {

namespace {
quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}
} // namespace

quint64 Random::mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

Random::Random(quint64 seed, quint64 stream)
{
    quint64 x = mix(seed) ^ mix(stream * 0xd1342543de82ef95ULL + 0x632be59bd9b4e019ULL);
    for (quint64& word : s_) {
        x += 0x9e3779b97f4a7c15ULL;
        word = mix(x);
    }
}

quint64 Random::next()
{
    const quint64 result = rotl(s_[1] * 5, 7) * 9;
    const quint64 t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

quint32 Random::below(quint32 n)
{
    // The top 32 bits times n, shifted down: a value in [0, n) with every platform agreeing.
    return quint32(((next() >> 32) * quint64(n)) >> 32);
}

int Random::range(int lo, int hi)
{
    return hi <= lo ? lo : lo + int(below(quint32(hi - lo + 1)));
}

double Random::real()
{
    return double(next() >> 11) * 0x1.0p-53;
}

double Random::normal()
{
    // Irwin-Hall: four uniforms, centred and scaled. Only + and *, which every platform rounds the
    // same way, where log and cos differ between maths libraries.
    const double sum = real() + real() + real() + real();
    return (sum - 2.0) * 1.7320508075688772;
}

QUuid Random::uuid()
{
    const quint64 hi = next();
    const quint64 lo = next();
    // Version 4 in the top nibble of data3, RFC 4122 variant in the top bits of data4[0].
    return QUuid(uint(hi >> 32), ushort(hi >> 16), ushort((hi & 0x0fff) | 0x4000), uchar(((lo >> 56) & 0x3f) | 0x80),
                 uchar(lo >> 48), uchar(lo >> 40), uchar(lo >> 32), uchar(lo >> 24), uchar(lo >> 16), uchar(lo >> 8),
                 uchar(lo));
}

} // namespace waymark::demo
