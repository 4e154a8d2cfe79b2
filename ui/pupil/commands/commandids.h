#pragma once

// QUndoCommand::id() values: commands with the same id may merge (see mergeWith).
namespace waymark::commandid {
enum : int {
    ChangeField = 0x5057, // "PW": pupil-page field edits
    SetMarks = 0x4d4b,    // "MK": marks typed into one feedback cell, merged while the typing goes on
    ClassNotes = 0x434e,  // "CN": whole-class feedback typed into one box, merged while the typing goes on
};
} // namespace waymark::commandid
