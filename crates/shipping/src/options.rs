//! Shipping options: where (region), how (fulfillment provider and its option `data`), at
//! what price (`flat_rate` amount or provider-`calculated`), for which carts (min/max
//! subtotal requirements), and whether for returns or admins only.

use crate::events;
use crate::input::{CreateShippingOption, UpdateShippingOption};
use medusa_core::new_row::stamped;
use std::sync::Arc;

use async_trait::async_trait;
use medusa_core::{generate_id, metadata, time, Error, FeatureFlags, ListPage, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::sea_orm_active_enums::{
    ShippingOptionPriceTypeEnum, ShippingOptionRequirementTypeEnum, ShippingProfileTypeEnum,
};
use medusa_entity::{
    region, region_fulfillment_providers, shipping_option, shipping_option_requirement,
    shipping_profile, shipping_tax_rate, tax_rate,
};
use medusa_load::live_or;
use medusa_load::{by_key, children, only_live, through, Connection, Link, Reader};
use medusa_providers::{FulfillmentProvider, ProviderRegistry};
use medusa_query_dsl::{
    in_insertion_order_of, Column, FieldKind, FilterSpec, ListPlan, Pagination, RelationSpec,
    ResourceSpec, Selection,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, Order, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};
use serde::Serialize;
use serde_json::{json, Value};

use crate::profiles::profile_of_type;
use crate::tax_inclusive;
use medusa_core::number::js_number;

const OPTION_ID_PREFIX: &str = "so";
const REQUIREMENT_ID_PREFIX: &str = "sor";

/// The option's columns as Medusa's default fields name them; the last, `includes_tax`,
/// exists only with the tax-inclusive pricing flag.
pub(crate) const OPTION_FIELDS_TAX_INCLUSIVE: &[&str] = &[
    "id",
    "name",
    "region_id",
    "profile_id",
    "provider_id",
    "price_type",
    "amount",
    "is_return",
    "admin_only",
    "data",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
    "includes_tax",
];

/// [`OPTION_FIELDS_TAX_INCLUSIVE`] without `includes_tax`.
const OPTION_FIELDS: &[&str] = OPTION_FIELDS_TAX_INCLUSIVE
    .split_at(OPTION_FIELDS_TAX_INCLUSIVE.len() - 1)
    .0;

/// `GET /admin/shipping-options`: Medusa's `AdminGetShippingOptionsParams`.
pub static SHIPPING_OPTION_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    default_order: &[("created_at", Order::Desc)],
    sortable: OPTION_FIELDS,
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        FilterSpec::value("name", FieldKind::Text),
        FilterSpec::value("region_id", FieldKind::Text),
        FilterSpec::value("is_return", FieldKind::Bool),
        FilterSpec::value("admin_only", FieldKind::Bool),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[Column::own("name")],
    expandable: true,
    relations: &[
        RelationSpec::new("region"),
        RelationSpec::new("profile"),
        RelationSpec::new("requirements"),
    ],
    default_relations: &["region", "profile", "requirements"],
    selectable: OPTION_FIELDS,
    default_fields: OPTION_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    ..ResourceSpec::new("shipping_options", "shipping_option")
};

/// An option with its default relations: region, profile and live requirements.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionView {
    pub option: shipping_option::Model,
    pub region: Option<region::Model>,
    pub profile: Option<shipping_profile::Model>,
    pub requirements: Vec<shipping_option_requirement::Model>,
    /// The option's and its region's `includes_tax`: `None` with the tax-inclusive pricing
    /// flag off (not serialized); see [`crate::tax_inclusive`].
    pub includes_tax: Option<bool>,
    pub region_includes_tax: Option<bool>,
}

