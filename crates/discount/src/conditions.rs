//! Discount conditions (Medusa's `DiscountConditionService` and its repository): each
//! function runs inside the caller's transaction.

use medusa_core::new_row::stamped;
use std::collections::HashSet;

use medusa_core::{generate_id, Error, Result};
use medusa_entity::sea_orm_active_enums::{
    DiscountConditionOperatorEnum, DiscountConditionTypeEnum,
};
use medusa_entity::{
    customer_group, discount_condition, discount_condition_customer_group,
    discount_condition_product, discount_condition_product_collection,
    discount_condition_product_tag, discount_condition_product_type, product, product_collection,
    product_tag, product_type,
};
use medusa_load::{link, live_or, unlink};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set,
};

use crate::input::ConditionInput;

const MISSING_RESOURCES: &str =
    "Missing one of products, collections, tags, types or customer groups in data";

pub(crate) fn condition_not_found(id: &str) -> Error {
    Error::not_found(format!("DiscountCondition with id {id} was not found"))
}

/// A live condition by id.
pub async fn retrieve_in<C: ConnectionTrait>(
    conn: &C,
    id: &str,
) -> Result<discount_condition::Model> {
    live_or::<discount_condition::Entity, _>(conn, id, || condition_not_found(id)).await
}

/// Medusa's `upsertCondition`: with an `id`, changes the condition's operator and adds the
/// resources (replacing the others when `replace`); without, creates a condition on `rule_id`.
pub async fn upsert_in<C: ConnectionTrait>(
    conn: &C,
    rule_id: &str,
    input: &ConditionInput,
    replace: bool,
) -> Result<()> {
    let Some((kind, ids)) = &input.kind else {
        return Err(Error::invalid_data(MISSING_RESOURCES));
    };
    let duplicate = || {
        Error::duplicate(format!(
            "Discount Condition with operator '{}' and type '{}' already exist on a Discount Rule",
            input.operator_text.as_deref().unwrap_or("undefined"),
            type_name(kind)
        ))
    };
    let condition_id = match &input.id {
        Some(id) => {
            let current = retrieve_in(conn, id).await?;
            if let Some(operator) = &input.operator {
                if *operator != current.operator {
                    if taken(conn, &current.discount_rule_id, kind, operator).await? {
                        return Err(duplicate());
                    }
                    let mut row = current.into_active_model();
                    row.operator = Set(operator.clone());
                    row.updated_at = Set(medusa_core::time::now());
                    row.update(conn).await?;
                }
            }
            id.clone()
        }
        None => {
            let operator = operator_of(input)?;
            if taken(conn, rule_id, kind, &operator).await? {
                return Err(duplicate());
            }
            let now = medusa_core::time::now();
            discount_condition::ActiveModel {
                id: Set(generate_id("discon")),
                r#type: Set(kind.clone()),
                operator: Set(operator),
                discount_rule_id: Set(rule_id.to_owned()),
                ..stamped(now)
            }
            .insert(conn)
            .await?
            .id
        }
    };
    add_resources_in(conn, &condition_id, kind, ids, replace).await
}

/// Medusa's `removeResources`: unlinks `ids` (of the type the lists give) from a condition.
pub async fn remove_resources_in<C: ConnectionTrait>(
    conn: &C,
    condition_id: &str,
    kind: &DiscountConditionTypeEnum,
    ids: &[String],
) -> Result<()> {
    retrieve_in(conn, condition_id).await?;
    macro_rules! unlink_from {
        ($link:ident, $target:ident) => {
            unlink::<$link::Entity, _>(
                conn,
                $link::Column::ConditionId,
                $link::Column::$target,
                condition_id,
                Some(ids),
            )
            .await
        };
    }
    match kind {
        DiscountConditionTypeEnum::Products => {
            unlink_from!(discount_condition_product, ProductId)
        }
        DiscountConditionTypeEnum::ProductTypes => {
            unlink_from!(discount_condition_product_type, ProductTypeId)
        }
        DiscountConditionTypeEnum::ProductCollections => {
            unlink_from!(discount_condition_product_collection, ProductCollectionId)
        }
        DiscountConditionTypeEnum::ProductTags => {
            unlink_from!(discount_condition_product_tag, ProductTagId)
        }
        DiscountConditionTypeEnum::CustomerGroups => {
            unlink_from!(discount_condition_customer_group, CustomerGroupId)
        }
    }
}

