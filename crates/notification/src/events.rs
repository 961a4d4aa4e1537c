//! The events notes record, as Medusa names them.

medusa_events::events! {
    NoteCreated = "note.created" { id: String }
    NoteUpdated = "note.updated" { id: String }
    NoteDeleted = "note.deleted" { id: String }
}