impl Serialize for OptionView {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let mut value = serde_json::to_value(&self.option).map_err(serde::ser::Error::custom)?;
        if let Some(map) = value.as_object_mut() {
            if let Some(includes_tax) = self.includes_tax {
                map.insert("includes_tax".into(), Value::Bool(includes_tax));
            }
            let mut region = serde_json::to_value(&self.region).unwrap_or(Value::Null);
            if let (Some(region), Some(includes_tax)) =
                (region.as_object_mut(), self.region_includes_tax)
            {
                region.insert("includes_tax".into(), Value::Bool(includes_tax));
            }
            map.insert("region".into(), region);
            map.insert(
                "profile".into(),
                serde_json::to_value(&self.profile).map_err(serde::ser::Error::custom)?,
            );
            map.insert(
                "requirements".into(),
                serde_json::to_value(&self.requirements).map_err(serde::ser::Error::custom)?,
            );
        }
        value.serialize(serializer)
    }
}

/// A listed option with its price including tax, as `GET /admin/shipping-options` adds it.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedOption {
    pub view: OptionView,
    pub price_incl_tax: i64,
    /// `{rate, name, code}` of each applied rate.
    pub tax_rates: Vec<Value>,
    pub tax_amount: i64,
}

impl PricedOption {
    /// The answer for a list item: the option trimmed to the selection, then the price keys,
    /// which Medusa adds after selecting.
    pub fn to_json(&self, selection: &Selection) -> Value {
        let mut value = serde_json::to_value(&self.view).unwrap_or(Value::Null);
        selection.shape(&mut value);
        if let Some(map) = value.as_object_mut() {
            map.insert("price_incl_tax".into(), Value::from(self.price_incl_tax));
            map.insert("tax_rates".into(), Value::Array(self.tax_rates.clone()));
            map.insert("tax_amount".into(), Value::from(self.tax_amount));
        }
        value
    }
}

/// Managing shipping options.
#[async_trait]
pub trait ShippingOptionService: Send + Sync {
    /// A page of options as planned from [`SHIPPING_OPTION_LIST`], priced with tax.
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<PricedOption>>;
    async fn retrieve(&self, id: &str) -> Result<OptionView>;
    async fn create(&self, input: CreateShippingOption) -> Result<OptionView>;
    async fn update(&self, id: &str, input: UpdateShippingOption) -> Result<OptionView>;
    /// Soft-deletes an option; a missing one succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
}

/// [`ShippingOptionService`] over the database, checking options against `providers`.
#[derive(Clone)]
pub struct SeaShippingOptionService {
    db: DatabaseConnection,
    providers: ProviderRegistry,
    flags: FeatureFlags,
}

impl SeaShippingOptionService {
    /// The options of `db`; `includes_tax` is read and written only when `flags` have
    /// tax-inclusive pricing on.
    pub fn new(db: DatabaseConnection, providers: ProviderRegistry, flags: FeatureFlags) -> Self {
        Self {
            db,
            providers,
            flags,
        }
    }

    /// One option's answer: its default relations and, with the flag, `includes_tax`.
    async fn view<C: Connection>(
        &self,
        conn: &C,
        option: shipping_option::Model,
    ) -> Result<OptionView> {
        let mut answer = view(conn, option).await?;
        tax_inclusive::attach(conn, self.flags, std::slice::from_mut(&mut answer)).await?;
        Ok(answer)
    }

    fn provider(&self, id: &str) -> Result<Arc<dyn FulfillmentProvider>> {
        self.providers.fulfillment(id).ok_or_else(|| {
            Error::not_found(format!(
                "Could not find a fulfillment provider with id: {id}"
            ))
        })
    }

    /// Medusa's `validateAndMutatePrice`: a calculated price needs a provider that can
    /// calculate (and drops the amount); a flat rate needs an amount of at least 0.
    fn check_price(
        &self,
        provider_id: &str,
        data: &Value,
        price_type: Option<&ShippingOptionPriceTypeEnum>,
        effective_type: &ShippingOptionPriceTypeEnum,
        amount: Option<i32>,
    ) -> Result<Option<i32>> {
        let mut amount = amount;
        if let Some(ShippingOptionPriceTypeEnum::Calculated) = price_type {
            if !self.provider(provider_id)?.can_calculate(data) {
                return Err(Error::invalid_data(
                    "The fulfillment provider cannot calculate prices for this option",
                ));
            }
            amount = None;
        }
        if *effective_type == ShippingOptionPriceTypeEnum::FlatRate && amount.is_none_or(|a| a < 0)
        {
            return Err(Error::invalid_data(
                "Shipping options of type `flat_rate` must have an `amount`",
            ));
        }
        Ok(amount)
    }
}