/// Removes a condition and its resource links for good (Medusa's `remove`); a missing one is
/// no error.
pub async fn delete_in<C: ConnectionTrait>(conn: &C, condition_id: &str) -> Result<()> {
    macro_rules! clear {
        ($link:ident) => {
            $link::Entity::delete_many()
                .filter($link::Column::ConditionId.eq(condition_id))
                .exec(conn)
                .await?;
        };
    }
    clear!(discount_condition_product);
    clear!(discount_condition_product_type);
    clear!(discount_condition_product_collection);
    clear!(discount_condition_product_tag);
    clear!(discount_condition_customer_group);
    discount_condition::Entity::delete_by_id(condition_id)
        .exec(conn)
        .await?;
    Ok(())
}

/// Links `ids` to a condition, as Medusa's `addConditionResources` (`INSERT ... ON CONFLICT DO
/// NOTHING`, then, when `replace`, deleting the links to anything else). A missing resource is
/// the 404 Medusa's foreign key error gives.
async fn add_resources_in<C: ConnectionTrait>(
    conn: &C,
    condition_id: &str,
    kind: &DiscountConditionTypeEnum,
    ids: &[String],
    replace: bool,
) -> Result<()> {
    macro_rules! relink {
        ($entity:ident, $table:literal, $column:literal, $link:ident, $target:ident) => {{
            missing_resource::<$entity::Entity, _>(conn, $entity::Column::Id, ids, $table, $column)
                .await?;
            link::<$link::Entity, _>(
                conn,
                $link::Column::ConditionId,
                $link::Column::$target,
                condition_id,
                ids,
            )
            .await?;
            if replace {
                $link::Entity::delete_many()
                    .filter($link::Column::ConditionId.eq(condition_id))
                    .filter($link::Column::$target.is_not_in(ids.iter().cloned()))
                    .exec(conn)
                    .await?;
            }
        }};
    }
    match kind {
        DiscountConditionTypeEnum::Products => relink!(
            product,
            "Product",
            "product_id",
            discount_condition_product,
            ProductId
        ),
        DiscountConditionTypeEnum::ProductTypes => relink!(
            product_type,
            "Product_type",
            "product_type_id",
            discount_condition_product_type,
            ProductTypeId
        ),
        DiscountConditionTypeEnum::ProductCollections => relink!(
            product_collection,
            "Product_collection",
            "product_collection_id",
            discount_condition_product_collection,
            ProductCollectionId
        ),
        DiscountConditionTypeEnum::ProductTags => relink!(
            product_tag,
            "Product_tag",
            "product_tag_id",
            discount_condition_product_tag,
            ProductTagId
        ),
        DiscountConditionTypeEnum::CustomerGroups => relink!(
            customer_group,
            "Customer_group",
            "customer_group_id",
            discount_condition_customer_group,
            CustomerGroupId
        ),
    }
    Ok(())
}

/// The first of `ids` with no row (deleted or not: the foreign key does not look at
/// `deleted_at`), as Medusa's formatted foreign key error.
async fn missing_resource<E, C>(
    conn: &C,
    key: E::Column,
    ids: &[String],
    table: &str,
    column: &str,
) -> Result<()>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let found: HashSet<String> = E::find()
        .select_only()
        .column(key)
        .filter(key.is_in(ids.iter().cloned()))
        .into_tuple::<String>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    match ids.iter().find(|id| !found.contains(*id)) {
        Some(id) => Err(Error::not_found(format!(
            "{table} with {column} {id} does not exist."
        ))),
        None => Ok(()),
    }
}

/// Whether the rule has a condition of this type and operator (the `dctypeuniq` constraint,
/// which counts deleted rows too).
async fn taken<C: ConnectionTrait>(
    conn: &C,
    rule_id: &str,
    kind: &DiscountConditionTypeEnum,
    operator: &DiscountConditionOperatorEnum,
) -> Result<bool> {
    let query = Query::select()
        .expr_as(Expr::val(1), Alias::new("one"))
        .from(discount_condition::Entity)
        .and_where(discount_condition::Column::DiscountRuleId.eq(rule_id))
        .and_where(discount_condition::Column::Type.eq(kind.clone()))
        .and_where(discount_condition::Column::Operator.eq(operator.clone()))
        .limit(1)
        .to_owned();
    let backend = conn.get_database_backend();
    Ok(conn.query_one(backend.build(&query)).await?.is_some())
}

fn operator_of(input: &ConditionInput) -> Result<DiscountConditionOperatorEnum> {
    input.operator.clone().ok_or_else(|| {
        Error::invalid_data("operator must be one of the following values: in, not_in")
    })
}

pub(crate) fn type_name(kind: &DiscountConditionTypeEnum) -> &'static str {
    match kind {
        DiscountConditionTypeEnum::Products => "products",
        DiscountConditionTypeEnum::ProductTypes => "product_types",
        DiscountConditionTypeEnum::ProductCollections => "product_collections",
        DiscountConditionTypeEnum::ProductTags => "product_tags",
        DiscountConditionTypeEnum::CustomerGroups => "customer_groups",
    }
}
