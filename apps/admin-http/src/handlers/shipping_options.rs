//! `/admin/shipping-options`.
//!
//! Bodies are checked here for shape in the order Medusa's request classes declare their
//! properties, so a body with several problems gets Medusa's message list in Medusa's order.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_core::Error;
use medusa_entity::sea_orm_active_enums::{
    ShippingOptionPriceTypeEnum, ShippingOptionRequirementTypeEnum,
};
use medusa_shipping::{
    shipping_option_list_spec, CreateShippingOption, RequirementInput, UpdateRequirement,
    UpdateShippingOption,
};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan, wrapped},
    state::AppState,
};

const PRICE_TYPE_MESSAGE: &str =
    r#"Invalid price type, must be one of "flat_rate" or "calculated""#;
const REQUIREMENT_TYPE_MESSAGE: &str =
    r#"Invalid option type, must be one of "min_subtotal" or "max_subtotal""#;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateShippingOptionBody {
    name: Option<Value>,
    region_id: Option<Value>,
    provider_id: Option<Value>,
    profile_id: Option<Value>,
    data: Option<Value>,
    price_type: Option<Value>,
    amount: Option<Value>,
    requirements: Option<Value>,
    admin_only: Option<Value>,
    is_return: Option<Value>,
    metadata: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    includes_tax: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateShippingOptionBody {
    name: Option<Value>,
    amount: Option<Value>,
    price_type: Option<Value>,
    requirements: Option<Value>,
    admin_only: Option<Value>,
    metadata: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    includes_tax: Option<Value>,
}

/// A property that is present, `null` included (serde reads a `null` `Option` as absent).
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// Collects class-validator style messages in declaration order.
#[derive(Default)]
struct Checks(Vec<String>);

impl Checks {
    fn string(&mut self, name: &str, value: &Option<Value>, required: bool) -> Option<String> {
        match value {
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) if !required => None,
            _ => {
                self.0.push(format!("{name} must be a string"));
                None
            }
        }
    }

    fn object(
        &mut self,
        name: &str,
        value: &Option<Value>,
        required: bool,
    ) -> Option<Map<String, Value>> {
        match value {
            Some(Value::Object(map)) => Some(map.clone()),
            None | Some(Value::Null) if !required => None,
            _ => {
                self.0.push(format!("{name} must be an object"));
                None
            }
        }
    }

    fn amount(&mut self, name: &str, value: &Option<Value>, required: bool) -> Option<i32> {
        match value {
            None | Some(Value::Null) if !required => None,
            Some(Value::Number(n)) if n.as_i64().and_then(|n| i32::try_from(n).ok()).is_some() => {
                n.as_i64().and_then(|n| i32::try_from(n).ok())
            }
            _ => {
                self.0.push(format!(
                    "{name} must be a number conforming to the specified constraints"
                ));
                None
            }
        }
    }

    fn boolean(&mut self, name: &str, value: &Option<Value>) -> Option<bool> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            _ => {
                self.0.push(format!("{name} must be a boolean value"));
                None
            }
        }
    }

    /// A property behind a feature flag: `@IsOptional() @IsBoolean()` when `enabled`;
    /// otherwise any value, `null` included, "should not exist". Checked last, as Medusa
    /// registers these rules after the class's own.
    fn flagged_boolean(
        &mut self,
        name: &str,
        value: &Option<Value>,
        enabled: bool,
    ) -> Option<bool> {
        if enabled {
            self.boolean(name, value)
        } else {
            if value.is_some() {
                self.0.push(format!("{name} should not exist"));
            }
            None
        }
    }

    fn price_type(
        &mut self,
        value: &Option<Value>,
        required: bool,
    ) -> Option<ShippingOptionPriceTypeEnum> {
        match value.as_ref().and_then(Value::as_str) {
            Some("flat_rate") => Some(ShippingOptionPriceTypeEnum::FlatRate),
            Some("calculated") => Some(ShippingOptionPriceTypeEnum::Calculated),
            None if !required && matches!(value, None | Some(Value::Null)) => None,
            _ => {
                self.0.push(PRICE_TYPE_MESSAGE.to_owned());
                None
            }
        }
    }

    fn array<'v>(
        &mut self,
        name: &str,
        value: &'v Option<Value>,
        required: bool,
    ) -> Option<&'v [Value]> {
        match value {
            Some(Value::Array(items)) => Some(items),
            None | Some(Value::Null) if !required => None,
            _ => {
                self.0.push(format!("{name} must be an array"));
                None
            }
        }
    }

    fn finish(self) -> Result<(), Error> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid_data(self.0.join(", ")))
        }
    }
}