fn option_not_found(id: &str) -> Error {
    Error::not_found(format!("Shipping Option with {id} was not found"))
}

/// At most one requirement per type, and a maximum not below the minimum (checked in the
/// order given, as Medusa does).
fn check_requirements<'a>(
    requirements: impl IntoIterator<Item = (&'a ShippingOptionRequirementTypeEnum, i32)>,
) -> Result<()> {
    let mut seen: Vec<(&ShippingOptionRequirementTypeEnum, i32)> = Vec::new();
    for (requirement_type, amount) in requirements {
        if seen.iter().any(|(t, _)| *t == requirement_type) {
            return Err(Error::invalid_data(
                "Only one requirement of each type is allowed",
            ));
        }
        let out_of_order = seen.iter().any(|(t, a)| match t {
            ShippingOptionRequirementTypeEnum::MaxSubtotal => amount > *a,
            ShippingOptionRequirementTypeEnum::MinSubtotal => amount < *a,
        });
        if out_of_order {
            return Err(Error::invalid_data(
                "Max. subtotal must be greater than Min. subtotal",
            ));
        }
        seen.push((requirement_type, amount));
    }
    Ok(())
}

fn requirement_type(name: &str) -> Result<ShippingOptionRequirementTypeEnum> {
    match name {
        "" => Err(Error::invalid_data(
            "A Shipping Requirement must have a type field",
        )),
        "min_subtotal" => Ok(ShippingOptionRequirementTypeEnum::MinSubtotal),
        "max_subtotal" => Ok(ShippingOptionRequirementTypeEnum::MaxSubtotal),
        _ => Err(Error::invalid_data(
            "Requirement type must be one of min_subtotal, max_subtotal",
        )),
    }
}

async fn live_option<C: ConnectionTrait>(conn: &C, id: &str) -> Result<shipping_option::Model> {
    live_or::<shipping_option::Entity, _>(conn, id, || option_not_found(id)).await
}

/// Loads region, profile and live requirements for a page of options (one statement each).
async fn views<C: Connection>(
    conn: &C,
    options: Vec<shipping_option::Model>,
    with_deleted: bool,
) -> Result<Vec<OptionView>> {
    let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
    let mut regions = region::Entity::find();
    let mut profiles = shipping_profile::Entity::find();
    let mut requirements = shipping_option_requirement::Entity::find();
    // Medusa's `withDeleted` (a `deleted_at` filter) reaches the joined rows too.
    if !with_deleted {
        regions = only_live(regions);
        profiles = only_live(profiles);
        requirements = only_live(requirements);
    }
    let mut reader = Reader::new(conn).await?;
    let region_ids = options.iter().map(|o| o.region_id.clone());
    let regions = by_key(&mut reader, regions, region::Column::Id, region_ids).await?;
    let profile_ids = options.iter().map(|o| o.profile_id.clone());
    let profiles = by_key(
        &mut reader,
        profiles,
        shipping_profile::Column::Id,
        profile_ids,
    )
    .await?;
    let owner = shipping_option_requirement::Column::ShippingOptionId;
    let mut requirements = children(&mut reader, requirements, owner, &ids).await?;
    Ok(options
        .into_iter()
        .enumerate()
        .map(|(row, option)| OptionView {
            region: regions.get(&option.region_id).cloned(),
            profile: profiles.get(&option.profile_id).cloned(),
            requirements: requirements.take(row),
            option,
            includes_tax: None,
            region_includes_tax: None,
        })
        .collect())
}

