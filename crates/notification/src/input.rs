//! Note and notification request bodies, declared as Medusa's request classes declare them
//! (`AdminPostNotesReq`, ...) so a bad body gets Medusa's messages in Medusa's order.

use medusa_core::body::{Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use crate::CreateNote;

static CREATE_NOTE: Class = Class::new(&[
    Field::required("resource_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("resource_type", &[Rule::NotEmpty, Rule::String]),
    Field::required("value", &[Rule::NotEmpty, Rule::String]),
]);

impl CreateNote {
    /// The note is written by `author_id`, the calling admin.
    pub fn from_body(body: Value, author_id: Option<String>) -> Result<Self> {
        let body = CREATE_NOTE.read(body)?;
        Ok(Self {
            resource_id: body.string("resource_id").unwrap_or_default(),
            resource_type: body.string("resource_type").unwrap_or_default(),
            value: body.string("value").unwrap_or_default(),
            author_id,
        })
    }
}

/// `POST /admin/notes/{id}`: the note's new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteValue(pub String);

static UPDATE_NOTE: Class = Class::new(&[Field::required("value", &[Rule::String])]);

impl NoteValue {
    pub fn from_body(body: Value) -> Result<Self> {
        Ok(Self(
            UPDATE_NOTE.read(body)?.string("value").unwrap_or_default(),
        ))
    }
}

medusa_core::request! {
    /// `POST /admin/notifications/{id}/resend`: another recipient, or the original one.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ResendNotification in RESEND {
        pub to: Option<String> = optional[Rule::String],
    }
}