fn member(item: &Value, name: &str) -> Option<Value> {
    item.get(name).cloned()
}

/// `GET /admin/shipping-options`
pub async fn list_shipping_options(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, shipping_option_list_spec(state.flags))?;
    let page = state.shipping_options.list(&plan).await?;
    let page = page.map(|option| option.to_json(&plan.selection));
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/shipping-options/{id}`
pub async fn get_shipping_option(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped(
        "shipping_option",
        state.shipping_options.retrieve(&id).await?,
    )
}

/// `POST /admin/shipping-options`
pub async fn create_shipping_option(
    state: web::Data<AppState>,
    body: JsonBody<CreateShippingOptionBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let mut checks = Checks::default();
    let name = checks.string("name", &body.name, true);
    let region_id = checks.string("region_id", &body.region_id, true);
    let provider_id = checks.string("provider_id", &body.provider_id, true);
    let profile_id = checks.string("profile_id", &body.profile_id, false);
    let data = checks.object("data", &body.data, true);
    let price_type = checks.price_type(&body.price_type, true);
    let amount = checks.amount("amount", &body.amount, false);
    let mut requirements = Vec::new();
    if let Some(items) = checks.array("requirements", &body.requirements, false) {
        for item in items {
            let requirement_type = match item.get("type").and_then(Value::as_str) {
                Some("min_subtotal") => Some(ShippingOptionRequirementTypeEnum::MinSubtotal),
                Some("max_subtotal") => Some(ShippingOptionRequirementTypeEnum::MaxSubtotal),
                _ => {
                    checks.0.push(REQUIREMENT_TYPE_MESSAGE.to_owned());
                    None
                }
            };
            let amount = checks.amount("amount", &member(item, "amount"), true);
            if let (Some(requirement_type), Some(amount)) = (requirement_type, amount) {
                requirements.push(RequirementInput {
                    requirement_type,
                    amount,
                });
            }
        }
    }
    let admin_only = checks.boolean("admin_only", &body.admin_only);
    let is_return = checks.boolean("is_return", &body.is_return);
    let metadata = checks.object("metadata", &body.metadata, false);
    let includes_tax = checks.flagged_boolean(
        "includes_tax",
        &body.includes_tax,
        medusa_shipping::tax_inclusive::enabled(state.flags),
    );
    checks.finish()?;
    let input = CreateShippingOption {
        name: name.unwrap_or_default(),
        region_id: region_id.unwrap_or_default(),
        provider_id: provider_id.unwrap_or_default(),
        profile_id: profile_id.filter(|id| !id.is_empty()),
        data: data.unwrap_or_default(),
        price_type: price_type.unwrap_or(ShippingOptionPriceTypeEnum::FlatRate),
        amount,
        requirements: body.requirements.is_some().then_some(requirements),
        admin_only: admin_only.unwrap_or(false),
        is_return: is_return.unwrap_or(false),
        metadata,
        includes_tax,
    };
    wrapped(
        "shipping_option",
        state.shipping_options.create(input).await?,
    )
}

/// `POST /admin/shipping-options/{id}`
pub async fn update_shipping_option(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<UpdateShippingOptionBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let mut checks = Checks::default();
    let name = checks.string("name", &body.name, false);
    let amount = checks.amount("amount", &body.amount, false);
    let price_type = checks.price_type(&body.price_type, false);
    let mut requirements = Vec::new();
    if let Some(items) = checks.array("requirements", &body.requirements, true) {
        for item in items {
            let requirement_id = checks.string("id", &member(item, "id"), false);
            let requirement_type = checks.string("type", &member(item, "type"), true);
            let amount = checks.amount("amount", &member(item, "amount"), true);
            if let (Some(requirement_type), Some(amount)) = (requirement_type, amount) {
                requirements.push(UpdateRequirement {
                    id: requirement_id,
                    requirement_type,
                    amount,
                });
            }
        }
    }
    let admin_only = checks.boolean("admin_only", &body.admin_only);
    let metadata = checks.object("metadata", &body.metadata, false);
    let includes_tax = checks.flagged_boolean(
        "includes_tax",
        &body.includes_tax,
        medusa_shipping::tax_inclusive::enabled(state.flags),
    );
    checks.finish()?;
    let input = UpdateShippingOption {
        name,
        amount,
        price_type,
        requirements,
        admin_only,
        metadata,
        includes_tax,
    };
    wrapped(
        "shipping_option",
        state.shipping_options.update(&id, input).await?,
    )
}

/// `DELETE /admin/shipping-options/{id}`
pub async fn delete_shipping_option(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.shipping_options.delete(&id).await?;
    Ok(deleted(&id, "shipping-option"))
}
