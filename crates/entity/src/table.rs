//! `table!`: what every serialized Medusa table shares, written once.
//!
//! A table file names its table and lists its columns in the table's order (the order of
//! the JSON Medusa answers). The macro adds the shared derives, the empty `Relation`
//! (relations are loaded by `medusa-load`), `ActiveModelBehavior`, `FromColumns` (the model
//! read by its columns' positions, as `medusa-load` reads it), and the attributes a column's
//! type decides, so that a `Model` serializes as Medusa's JSON does:
//! - `DateTimeWithTimeZone` (and its `Option`) as `2024-01-07T10:00:00.000Z` (`medusa_core::time`);
//! - `Json` (and its `Option`) stored as `jsonb`;
//! - `f32` (and its `Option`), Medusa's `real` columns, stored as `Float` and printed as
//!   JavaScript numbers (`medusa_core::number`).
//!
//! `timestamps!(created_at, updated_at)` in a column list stands for those two columns of
//! Medusa's `BaseEntity`, `timestamps!(created_at, updated_at, deleted_at)` for the three of its
//! `SoftDeletableEntity`, where the table has them side by side.
//!
//! Every other attribute (keys, `unique`, `Text`, secrets never serialized) stays on its
//! column. A column's type is one identifier or `Option<identifier>`: all of Medusa's are.

macro_rules! table {
    (
        $(#[$model_attr:meta])*
        pub struct Model { $($columns:tt)* }
    ) => {
        table!(@column [$(#[$model_attr])*] [] [] $($columns)*);
    };

    // Every column is written: the model and what sea-orm wants beside it.
    (@column [$(#[$model_attr:meta])*] [$($done:tt)*] [$($names:ident)*]) => {
        use sea_orm::entity::prelude::*;
        use serde::{Deserialize, Serialize};

        #[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
        $(#[$model_attr])*
        pub struct Model { $($done)* }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}

        impl medusa_core::positional::FromColumns for Model {
            const COLUMNS: usize = [$(stringify!($names)),*].len();

            fn from_columns(row: &QueryResult, at: usize) -> Result<Self, DbErr> {
                let mut next = at;
                let mut column = || {
                    next += 1;
                    next - 1
                };
                // Fields are initialised in the order written: the columns' order.
                Ok(Self { $($names: row.try_get_by_index(column())?,)* })
            }
        }
    };

    // Medusa's entity timestamps.
    (@column $model:tt [$($done:tt)*] $names:tt
        timestamps!(created_at, updated_at), $($rest:tt)*) => {
        table!(@column $model [$($done)*] $names pub created_at: DateTimeWithTimeZone,
            pub updated_at: DateTimeWithTimeZone, $($rest)*);
    };
    (@column $model:tt [$($done:tt)*] $names:tt
        timestamps!(created_at, updated_at, deleted_at), $($rest:tt)*) => {
        table!(@column $model [$($done)*] $names pub created_at: DateTimeWithTimeZone,
            pub updated_at: DateTimeWithTimeZone, pub deleted_at: Option<DateTimeWithTimeZone>,
            $($rest)*);
    };

    // The columns whose type decides their attributes.
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: DateTimeWithTimeZone, $($rest:tt)*) => {
        table!(@column $model [$($done)*
            $(#[$attr])*
            #[serde(serialize_with = "medusa_core::time::serialize")]
            pub $name: DateTimeWithTimeZone,
        ] [$($names)* $name] $($rest)*);
    };
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: Option<DateTimeWithTimeZone>, $($rest:tt)*) => {
        table!(@column $model [$($done)*
            $(#[$attr])*
            #[serde(serialize_with = "medusa_core::time::serialize_opt")]
            pub $name: Option<DateTimeWithTimeZone>,
        ] [$($names)* $name] $($rest)*);
    };
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: Json, $($rest:tt)*) => {
        table!(@column $model [$($done)*
            $(#[$attr])*
            #[sea_orm(column_type = "JsonBinary")]
            pub $name: Json,
        ] [$($names)* $name] $($rest)*);
    };
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: Option<Json>, $($rest:tt)*) => {
        table!(@column $model [$($done)*
            $(#[$attr])*
            #[sea_orm(column_type = "JsonBinary", nullable)]
            pub $name: Option<Json>,
        ] [$($names)* $name] $($rest)*);
    };
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: f32, $($rest:tt)*) => {
        table!(@column $model [$($done)*
            $(#[$attr])*
            #[sea_orm(column_type = "Float")]
            #[serde(serialize_with = "medusa_core::number::serialize_real")]
            pub $name: f32,
        ] [$($names)* $name] $($rest)*);
    };
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: Option<f32>, $($rest:tt)*) => {
        table!(@column $model [$($done)*
            $(#[$attr])*
            #[sea_orm(column_type = "Float", nullable)]
            #[serde(serialize_with = "medusa_core::number::serialize_opt_real")]
            pub $name: Option<f32>,
        ] [$($names)* $name] $($rest)*);
    };

    // Any other column, as written.
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: Option<$inner:ident>, $($rest:tt)*) => {
        table!(@column $model [$($done)* $(#[$attr])* pub $name: Option<$inner>,] [$($names)* $name] $($rest)*);
    };
    (@column $model:tt [$($done:tt)*] [$($names:ident)*]
        $(#[$attr:meta])* pub $name:ident: $type:ident, $($rest:tt)*) => {
        table!(@column $model [$($done)* $(#[$attr])* pub $name: $type,] [$($names)* $name] $($rest)*);
    };
}

/// `link_table!("t": owner_id, target_id)`: a table that links two rows, keyed by both ids
/// together; any further columns follow a `;`, written as in [`table!`].
macro_rules! link_table {
    ($table:literal: $owner:ident, $target:ident $(; $($columns:tt)*)?) => {
        table! {
            #[sea_orm(table_name = $table)]
            #[derive(Eq)]
            pub struct Model {
                #[sea_orm(primary_key, auto_increment = false)]
                pub $owner: String,
                #[sea_orm(primary_key, auto_increment = false)]
                pub $target: String,
                $($($columns)*)?
            }
        }
    };
}