async fn view<C: Connection>(conn: &C, option: shipping_option::Model) -> Result<OptionView> {
    let id = option.id.clone();
    views(conn, vec![option], false)
        .await?
        .pop()
        .ok_or_else(|| option_not_found(&id))
}

/// JavaScript's `Math.round`: halves round up (towards +∞).
fn js_round(value: f64) -> i64 {
    (value + 0.5).floor() as i64
}

/// Prices a page of options: the option's own tax rates (any region), else its region's
/// default rate; none when the region does not compute taxes automatically, or when the
/// selection leaves out `region_id` (Medusa then prices without a region).
async fn price<C: Connection>(
    conn: &C,
    views: Vec<OptionView>,
    region_selected: bool,
) -> Result<Vec<PricedOption>> {
    let ids: Vec<String> = views.iter().map(|v| v.option.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let select = in_insertion_order_of(
        tax_rate::Entity::find(),
        reader.backend(),
        "shipping_tax_rate",
    );
    let link = Link::<shipping_tax_rate::Entity> {
        owner: shipping_tax_rate::Column::ShippingOptionId,
        target: shipping_tax_rate::Column::RateId,
    };
    let rates = through(&mut reader, select, tax_rate::Column::Id, link, &ids).await?;
    // Pricing reads the region itself, whatever the selection loaded.
    let region_ids = views.iter().map(|v| v.option.region_id.clone());
    let regions = by_key(
        &mut reader,
        region::Entity::find(),
        region::Column::Id,
        region_ids,
    )
    .await?;
    drop(reader);
    Ok(views
        .into_iter()
        .enumerate()
        .map(|(row, view)| {
            let region = regions.get(&view.option.region_id);
            let tax_rates: Vec<(Option<f32>, Value)> = match region {
                Some(region) if region_selected && region.automatic_taxes => {
                    let own: Vec<(Option<f32>, Value)> = rates
                        .of(row)
                        .map(|r| {
                            (
                                r.rate,
                                json!({"rate": r.rate.map(js_number), "name": r.name, "code": r.code}),
                            )
                        })
                        .collect();
                    if own.is_empty() {
                        vec![(
                            Some(region.tax_rate),
                            json!({"rate": js_number(region.tax_rate), "name": "default", "code": "default"}),
                        )]
                    } else {
                        own
                    }
                }
                _ => Vec::new(),
            };
            let rate: f64 = tax_rates
                .iter()
                .map(|(r, _)| f64::from(r.unwrap_or(0.0)) / 100.0)
                .sum();
            let amount = i64::from(view.option.amount.unwrap_or(0));
            let tax_amount = js_round(amount as f64 * rate);
            PricedOption {
                price_incl_tax: amount + tax_amount,
                tax_rates: tax_rates.into_iter().map(|(_, v)| v).collect(),
                tax_amount,
                view,
            }
        })
        .collect())
}

#[async_trait]
impl ShippingOptionService for SeaShippingOptionService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<PricedOption>> {
        let count = plan
            .apply_count(shipping_option::Entity::find())
            .count(&self.db)
            .await?;
        let options = plan
            .apply(shipping_option::Entity::find())
            .all(&self.db)
            .await?;
        let mut views = views(&self.db, options, plan.with_deleted).await?;
        tax_inclusive::attach(&self.db, self.flags, &mut views).await?;
        let items = price(&self.db, views, plan.selection.has_field("region_id")).await?;
        Ok(plan.page("shipping_options", items, count))
    }

    async fn retrieve(&self, id: &str) -> Result<OptionView> {
        let option = live_option(&self.db, id).await?;
        self.view(&self.db, option).await
    }

    async fn create(&self, input: CreateShippingOption) -> Result<OptionView> {
        let data = Value::Object(input.data);
        let amount = self.check_price(
            &input.provider_id,
            &data,
            Some(&input.price_type),
            &input.price_type,
            input.amount,
        )?;
        let txn = self.db.begin().await?;
        let profile_id = match input.profile_id {
            Some(id) => id,
            None => profile_of_type(&txn, ShippingProfileTypeEnum::Default)
                .await?
                .map(|p| p.id)
                .ok_or_else(|| {
                    Error::UnexpectedState("The store has no default shipping profile".to_owned())
                })?,
        };
        let region = live_or::<region::Entity, _>(&txn, input.region_id.as_str(), || {
            Error::not_found(format!("Region with {} was not found", input.region_id))
        })
        .await?;
        let offered = region_fulfillment_providers::Entity::find()
            .filter(region_fulfillment_providers::Column::RegionId.eq(region.id.as_str()))
            .filter(region_fulfillment_providers::Column::ProviderId.eq(input.provider_id.as_str()))
            .count(&txn)
            .await?;
        if offered == 0 {
            return Err(Error::invalid_data(
                "The fulfillment provider is not available in the provided region",
            ));
        }
        if !self.provider(&input.provider_id)?.validate_option(&data) {
            return Err(Error::invalid_data(
                "The fulfillment provider cannot validate the shipping option",
            ));
        }
        let requirements = input.requirements.unwrap_or_default();
        check_requirements(requirements.iter().map(|r| (&r.requirement_type, r.amount)))?;
        // The foreign key accepts a soft-deleted profile, as Medusa's does.
        if shipping_profile::Entity::find_by_id(profile_id.as_str())
            .count(&txn)
            .await?
            == 0
        {
            return Err(Error::not_found(format!(
                "Shipping_profile with profile_id {profile_id} does not exist."
            )));
        }
        let now = time::now();
        let option = shipping_option::ActiveModel {
            id: Set(generate_id(OPTION_ID_PREFIX)),
            name: Set(input.name),
            region_id: Set(region.id.clone()),
            profile_id: Set(profile_id),
            provider_id: Set(input.provider_id),
            price_type: Set(input.price_type),
            amount: Set(amount),
            is_return: Set(input.is_return),
            data: Set(data),
            // Stored as given: Medusa's create does not merge.
            metadata: Set(input.metadata.map(Value::Object)),
            admin_only: Set(input.admin_only),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        for requirement in requirements {
            shipping_option_requirement::ActiveModel {
                id: Set(generate_id(REQUIREMENT_ID_PREFIX)),
                shipping_option_id: Set(option.id.clone()),
                r#type: Set(requirement.requirement_type),
                amount: Set(requirement.amount),
                deleted_at: Set(None),
            }
            .insert(&txn)
            .await?;
        }
        includes_tax::write_if_changed(&txn, Table::ShippingOption, &option.id, input.includes_tax)
            .await?;
        medusa_events::record_event(
            &txn,
            &events::ShippingOptionCreated {
                id: option.id.clone(),
            },
        )
        .await?;
        let answer = self.view(&txn, option).await?;
        txn.commit().await?;
        Ok(answer)
    }

    async fn update(&self, id: &str, input: UpdateShippingOption) -> Result<OptionView> {
        let txn = self.db.begin().await?;
        let current = live_option(&txn, id).await?;
        let mut next = current.clone();
        if let Some(changes) = &input.metadata {
            next.metadata = Some(metadata::merge(current.metadata.as_ref(), changes));
        }

        let existing = shipping_option_requirement::Entity::find()
            .filter(shipping_option_requirement::Column::ShippingOptionId.eq(id))
            .filter(shipping_option_requirement::Column::DeletedAt.is_null())
            .all(&txn)
            .await?;
        let mut kept: Vec<shipping_option_requirement::Model> = Vec::new();
        for requirement in input.requirements {
            let requirement_type = requirement_type(&requirement.requirement_type)?;
            let saved = match &requirement.id {
                Some(requirement_id) => {
                    let found = live_or::<shipping_option_requirement::Entity, _>(
                        &txn,
                        requirement_id,
                        || {
                            Error::invalid_data(format!(
                            "Shipping option requirement with id {requirement_id} does not exist"
                        ))
                        },
                    )
                    .await?;
                    let mut row = found.into_active_model();
                    row.r#type = Set(requirement_type);
                    row.amount = Set(requirement.amount);
                    row.update(&txn).await?
                }
                None => {
                    shipping_option_requirement::ActiveModel {
                        id: Set(generate_id(REQUIREMENT_ID_PREFIX)),
                        shipping_option_id: Set(id.to_owned()),
                        r#type: Set(requirement_type),
                        amount: Set(requirement.amount),
                        deleted_at: Set(None),
                    }
                    .insert(&txn)
                    .await?
                }
            };
            kept.push(saved);
        }
        check_requirements(kept.iter().map(|r| (&r.r#type, r.amount)))?;
        let dropped: Vec<String> = existing
            .iter()
            .filter(|r| !kept.iter().any(|k| k.id == r.id))
            .map(|r| r.id.clone())
            .collect();
        if !dropped.is_empty() {
            shipping_option_requirement::Entity::update_many()
                .col_expr(
                    shipping_option_requirement::Column::DeletedAt,
                    Expr::value(time::now()),
                )
                .filter(shipping_option_requirement::Column::Id.is_in(dropped))
                .exec(&txn)
                .await?;
        }

        let amount = input.amount.or(current.amount);
        let effective_type = input
            .price_type
            .clone()
            .unwrap_or_else(|| current.price_type.clone());
        next.amount = self.check_price(
            &current.provider_id,
            &current.data,
            input.price_type.as_ref(),
            &effective_type,
            amount,
        )?;
        next.price_type = effective_type;
        if let Some(name) = input.name {
            next.name = name;
        }
        if let Some(admin_only) = input.admin_only {
            next.admin_only = admin_only;
        }
        let includes_tax_changed =
            includes_tax::write_if_changed(&txn, Table::ShippingOption, id, input.includes_tax)
                .await?;
        if next != current || includes_tax_changed {
            next.updated_at = time::now();
            next = next.into_active_model().reset_all().update(&txn).await?;
        }
        medusa_events::record_event(&txn, &events::ShippingOptionUpdated { id: id.to_owned() })
            .await?;
        let answer = self.view(&txn, next).await?;
        txn.commit().await?;
        Ok(answer)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        let now = time::now();
        let deleted = shipping_option::Entity::update_many()
            .col_expr(shipping_option::Column::DeletedAt, Expr::value(now))
            .col_expr(shipping_option::Column::UpdatedAt, Expr::value(now))
            .filter(shipping_option::Column::Id.eq(id))
            .filter(shipping_option::Column::DeletedAt.is_null())
            .exec(&txn)
            .await?;
        if deleted.rows_affected > 0 {
            medusa_events::record_event(&txn, &events::ShippingOptionDeleted { id: id.to_owned() })
                .await?;
        }
        txn.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirements_follow_medusas_order_checks() {
        use ShippingOptionRequirementTypeEnum::{MaxSubtotal as Max, MinSubtotal as Min};
        let check = |reqs: &[(ShippingOptionRequirementTypeEnum, i32)]| {
            check_requirements(reqs.iter().map(|(t, a)| (t, *a))).map_err(|e| e.to_string())
        };
        assert_eq!(check(&[(Min, 10), (Max, 50)]), Ok(()));
        assert_eq!(check(&[(Max, 50), (Min, 10)]), Ok(()));
        assert_eq!(
            check(&[(Min, 10), (Min, 20)]),
            Err("Only one requirement of each type is allowed".into())
        );
        assert_eq!(
            check(&[(Min, 60), (Max, 50)]),
            Err("Max. subtotal must be greater than Min. subtotal".into())
        );
        assert_eq!(
            check(&[(Max, 50), (Min, 60)]),
            Err("Max. subtotal must be greater than Min. subtotal".into())
        );
    }

    #[test]
    fn rounding_is_javascripts() {
        assert_eq!(js_round(12.5), 13);
        assert_eq!(js_round(-12.5), -12);
        assert_eq!(js_round(12.49), 12);
    }
}
