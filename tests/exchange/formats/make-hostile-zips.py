#!/usr/bin/env python3
"""Writes the input.zip of each hostile or damaged zip case in this folder (run from anywhere).

The zips are committed; this script says exactly how they were made, and remakes them if needed.
Every one but the bomb is a few hundred bytes; the bomb is 20 MB of zeros deflated to about 20 KB.
"""
import io
import os
import stat
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = b"propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,bulk\n"
USERS = (b"sourcedId,status,dateLastModified,role,givenName,familyName\n"
         b"P1,active,2026-09-01,student,Ada,Lovelace\n")
FIXED_TIME = (2026, 11, 30, 12, 0, 0)


def entry(name, mode=stat.S_IFREG | 0o644):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that the mode below is read
    info.external_attr = mode << 16
    return info


def write(case, entries):
    """entries: (ZipInfo or name, bytes); a case's zip is its input.zip."""
    os.makedirs(os.path.join(HERE, case), exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for info, data in entries:
            zf.writestr(info if isinstance(info, zipfile.ZipInfo) else entry(info), data)
    with open(os.path.join(HERE, case, "input.zip"), "wb") as f:
        f.write(buffer.getvalue())
    with open(os.path.join(HERE, case, "reader.txt"), "w") as f:
        f.write("oneroster\n")
    return buffer.getvalue()


def main():
    good = [("manifest.csv", MANIFEST), ("users.csv", USERS)]
    # A well-formed export that reads: the hostile ones below differ from it in one entry only.
    write("oneroster-zip-good", good)
    write("oneroster-zip-dotdot", good + [("exports/../../evil.csv", b"owned\n")])
    write("oneroster-zip-absolute", good + [("/tmp/evil.csv", b"owned\n")])
    write("oneroster-zip-symlink", [("manifest.csv", MANIFEST),
                                    (entry("users.csv", stat.S_IFLNK | 0o777), b"/etc/passwd")])
    write("oneroster-zip-bomb", [("manifest.csv", MANIFEST),
                                 ("users.csv", USERS + b"\0" * (20 * 1024 * 1024))])
    write("oneroster-zip-too-many", good + [(f"extra/notes-{i:02}.txt", b"x\n") for i in range(63)])
    write("oneroster-zip-not-oneroster", [("pupils.csv", b"Name,Colour\nAda,red\n"), ("notes.txt", b"hello\n")])
    whole = write("oneroster-zip-truncated", good)
    with open(os.path.join(HERE, "oneroster-zip-truncated", "input.zip"), "wb") as f:
        f.write(whole[: len(whole) // 2])


if __name__ == "__main__":
    main()
