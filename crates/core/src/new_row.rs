//! What every new row of a Medusa table starts with, written once.
//!
//! `..stamped(now)` at the end of an `ActiveModel` literal sets the columns Medusa's base
//! entities share: `created_at` and `updated_at` to `now`, `deleted_at` and `metadata` to
//! `NULL`, each where the table has it. A column the literal names itself (a given
//! `metadata`) keeps its value.

use std::str::FromStr;

use sea_orm::{ActiveModelTrait, EntityTrait, Value};

use crate::time::Timestamp;

/// An active model with nothing set but the shared columns of a new row.
pub fn stamped<A>(now: Timestamp) -> A
where
    A: ActiveModelTrait,
{
    let mut row = <A as ActiveModelTrait>::default();
    let mut set = |name: &str, value: Value| {
        if let Ok(column) = <<A::Entity as EntityTrait>::Column as FromStr>::from_str(name) {
            row.set(column, value);
        }
    };
    set("created_at", now.into());
    set("updated_at", now.into());
    set("deleted_at", Option::<Timestamp>::None.into());
    set("metadata", Option::<serde_json::Value>::None.into());
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::entity::prelude::*;
    use sea_orm::ActiveValue::{NotSet, Set};

    mod note {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
        #[sea_orm(table_name = "note")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub id: String,
            pub created_at: DateTimeWithTimeZone,
            pub updated_at: DateTimeWithTimeZone,
            pub deleted_at: Option<DateTimeWithTimeZone>,
            pub metadata: Option<Json>,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    mod link {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
        #[sea_orm(table_name = "link")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub id: String,
            pub created_at: DateTimeWithTimeZone,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    #[test]
    fn sets_the_shared_columns_a_table_has_and_keeps_what_the_literal_names() {
        let now = crate::time::now();
        let row = note::ActiveModel {
            id: Set("n_1".into()),
            metadata: Set(Some(Json::from(1))),
            ..stamped(now)
        };
        assert_eq!(row.created_at, Set(now));
        assert_eq!(row.updated_at, Set(now));
        assert_eq!(row.deleted_at, Set(None));
        assert_eq!(row.metadata, Set(Some(Json::from(1))));

        let link: link::ActiveModel = stamped(now);
        assert_eq!(link.created_at, Set(now));
        assert_eq!(link.id, NotSet);
    }
}
