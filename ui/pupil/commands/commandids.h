#pragma once

// QUndoCommand::id() values: commands with the same id may merge (see mergeWith).
namespace waymark::commandid {
enum : int {
    ChangeField = 0x5057, // "PW": pupil-page field edits
};
} // namespace waymark::commandid
